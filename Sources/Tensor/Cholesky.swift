import CLAPACK

extension NDArray {
    /// `np.linalg.cholesky(a, upper=)`: LAPACK `dpotrf` on each matrix (numpy's own call), which
    /// reads one triangle; numpy then zeroes the other, as done here.
    public func cholesky(upper: Bool) throws(TensorError) -> NDArray {
        if ndim < 2 { throw TensorError("\(ndim)-dimensional array given. Array must be at least two-dimensional", kind: .linAlgError) }
        let (mats, batch, n) = try squareMatrices()
        var out: [[Double]] = []
        for a in mats {
            var r = try NDArray.potrf(a, n: n, upper: upper)
            for j in 0..<n {
                for i in 0..<n where upper ? i > j : i < j { r[i + j * n] = 0 }
            }
            out.append(r)
        }
        return try NDArray.fromColumnMajor(out, batch: batch, rows: n, cols: n)
    }

    /// `dpotrf` (column-major), interruptible (see `DetachedCall`).
    static func potrf(_ a: [Double], n: Int, upper: Bool) throws(TensorError) -> [Double] {
        if n == 0 { return a }
        let (r, info) = try DetachedCall.run(cost: n * n * n) { () -> ([Double], Int32) in
            var a = a
            var n32 = Int32(n), lda = Int32(max(n, 1)), info: Int32 = 0
            var uplo = CChar(UInt8(ascii: upper ? "U" : "L"))
            dpotrf_(&uplo, &n32, &a, &lda, &info)
            return (a, info)
        }
        if info > 0 { throw TensorError("Matrix is not positive definite", kind: .linAlgError) }
        return r
    }
}
