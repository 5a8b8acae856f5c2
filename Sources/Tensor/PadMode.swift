/// The modes of `np.pad` that copy the array's own values into the border (constant mode is
/// `padded(_:value:)`). Each maps an output position p (counted from the original first element,
/// so negative in the before-border) to the source element it copies along that axis; numpy's
/// iterative padding of borders wider than the array gives the same periodic extension (checked
/// for every width up to 14 on sizes 1 to 6 against numpy 2.4).
public enum PadMode: String, Sendable, CaseIterable {
    /// The edge value repeated.
    case edge
    /// Mirrored without repeating the edge: `[1 2 3]` → `3 2 | 1 2 3 | 2 1`.
    case reflect
    /// Mirrored with the edge repeated: `[1 2 3]` → `2 1 | 1 2 3 | 3 2`.
    case symmetric
    /// Periodic: `[1 2 3]` → `2 3 | 1 2 3 | 1 2`.
    case wrap

    /// The source index of position `p` on an axis of `n` > 0 elements.
    func source(_ p: Int, _ n: Int) -> Int {
        func mod(_ a: Int, _ m: Int) -> Int { let r = a % m; return r < 0 ? r + m : r }
        switch self {
        case .edge: return Swift.min(Swift.max(p, 0), n - 1)
        case .wrap: return mod(p, n)
        case .symmetric:
            let m = mod(p, 2 * n)
            return m < n ? m : 2 * n - 1 - m
        case .reflect:
            if n == 1 { return 0 }
            let m = mod(p, 2 * n - 2)
            return m < n ? m : 2 * n - 2 - m
        }
    }
}

extension NDArray {
    /// `np.pad(array, pad_width, mode=...)` for the modes that copy values: one axis after the
    /// other, each a gather along that axis (as numpy pads axis by axis, so corners come from the
    /// already padded axes). The whole result's size is checked before anything is allocated.
    public func padded(_ widths: [(Int, Int)], mode: PadMode) throws(TensorError) -> NDArray {
        let outShape = try paddedShape(widths)
        for k in 0..<ndim where shape[k] == 0 && widths[k].0 + widths[k].1 > 0 {
            throw TensorError("can't extend empty axis \(k) using modes other than 'constant' or 'empty'", kind: .valueError)
        }
        try Limits.checkAllocation(outShape, dtype)
        var out = try copy()
        for k in 0..<ndim where widths[k].0 > 0 || widths[k].1 > 0 {
            let n = shape[k]
            let positions = (0..<outShape[k]).map { Int64(mode.source($0 - widths[k].0, n)) }
            out = try out.take(try NDArray(positions, shape: [positions.count]), axis: k)
        }
        return out
    }
}
