/// `split` and `array_split`: pieces along an axis, each a view of the original.
extension NDArray {
    /// The most pieces one split may return.
    public static let maxSections = 1 << 20

    /// `np.array_split(a, sections, axis=)`: `sections` pieces whose sizes differ by at most one
    /// (the first `n % sections` get the extra element). Errors: `number sections must be larger
    /// than 0.`, and for a bad axis Python's `tuple index out of range` (numpy reads
    /// `a.shape[axis]` before validating it).
    public func arraySplit(sections: Int, axis: Int = 0) throws(TensorError) -> [NDArray] {
        let ax = try splitAxis(axis)
        guard sections > 0 else { throw TensorError("number sections must be larger than 0.", kind: .valueError) }
        // Each section is an array object; refuse counts no session could hold (numpy would
        // try, and run out of memory).
        guard sections <= NDArray.maxSections else {
            throw TensorError("cannot split into \(sections) sections", explanation: "at most \(NDArray.maxSections) arrays can be returned")
        }
        let n = shape[ax]
        let each = n / sections, extras = n % sections
        var points = [0]
        points.reserveCapacity(sections + 1)
        var acc = 0
        for i in 0..<sections {
            acc += i < extras ? each + 1 : each
            points.append(acc)
        }
        return try pieces(points, axis: ax)
    }

    /// `np.array_split(a, [i, j, ...], axis=)` (same as `split` with indices): pieces
    /// `[:i]`, `[i:j]`, ..., `[k:]`, with Python's slice rules for negative or out-of-range indices.
    public func arraySplit(indices: [Int], axis: Int = 0) throws(TensorError) -> [NDArray] {
        let ax = try splitAxis(axis)
        return try pieces([0] + indices + [shape[ax]], axis: ax)
    }

    /// `np.split(a, sections, axis=)`: like `arraySplit` but the sections must divide the axis:
    /// `array split does not result in an equal division`; 0 sections is Python's
    /// `integer modulo by zero`.
    public func split(sections: Int, axis: Int = 0) throws(TensorError) -> [NDArray] {
        let ax = try splitAxis(axis)
        if sections == 0 { throw TensorError("integer modulo by zero", kind: .zeroDivisionError) }
        if shape[ax] % sections != 0 {
            throw TensorError("array split does not result in an equal division",
                              explanation: "axis \(axis) has length \(shape[ax]), which \(sections) does not divide", kind: .valueError)
        }
        return try arraySplit(sections: sections, axis: axis)
    }

    /// `np.split(a, [i, j, ...], axis=)`.
    public func split(indices: [Int], axis: Int = 0) throws(TensorError) -> [NDArray] {
        try arraySplit(indices: indices, axis: axis)
    }

    /// numpy evaluates `a.shape[axis]` first, so a bad axis is Python's tuple IndexError.
    private func splitAxis(_ axis: Int) throws(TensorError) -> Int {
        guard axis >= -ndim && axis < ndim else { throw TensorError("tuple index out of range", kind: .indexError) }
        return axis < 0 ? axis + ndim : axis
    }

    /// `a[..., points[i]:points[i+1], ...]` along `axis` for each consecutive pair.
    private func pieces(_ points: [Int], axis: Int) throws(TensorError) -> [NDArray] {
        var out: [NDArray] = []
        out.reserveCapacity(points.count - 1)
        for i in 0..<(points.count - 1) {
            var items = [IndexItem](repeating: .slice(start: nil, stop: nil, step: nil), count: axis)
            items.append(.slice(start: points[i], stop: points[i + 1], step: nil))
            out.append(try subscripted(items))
        }
        return out
    }
}
