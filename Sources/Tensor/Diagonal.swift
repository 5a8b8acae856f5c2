/// numpy's diagonals beyond `np.diag`: `a.diagonal(offset, axis1, axis2)` as a view, the index
/// tuple `np.diag_indices`, and the triangle of ones `np.tri`.
extension NDArray {
    /// `np.diagonal(a, offset=0, axis1=0, axis2=1)`: the other axes in order, then the diagonal
    /// as the last axis: a read-only view, as numpy 2 returns (`setflags(write=True)` makes it
    /// writeable when the array it views is).
    public func diagonal(offset: Int = 0, axis1: Int = 0, axis2: Int = 1) throws(TensorError) -> NDArray {
        if ndim < 2 { throw TensorError("diag requires an array of at least two dimensions", kind: .valueError) }
        func normalized(_ axis: Int, _ label: String) throws(TensorError) -> Int {
            do { return try NDArray.normalizeAxis(axis, ndim: ndim) } catch {
                throw TensorError("\(label): " + error.message, explanation: error.explanation, kind: .axisError)
            }
        }
        let a1 = try normalized(axis1, "axis1"), a2 = try normalized(axis2, "axis2")
        if a1 == a2 { throw TensorError("axis1 and axis2 cannot be the same", kind: .valueError) }
        let n1 = shape[a1], n2 = shape[a2]
        // Offsets past the matrix give an empty diagonal (clamped so nothing overflows).
        let k = Swift.max(Swift.min(offset, n2), -n1)
        let length = Swift.max(0, k >= 0 ? Swift.min(n1, n2 - k) : Swift.min(n1 + k, n2))
        let rest = (0..<ndim).filter { $0 != a1 && $0 != a2 }
        let start = length == 0 ? self.offset : self.offset + (k >= 0 ? k * strides[a2] : -k * strides[a1])
        return NDArray(viewing: storage, dtype: dtype, shape: rest.map { shape[$0] } + [length],
                       strides: rest.map { strides[$0] } + [strides[a1] + strides[a2]], offset: start, isView: true,
                       writeable: false)
    }

    /// `np.diag_indices(n, ndim=2)`: ndim copies of `arange(n)`, indexing the main diagonal.
    public static func diagIndices(_ n: Int, ndim: Int) throws(TensorError) -> [NDArray] {
        if n < 0 { throw TensorError("negative dimensions are not allowed", kind: .valueError) }
        // ndim copies of one index array: a huge ndim (`False | diag_indices 2**62`, the red
        // team's fuzz) asked Swift for an array of 2**62 references and the process died.
        _ = try Limits.checkAllocation([Swift.max(ndim, 0)], .int64)
        let idx = try NDArray.arange(.int(Int64(n)))
        return (0..<Swift.max(ndim, 0)).map { _ in idx }
    }

    /// `np.tri(N, M=None, k=0, dtype=float)`: ones on and below the k-th diagonal.
    public static func tri(_ n: Int, _ m: Int? = nil, k: Int = 0, dtype: DType = .float64) throws(TensorError) -> NDArray {
        let cols = m ?? n
        if n < 0 || cols < 0 { throw TensorError("negative dimensions are not allowed", kind: .valueError) }
        _ = try Limits.checkAllocation([n, cols], dtype)
        var ones = [Bool](repeating: false, count: n * cols)
        for i in 0..<n {
            let (end, over) = i.addingReportingOverflow(k)
            let last = over ? (k > 0 ? cols - 1 : -1) : Swift.min(end, cols - 1)
            if last >= 0 { for j in 0...last { ones[i * cols + j] = true } }
        }
        return try NDArray(ones, shape: [n, cols]).astype(dtype)
    }

    /// `np.resize(a, new_shape)`: the flattened elements repeated cyclically to fill the shape
    /// (zeros when a is empty).
    public func resized(to newShape: [Int]) throws(TensorError) -> NDArray {
        if newShape.contains(where: { $0 < 0 }) {
            throw TensorError("all elements of `new_shape` must be non-negative", kind: .valueError)
        }
        let n = try Limits.checkAllocation(newShape, dtype)
        if size == 0 || n == 0 { return try NDArray(zeros: newShape, dtype: dtype) }
        let flat = try ravel()
        let idx = try NDArray.fromInt64s((0..<n).map { Int64($0 % size) }, shape: [n])
        return try flat.subscripted([.array(idx)]).reshape(newShape)
    }
}
