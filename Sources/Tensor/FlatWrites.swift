/// numpy's writes by flat position: `np.put` (at indices), `np.place` (where a mask holds, the
/// values taken in turn) and `np.putmask` (where a mask holds, the value at the same position).
/// Each one cycles its values as numpy does and writes through `setItem`, so a view's base
/// changes and the statement's journal can undo the write.
public enum ClipMode: String, Sendable {
    case raise, wrap, clip

    /// numpy's `clipmode` argument, with its error.
    public init(numpy s: String) throws(TensorError) {
        guard let m = ClipMode(rawValue: s) else {
            throw TensorError("clipmode must be one of 'clip', 'raise', or 'wrap' (got '\(s)')", kind: .valueError)
        }
        self = m
    }
}

extension NDArray {
    /// The per-axis index arrays of flat (C-order) positions, for `setItem`.
    func unraveled(_ flat: [Int]) throws(TensorError) -> [IndexItem] {
        var columns = [[Int64]](repeating: [], count: ndim)
        for p in flat {
            var rest = p
            for axis in stride(from: ndim - 1, through: 0, by: -1) {
                columns[axis].append(Int64(rest % shape[axis]))
                rest /= shape[axis]
            }
        }
        return try columns.map { (c) throws(TensorError) -> IndexItem in .array(try NDArray.fromInt64s(c, shape: [c.count])) }
    }

    /// Writes `values` (cycled) at flat `positions`, in order: a repeated position keeps the last.
    func writeFlat(_ positions: [Int], _ values: NDArray) throws(TensorError) {
        guard !positions.isEmpty, values.size > 0 else { return }
        let v = try values.ravel()
        let picked = try v.subscripted([.array(try NDArray.fromInt64s(positions.indices.map { Int64($0 % v.size) }, shape: [positions.count]))])
        if ndim == 0 { return try assign(try picked.subscripted([.index(picked.size - 1)])) }
        try setItem(try unraveled(positions), .array(try picked.astype(dtype)))
    }

    /// `np.put(a, ind, v, mode='raise')`: `a.flat[ind] = v`, v repeated as needed.
    public func put(_ indices: NDArray, _ values: NDArray, mode: ClipMode = .raise) throws(TensorError) {
        let raw = try indices.astype(.int64).int64Values()
        var positions: [Int] = []
        positions.reserveCapacity(raw.count)
        for r in raw {
            var i = Int(r)
            switch mode {
            case .raise:
                if i < -size || i >= size { throw TensorError("index \(r) is out of bounds for axis 0 with size \(size)", kind: .indexError) }
                if i < 0 { i += size }
            case .wrap:
                if size == 0 { throw TensorError("cannot do a non-empty take from an empty axes.", kind: .indexError) }
                i = ((i % size) + size) % size
            case .clip:
                if size == 0 { throw TensorError("cannot do a non-empty take from an empty axes.", kind: .indexError) }
                i = Swift.min(Swift.max(i, 0), size - 1)
            }
            positions.append(i)
        }
        if values.size == 0 { return }
        try writeFlat(positions, values)
    }

    /// The flat positions where `mask` holds; it must have this array's size.
    func maskPositions(_ mask: NDArray, _ message: String) throws(TensorError) -> [Int] {
        guard mask.size == size else { throw TensorError(message, kind: .valueError) }
        return try mask.ravel().astype(.bool).boolValues().enumerated().compactMap { $0.element ? $0.offset : nil }
    }

    /// `np.place(arr, mask, vals)`: the k-th True position gets `vals[k % len(vals)]`.
    public func place(_ mask: NDArray, _ values: NDArray) throws(TensorError) {
        let positions = try maskPositions(mask, "place: mask and data must be the same size")
        if values.size == 0 {
            if positions.isEmpty { return }
            throw TensorError("Cannot insert from an empty array!", kind: .valueError)
        }
        try writeFlat(positions, values)
    }

    /// `np.putmask(a, mask, values)`: position n (where the mask holds) gets `values[n % len(values)]`.
    public func putMask(_ mask: NDArray, _ values: NDArray) throws(TensorError) {
        let positions = try maskPositions(mask, "putmask: mask and data must be the same size")
        guard values.size > 0, !positions.isEmpty else { return }
        let v = try values.ravel()
        let picked = try v.subscripted([.array(try NDArray.fromInt64s(positions.map { Int64($0 % v.size) }, shape: [positions.count]))])
        if ndim == 0 { return try assign(picked) }
        try setItem(try unraveled(positions), .array(try picked.astype(dtype)))
    }
}
