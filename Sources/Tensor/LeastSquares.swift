import CLAPACK

/// `np.linalg.lstsq(a, b, rcond=None)`: numpy's 4-tuple (x, residuals, rank, s) from LAPACK
/// `dgelsd` (numpy's own call, SVD-based), with numpy's Python wrapper around it step by step:
/// a 1-d b becomes a column and x goes back to 1-d (residuals do not: shape (1,)); rcond None is
/// `eps * max(M, N)`; the residuals are the squared norms of the rows M..N of each solved column,
/// summed in order as numpy's C loop does, and an empty array when rank < N or M <= N.
extension NDArray {
    public struct LeastSquaresSolution: Sendable {
        public let x: NDArray
        public let residuals: NDArray
        public let rank: Int
        public let singularValues: NDArray
    }

    public static func leastSquares(_ a: NDArray, _ b: NDArray, rcond: Double?) throws(TensorError) -> LeastSquaresSolution {
        let isVector = b.ndim == 1
        let b2 = isVector ? try b.reshape([b.shape[0], 1]) : b
        for x in [a, b2] where x.ndim != 2 {
            throw TensorError("\(x.ndim)-dimensional array given. Array must be two-dimensional", kind: .linAlgError)
        }
        let m = a.shape[0], n = a.shape[1], nrhs = b2.shape[1]
        guard b2.shape[0] == m else { throw TensorError("Incompatible dimensions", kind: .linAlgError) }
        let resultType = try linalgResultType([a, b])
        let k = Swift.min(m, n)
        let cond = rcond ?? Double.ulpOfOne * Double(Swift.max(m, n))
        let am = try a.columnMajorMatrices().matrices.first ?? []
        let bm = try b2.columnMajorMatrices().matrices.first ?? []
        // B is ldb x nrhs: LAPACK writes the n-row solution over the m-row right-hand side.
        let ldb = Swift.max(1, m, n)
        var padded = [Double](repeating: 0, count: ldb * nrhs)
        for j in 0..<nrhs { for i in 0..<m { padded[j * ldb + i] = bm[j * m + i] } }
        let bFull = padded
        var solved = bFull, s = [Double](repeating: 0, count: k), rank = 0
        if k > 0 && nrhs > 0 {
            let (out, sv, r, info) = try DetachedCall.run(cost: m * n * (k + nrhs)) { () -> ([Double], [Double], Int32, Int32) in
                var a = am, b = bFull
                var m32 = Int32(m), n32 = Int32(n), nrhs32 = Int32(nrhs), lda = Int32(Swift.max(m, 1)), ldb32 = Int32(ldb)
                var s = [Double](repeating: 0, count: Swift.max(k, 1))
                var rc = cond, rank: Int32 = 0, info: Int32 = 0, lwork: Int32 = -1, query = 0.0, iquery: Int32 = 0
                dgelsd_(&m32, &n32, &nrhs32, &a, &lda, &b, &ldb32, &s, &rc, &rank, &query, &lwork, &iquery, &info)
                lwork = Int32(query)
                var work = [Double](repeating: 0, count: Swift.max(Int(lwork), 1))
                var iwork = [Int32](repeating: 0, count: Swift.max(Int(iquery), 1))
                dgelsd_(&m32, &n32, &nrhs32, &a, &lda, &b, &ldb32, &s, &rc, &rank, &work, &lwork, &iwork, &info)
                return (b, s, rank, info)
            }
            if info > 0 { throw TensorError("SVD did not converge in Linear Least Squares", kind: .linAlgError) }
            solved = out
            s = Array(sv.prefix(k))
            rank = Int(r)
        } else if k > 0 {
            // No right-hand side: numpy still factors a (for s and the rank) on one zero column.
            let (sv, r) = try NDArray.zeros([m]).leastSquaresRankOnly(a)
            s = sv
            rank = r
        }
        var xs = [Double](repeating: 0, count: n * nrhs)
        if m > 0 { for j in 0..<nrhs { for i in 0..<n { xs[i * nrhs + j] = solved[j * ldb + i] } } }
        var x = try fromDoubles(xs, shape: [n, nrhs], dtype: resultType)
        if isVector { x = try x.reshape([n]) }
        var residuals = try fromDoubles([], shape: [0], dtype: resultType)
        if rank == n && m > n {
            var r = [Double](repeating: 0, count: nrhs)
            for j in 0..<nrhs {
                var sum = 0.0
                for i in n..<m { let v = solved[j * ldb + i]; sum += v * v }
                r[j] = sum
            }
            residuals = try fromDoubles(r, shape: [nrhs], dtype: resultType)
        }
        return LeastSquaresSolution(x: x, residuals: residuals, rank: rank,
                                    singularValues: try fromDoubles(s, shape: [k], dtype: resultType))
    }

    /// s and the rank of `a` from `dgelsd` with this zero vector as the right-hand side.
    private func leastSquaresRankOnly(_ a: NDArray) throws(TensorError) -> ([Double], Int) {
        let r = try NDArray.leastSquares(a, self, rcond: nil)
        return (try r.singularValues.astype(.float64).doubleValues(), r.rank)
    }

    /// numpy's `_commonType` for linalg: every input is computed in float64, and the result is
    /// float32 only when every input is float32; float16 is refused as numpy refuses it.
    public static func linalgResultType(_ arrays: [NDArray]) throws(TensorError) -> DType {
        var result = DType.float32
        for a in arrays {
            if a.dtype == .float16 { throw TensorError("array type float16 is unsupported in linalg", kind: .typeError) }
            if a.dtype != .float32 { result = .float64 }
        }
        return result
    }
}
