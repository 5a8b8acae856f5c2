/// numpy's matrix builders: `eye`, `identity`, `diag`, `tril`, `triu`.
extension NDArray {
    /// `np.eye(N, M=None, k=0, dtype=float)`: ones on the k-th diagonal.
    public static func eye(_ n: Int, _ m: Int? = nil, k: Int = 0, dtype: DType = .float64) throws(TensorError) -> NDArray {
        let cols = m ?? n
        if n < 0 || cols < 0 { throw TensorError("negative dimensions are not allowed", kind: .valueError) }
        // The budget is checked before anything is allocated, and the result is written in its
        // own dtype: an int64 scratch copy of a refused size once took the machine's memory.
        _ = try Limits.checkAllocation([n, cols], dtype)
        let out = try NDArray(zeros: [n, cols], dtype: dtype)
        let one = try fromInt64s([1], shape: [1], dtype: dtype)
        let w = dtype.itemSize
        // Only the rows the diagonal crosses: np.eye(2**31, 0) has no elements and no loop.
        let first = k >= 0 ? 0 : (k == Int.min ? n : Swift.min(n, -k))
        let (end, over) = cols.subtractingReportingOverflow(k)
        let last = over ? n : Swift.max(Swift.min(n, end), 0)
        if first < last {
            for i in first..<last {
                out.storage.pointer.advanced(by: (i * cols + i + k) * w)
                    .copyMemory(from: one.storage.pointer.advanced(by: one.offset * w), byteCount: w)
            }
        }
        return out
    }

    /// `np.diag(v, k=0)`: a 1-d `v` becomes a square matrix with `v` on the k-th diagonal; a
    /// 2-d `v` gives its k-th diagonal (numpy's read-only view, as `v.diagonal(k)`).
    public static func diag(_ v: NDArray, k: Int = 0) throws(TensorError) -> NDArray {
        switch v.ndim {
        case 1:
            guard k > Int.min / 2 && k < Int.max / 2 else { throw TensorError("Maximum allowed size exceeded", kind: .valueError) }
            let n = v.shape[0] + Swift.abs(k)
            _ = try Limits.checkAllocation([n, n], v.dtype)
            let out = try NDArray(zeros: [n, n], dtype: v.dtype)
            let w = v.dtype.itemSize
            for i in 0..<v.shape[0] {
                let r = k >= 0 ? i : i - k, c = k >= 0 ? i + k : i
                out.storage.pointer.advanced(by: (r * n + c) * w)
                    .copyMemory(from: v.storage.pointer.advanced(by: (v.offset + i * v.strides[0]) * w), byteCount: w)
            }
            return out
        case 2:
            // numpy's diag of a matrix is `diagonal(v, k)`: a read-only view, not a copy.
            return try v.diagonal(offset: k)
        default:
            throw TensorError("Input must be 1- or 2-d.", kind: .valueError)
        }
    }

    /// `np.tril(m, k=0)` (`lower: true`) and `np.triu(m, k=0)`: zeros above (below) the k-th
    /// diagonal of the last two axes; a 1-d input is taken as a row repeated (numpy's rule).
    public func triangle(lower: Bool, k: Int = 0) throws(TensorError) -> NDArray {
        let m = ndim == 1 ? try broadcast(to: [shape[0], shape[0]]) : self
        guard m.ndim >= 2 else { throw TensorError("input array must be at least 1-d", kind: .valueError) }
        let out = try m.copy()
        let rows = m.shape[m.ndim - 2], cols = m.shape[m.ndim - 1]
        let w = dtype.itemSize
        let planes = rows * cols == 0 ? 0 : out.size / (rows * cols)
        for p in 0..<planes {
            for i in 0..<rows {
                for j in 0..<cols where lower ? (j - i > k) : (j - i < k) {
                    out.storage.pointer.advanced(by: (p * rows * cols + i * cols + j) * w).initializeMemory(as: UInt8.self, repeating: 0, count: w)
                }
            }
        }
        return out
    }
}

extension NDArray {
    /// `np.triu_indices(n, k=0, m=None)` / `np.tril_indices`: the row and column indices of the
    /// elements on and above (below) the k-th diagonal of an n × m matrix, in row-major order,
    /// as numpy's `nonzero(tri(...))` gives them. The n × m mask is checked against `Limits`
    /// before anything is allocated.
    public static func triangleIndices(n: Int, k: Int, m: Int?, lower: Bool) throws(TensorError) -> (rows: NDArray, cols: NDArray) {
        let rows = Swift.max(n, 0), cols = Swift.max(m ?? n, 0)
        _ = try Limits.checkAllocation([rows, cols], .bool)
        var r: [Int64] = [], c: [Int64] = []
        for i in 0..<rows {
            for j in 0..<cols where lower ? j - i <= k : j - i >= k {
                r.append(Int64(i)); c.append(Int64(j))
            }
        }
        return (try fromInt64s(r, shape: [r.count]), try fromInt64s(c, shape: [c.count]))
    }
}
