/// `np.ravel_multi_index(multi_index, dims, mode='raise')`: the flat C-order index of each
/// tuple of coordinates (the inverse of `np.unravel_index`).
extension NDArray {
    public static func ravelMultiIndex(_ coordinates: [NDArray], dims: [Int], mode: ClipMode = .raise) throws(TensorError) -> NDArray {
        guard coordinates.count == dims.count else {
            throw TensorError("parameter multi_index must be a sequence of length \(dims.count)", kind: .valueError)
        }
        for c in coordinates where !(c.dtype.isInteger || c.dtype == .bool) {
            throw TensorError("only int indices permitted", kind: .typeError)
        }
        let shape = try broadcastShapes(coordinates.map(\.shape))
        var columns: [[Int64]] = []
        for c in coordinates { columns.append(try c.astype(.int64).broadcast(to: shape).int64Values()) }
        let count = shape.reduce(1, *)
        var out = [Int64](repeating: 0, count: count)
        for k in 0..<count {
            var flat: Int64 = 0
            for (axis, n) in dims.enumerated() {
                var i = columns[axis][k]
                let size = Int64(n)
                switch mode {
                case .raise: if i < 0 || i >= size { throw TensorError("invalid entry in coordinates array", kind: .valueError) }
                case .wrap: i = size == 0 ? 0 : ((i % size) + size) % size
                case .clip: i = Swift.min(Swift.max(i, 0), Swift.max(size - 1, 0))
                }
                flat = flat &* size &+ i
            }
            out[k] = flat
        }
        return try fromInt64s(out, shape: shape)
    }
}
