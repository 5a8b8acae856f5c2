import CLAPACK
import Foundation

/// numpy's linear algebra: `outer`, `inner`, `vdot`, `tensordot`, `np.linalg.norm`, and
/// through LAPACK (from the OpenBLAS package the engine already links) `inv`, `det`, `solve`,
/// `svd`, `qr`, `pinv`, `matrix_rank`, `eigh`, `eig`.
///
/// The LAPACK routines are numpy's own choices (`dgesv` for inv/solve, `dgetrf` for det,
/// `dgesdd` for svd, `dgeqrf`+`dorgqr` for qr, `dsyevd` for eigh, `dgeev` for eig). They run in
/// float64 (numpy also computes float32 input in float32; rnnsh returns float64 there).
/// Their last digits depend on the BLAS build's blocking, so tests print these results
/// rounded (docs/numpy-algorithms.md). Stacks of matrices (`(..., M, M)`) are handled matrix
/// by matrix, as numpy's gufuncs do.
extension NDArray {
    /// `np.outer(a, b)`: both flattened, `a[i] * b[j]`.
    public static func outer(_ a: NDArray, _ b: NDArray) throws(TensorError) -> NDArray {
        let x = try a.reshape([-1]).reshape([a.size, 1]), y = try b.reshape([-1]).reshape([1, b.size])
        return try binary(.multiply, .array(x), .array(y))
    }

    /// `np.tensordot(a, b, axes)`: sums over `axesA` of a paired with `axesB` of b, as numpy
    /// does it (transpose, reshape to 2-d, matrix product, reshape).
    public static func tensordot(_ a: NDArray, _ b: NDArray, axesA: [Int], axesB: [Int]) throws(TensorError) -> NDArray {
        guard axesA.count == axesB.count else { throw TensorError("shape-mismatch for sum", kind: .valueError) }
        let aa = try axesA.map { (x) throws(TensorError) -> Int in try normalizeAxis(x, ndim: a.ndim) }
        let bb = try axesB.map { (x) throws(TensorError) -> Int in try normalizeAxis(x, ndim: b.ndim) }
        for (i, j) in zip(aa, bb) where a.shape[i] != b.shape[j] {
            throw TensorError("shape-mismatch for sum", kind: .valueError)
        }
        let freeA = (0..<a.ndim).filter { !aa.contains($0) }, freeB = (0..<b.ndim).filter { !bb.contains($0) }
        let k = aa.reduce(1) { $0 * a.shape[$1] }
        let m = freeA.reduce(1) { $0 * a.shape[$1] }, n = freeB.reduce(1) { $0 * b.shape[$1] }
        let at = try a.transpose(freeA + aa).copy().reshape([m, k])
        let bt = try b.transpose(bb + freeB).copy().reshape([k, n])
        let rt = DType.promote(a.dtype, b.dtype)
        let prod = try matmul(try at.astype(rt), try bt.astype(rt))
        return try prod.reshape(freeA.map { a.shape[$0] } + freeB.map { b.shape[$0] })
    }

    /// `np.inner(a, b)`: sums over the last axes of both (a scalar product for vectors).
    public static func inner(_ a: NDArray, _ b: NDArray) throws(TensorError) -> NDArray {
        if a.ndim == 0 || b.ndim == 0 { return try binary(.multiply, .array(a), .array(b)) }
        guard a.shape[a.ndim - 1] == b.shape[b.ndim - 1] else {
            throw TensorError("shapes \(numpyShapeString(a.shape)) and \(numpyShapeString(b.shape)) not aligned: \(a.shape[a.ndim - 1]) (dim \(a.ndim - 1)) != \(b.shape[b.ndim - 1]) (dim \(b.ndim - 1))", kind: .valueError)
        }
        return try tensordot(a, b, axesA: [a.ndim - 1], axesB: [b.ndim - 1])
    }

    /// `np.vdot(a, b)`: both flattened, then the scalar product.
    public static func vdot(_ a: NDArray, _ b: NDArray) throws(TensorError) -> NDArray {
        guard a.size == b.size else { throw TensorError("cannot reshape array of size \(b.size) into shape (\(a.size),)", kind: .valueError) }
        let rt = DType.promote(a.dtype, b.dtype)
        if rt == .float64 {
            let x = try a.astype(.float64).doubleValues(), y = try b.astype(.float64).doubleValues()
            return NDArray(scalar: cblas_ddot(Int32(x.count), x, 1, y, 1))
        }
        if rt == .float32 {
            let x = try a.floatValues(), y = try b.floatValues()
            return NDArray(scalar: cblas_sdot(Int32(x.count), x, 1, y, 1))
        }
        return try matmul(try a.reshape([-1]), try b.reshape([-1]))
    }

    // MARK: - norm

    /// `np.linalg.norm(x, ord=None, axis=None, keepdims=False)`. `ord` is a number, ±inf, or
    /// nil; `matrixOrd` the strings 'fro' and 'nuc'. Vector norms: sum of |x|^ord to the 1/ord
    /// (2: sqrt of the pairwise sum of squares), inf: max |x|, 0: count of non-zeros. Matrix
    /// norms: 'fro', 'nuc', ±1 (column sums), ±inf (row sums), ±2 (singular values).
    public func norm(ord: Double?, matrixOrd: String? = nil, axis: [Int]? = nil, keepdims: Bool = false) throws(TensorError) -> NDArray {
        let x = dtype.isFloat ? self : try astype(.float64)
        let axes: [Int]
        if let axis { axes = try NDArray.normalizeAxes(axis, ndim: ndim) } else {
            if ord == nil && matrixOrd == nil {
                // numpy: sqrt(dot(x, x)) over the flattened array (BLAS ddot/sdot).
                let r = try NDArray.vdot(x, x).apply(.sqrt)
                return keepdims ? try r.reshape([Int](repeating: 1, count: ndim)) : r
            }
            axes = Array(0..<ndim)
        }
        let absx = try x.apply(.absolute)
        if axes.count == 1 {
            if matrixOrd != nil { throw TensorError("Invalid norm order '\(matrixOrd ?? "")' for vectors", kind: .valueError) }
            let ax = axes
            switch ord {
            case nil:
                return try NDArray.binary(.multiply, .array(x), .array(x)).reduce(.sum, axis: ax, keepdims: keepdims).apply(.sqrt)
            case let o? where o == 2:
                return try NDArray.binary(.multiply, .array(x), .array(x)).reduce(.sum, axis: ax, keepdims: keepdims).apply(.sqrt)
            case let o? where o == .infinity: return try absx.reduce(.max, axis: ax, keepdims: keepdims)
            case let o? where o == -.infinity: return try absx.reduce(.min, axis: ax, keepdims: keepdims)
            case let o? where o == 0:
                return try x.astype(.bool).astype(x.dtype).reduce(.sum, axis: ax, keepdims: keepdims)
            case let o? where o == 1: return try absx.reduce(.sum, axis: ax, keepdims: keepdims)
            case let o?:
                let p = try NDArray.apply(.power, .array(absx), .float(o)).reduce(.sum, axis: ax, keepdims: keepdims)
                return try NDArray.apply(.power, .array(p), .float(1 / o))
            }
        }
        guard axes.count == 2 else { throw TensorError("Improper number of dimensions to norm.", kind: .valueError) }
        let (r, c) = (axes[0], axes[1])
        guard r != c else { throw TensorError("Duplicate axes given.", kind: .valueError) }
        var result: NDArray
        switch (ord, matrixOrd) {
        case (nil, nil), (nil, "fro"?):
            result = try NDArray.binary(.multiply, .array(x), .array(x)).reduce(.sum, axis: axes, keepdims: false).apply(.sqrt)
        case (nil, "nuc"?):
            result = try x.movedAxes([r, c], [-2, -1]).singularValues().reduce(.sum, axis: [-1], keepdims: false)
        case (let o?, nil) where o == 1 || o == -1:
            let sums = try absx.reduce(.sum, axis: [r], keepdims: false)
            result = try sums.reduce(o == 1 ? .max : .min, axis: [c > r ? c - 1 : c], keepdims: false)
        case (let o?, nil) where o.isInfinite:
            let sums = try absx.reduce(.sum, axis: [c], keepdims: false)
            result = try sums.reduce(o > 0 ? .max : .min, axis: [r > c ? r - 1 : r], keepdims: false)
        case (let o?, nil) where o == 2 || o == -2:
            result = try x.movedAxes([r, c], [-2, -1]).singularValues().reduce(o == 2 ? .max : .min, axis: [-1], keepdims: false)
        default:
            throw TensorError("Invalid norm order for matrices.", kind: .valueError)
        }
        if keepdims {
            var s = shape
            for a in axes { s[a] = 1 }
            result = try result.reshape(s)
        }
        return result
    }

    // MARK: - LAPACK

    /// The matrices of a `(..., M, N)` stack as column-major float64 buffers (LAPACK's layout).
    func columnMajorMatrices() throws(TensorError) -> (matrices: [[Double]], batch: [Int], m: Int, n: Int) {
        guard ndim >= 2 else {
            throw TensorError("\(ndim)-dimensional array given. Array must be at least two-dimensional", kind: .linAlgError)
        }
        let m = shape[ndim - 2], n = shape[ndim - 1]
        let values = try doubleValues()
        // One (possibly empty) matrix per batch position (a (0, 0) matrix still has a det of 1);
        // an empty matrix's stack is counted through the allocation check, which refuses
        // overflowing and too-large batches (their results take a float64 each at least).
        let empty = m == 0 || n == 0
        let count = empty ? try Limits.checkAllocation(Array(shape[..<(ndim - 2)]), .float64) : values.count / (m * n)
        var out: [[Double]] = []
        for b in 0..<count {
            try Cancellation.check()
            var cm = [Double](repeating: 0, count: m * n)
            for i in 0..<m { for j in 0..<n { cm[j * m + i] = values[b * m * n + i * n + j] } }
            out.append(cm)
        }
        return (out, Array(shape[..<(ndim - 2)]), m, n)
    }

    /// A `(batch..., rows, cols)` float64 array from column-major matrices.
    static func fromColumnMajor(_ mats: [[Double]], batch: [Int], rows: Int, cols: Int) throws(TensorError) -> NDArray {
        var values: [Double] = []
        values.reserveCapacity(mats.count * rows * cols)
        for cm in mats {
            try Cancellation.check()
            for i in 0..<rows { for j in 0..<cols { values.append(cm[j * rows + i]) } }
        }
        return try fromDoubles(values, shape: batch + [rows, cols])
    }

    func squareMatrices() throws(TensorError) -> (matrices: [[Double]], batch: [Int], n: Int) {
        let (mats, batch, m, n) = try columnMajorMatrices()
        guard m == n else { throw TensorError("Last 2 dimensions of the array must be square", kind: .linAlgError) }
        return (mats, batch, n)
    }

    /// `np.linalg.inv(a)`: `dgesv(a, I)`; a singular matrix is numpy's `Singular matrix`.
    public func inverse() throws(TensorError) -> NDArray { try inverse(nanOnSingular: false) }

    /// `nanOnSingular`: a singular matrix's inverse is all NaN, as numpy's inv gufunc gives it
    /// under errstate(invalid='ignore') (np.linalg.cond relies on it).
    func inverse(nanOnSingular: Bool) throws(TensorError) -> NDArray {
        let (mats, batch, n) = try squareMatrices()
        var out: [[Double]] = []
        for a in mats {
            var b = [Double](repeating: 0, count: n * n)
            for i in 0..<n { b[i * n + i] = 1 }
            do {
                out.append(try NDArray.gesv(a, b, n: n, nrhs: n))
            } catch where nanOnSingular && error.kind == .linAlgError {
                out.append([Double](repeating: .nan, count: n * n))
            }
        }
        return try NDArray.fromColumnMajor(out, batch: batch, rows: n, cols: n)
    }

    /// `dgesv`: the solution of `a x = b` (column-major), interruptible (see `DetachedCall`).
    static func gesv(_ a: [Double], _ b: [Double], n: Int, nrhs: Int) throws(TensorError) -> [Double] {
        if n == 0 { return b }
        let (x, info) = try DetachedCall.run(cost: n * n * (n + nrhs)) { () -> ([Double], Int32) in
            var a = a, b = b
            var n32 = Int32(n), nrhs32 = Int32(nrhs), lda = Int32(max(n, 1)), ldb = Int32(max(n, 1)), info: Int32 = 0
            var ipiv = [Int32](repeating: 0, count: n)
            dgesv_(&n32, &nrhs32, &a, &lda, &ipiv, &b, &ldb, &info)
            return (b, info)
        }
        if info > 0 { throw TensorError("Singular matrix", kind: .linAlgError) }
        return x
    }

    /// `np.linalg.solve(a, b)`: `b` a vector `(M,)` or a matrix `(M, K)`.
    public static func solve(_ a: NDArray, _ b: NDArray) throws(TensorError) -> NDArray {
        guard a.ndim == 2 else {
            if a.ndim < 2 { throw TensorError("\(a.ndim)-dimensional array given. Array must be at least two-dimensional", kind: .linAlgError) }
            throw TensorError("rnnsh solves one system at a time: a must be 2-d")
        }
        let (mats, _, n) = try a.squareMatrices()
        guard let am = mats.first ?? (n == 0 ? [] : nil) else { return try b.astype(.float64) }
        let vector = b.ndim == 1
        let bm = vector ? try b.reshape([-1, 1]) : b
        guard bm.ndim == 2, bm.shape[0] == n else {
            throw TensorError("solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m) (size \(b.shape.first ?? 0) is different from \(n))", kind: .valueError)
        }
        let k = bm.shape[1]
        let bc = try gesv(am, try bm.columnMajorMatrices().matrices.first ?? [], n: n, nrhs: k)
        let r = try fromColumnMajor([bc], batch: [], rows: n, cols: k)
        return vector ? try r.reshape([n]) : r
    }

    /// `np.linalg.det(a)`: LU (`dgetrf`), then numpy's `sign * exp(sum(log|u_ii|))`.
    public func determinant() throws(TensorError) -> NDArray {
        let (signs, logs) = try signAndLogDeterminant()
        return try NDArray.binary(.multiply, .array(signs), .array(try logs.apply(.exp)))
    }

    /// `np.linalg.slogdet(a)`: numpy's C loop over the LU factors (`dgetrf`): the sign from the
    /// row swaps and the negative pivots, log|det| as the sum of log|u_ii| in order; a singular
    /// matrix (dgetrf's info > 0) is sign 0, log -inf. Float64 arrays of the batch's shape.
    public func signAndLogDeterminant() throws(TensorError) -> (sign: NDArray, logabsdet: NDArray) {
        let (mats, batch, n) = try squareMatrices()
        var signs: [Double] = [], logs: [Double] = []
        for a0 in mats {
            if n == 0 { signs.append(1); logs.append(0); continue }
            let (a, ipiv, info) = try DetachedCall.run(cost: n * n * n) { () -> ([Double], [Int32], Int32) in
                var a = a0
                var n32 = Int32(n), lda = Int32(n), info: Int32 = 0
                var ipiv = [Int32](repeating: 0, count: n)
                dgetrf_(&n32, &n32, &a, &lda, &ipiv, &info)
                return (a, ipiv, info)
            }
            if info > 0 { signs.append(0); logs.append(-.infinity); continue }
            var sign = 1.0, logdet = 0.0
            for i in 0..<n where Int(ipiv[i]) != i + 1 { sign = -sign }
            for i in 0..<n {
                let d = a[i * n + i]
                if d < 0 { sign = -sign }
                logdet += Foundation.log(Swift.abs(d))
            }
            signs.append(sign)
            logs.append(logdet)
        }
        return (try NDArray.fromDoubles(signs, shape: batch), try NDArray.fromDoubles(logs, shape: batch))
    }

    /// `dgesdd` on every matrix: (u, s, vt) with `full` (numpy's full_matrices) or reduced
    /// shapes; `computeUV: false` gives s only.
    public func svd(full: Bool = true, computeUV: Bool = true) throws(TensorError) -> (u: NDArray?, s: NDArray, vt: NDArray?) {
        let (mats, batch, m, n) = try columnMajorMatrices()
        let k = Swift.min(m, n)
        var us: [[Double]] = [], ss: [Double] = [], vts: [[Double]] = []
        let ucols = full ? m : k, vtrows = full ? n : k
        for a0 in mats {
            let (s, u, vt, info) = try DetachedCall.run(cost: m * n * k) { () -> ([Double], [Double], [Double], Int32) in
                var a = a0
                var jobz: CChar = computeUV ? (full ? 65 : 83) : 78   // 'A', 'S', 'N'
                var m32 = Int32(m), n32 = Int32(n), lda = Int32(Swift.max(m, 1))
                var s = [Double](repeating: 0, count: Swift.max(k, 1))
                var u = [Double](repeating: 0, count: Swift.max(m * ucols, 1)), vt = [Double](repeating: 0, count: Swift.max(vtrows * n, 1))
                var ldu = Int32(Swift.max(m, 1)), ldvt = Int32(Swift.max(vtrows, 1))
                var iwork = [Int32](repeating: 0, count: Swift.max(8 * k, 1))
                var lwork: Int32 = -1, info: Int32 = 0, query = 0.0
                if k > 0 {
                    dgesdd_(&jobz, &m32, &n32, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &query, &lwork, &iwork, &info)
                    lwork = Int32(query)
                    var work = [Double](repeating: 0, count: Swift.max(Int(lwork), 1))
                    dgesdd_(&jobz, &m32, &n32, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &iwork, &info)
                }
                return (s, u, vt, info)
            }
            if info > 0 { throw TensorError("SVD did not converge", kind: .linAlgError) }
            ss += s.prefix(k)
            if computeUV {
                us.append(Array(u.prefix(m * ucols)))
                vts.append(Array(vt.prefix(vtrows * n)))
            }
        }
        let sArr = try NDArray.fromDoubles(ss, shape: batch + [k])
        if !computeUV { return (nil, sArr, nil) }
        return (try NDArray.fromColumnMajor(us, batch: batch, rows: m, cols: ucols), sArr,
                try NDArray.fromColumnMajor(vts, batch: batch, rows: vtrows, cols: n))
    }

    func singularValues() throws(TensorError) -> NDArray { try svd(full: false, computeUV: false).s }

    /// `np.linalg.qr(a)` in numpy's default 'reduced' mode (`dgeqrf` then `dorgqr`); 'r' gives R only.
    public func qr(mode: String = "reduced") throws(TensorError) -> (q: NDArray?, r: NDArray) {
        let (mats, batch, m, n) = try columnMajorMatrices()
        let k = Swift.min(m, n)
        var qs: [[Double]] = [], rs: [[Double]] = []
        for a0 in mats {
            let (a, tau) = try DetachedCall.run(cost: m * n * k) { () -> ([Double], [Double]) in
                var a = a0
                var m32 = Int32(m), n32 = Int32(n), lda = Int32(Swift.max(m, 1)), info: Int32 = 0
                var tau = [Double](repeating: 0, count: Swift.max(k, 1))
                var lwork: Int32 = -1, query = 0.0
                if k > 0 {
                    dgeqrf_(&m32, &n32, &a, &lda, &tau, &query, &lwork, &info)
                    lwork = Int32(query)
                    var work = [Double](repeating: 0, count: Swift.max(Int(lwork), 1))
                    dgeqrf_(&m32, &n32, &a, &lda, &tau, &work, &lwork, &info)
                }
                return (a, tau)
            }
            // R: the upper triangle of the first k rows.
            var r = [Double](repeating: 0, count: k * n)
            for j in 0..<n { for i in 0..<Swift.min(j + 1, k) { r[j * k + i] = a[j * m + i] } }
            rs.append(r)
            if mode != "r" {
                let q = try DetachedCall.run(cost: m * k * k) { () -> [Double] in
                    var q = Array(a.prefix(m * k)), tau = tau
                    var m32 = Int32(m), k32 = Int32(k), lda = Int32(Swift.max(m, 1)), info: Int32 = 0
                    var lwork: Int32 = -1, query = 0.0
                    if k > 0 {
                        dorgqr_(&m32, &k32, &k32, &q, &lda, &tau, &query, &lwork, &info)
                        lwork = Int32(query)
                        var work = [Double](repeating: 0, count: Swift.max(Int(lwork), 1))
                        dorgqr_(&m32, &k32, &k32, &q, &lda, &tau, &work, &lwork, &info)
                    }
                    return q
                }
                qs.append(q)
            }
        }
        let r = try NDArray.fromColumnMajor(rs, batch: batch, rows: k, cols: n)
        if mode == "r" { return (nil, r) }
        return (try NDArray.fromColumnMajor(qs, batch: batch, rows: m, cols: k), r)
    }

    /// `np.linalg.pinv(a, rcond=1e-15)`: from the reduced SVD, singular values at or below
    /// `rcond * max(s)` dropped, `vt.T @ (s⁻¹ · u.T)`.
    public func pseudoInverse(rcond: Double = 1e-15) throws(TensorError) -> NDArray {
        guard ndim == 2 else { throw TensorError("rnnsh's pinv takes one 2-d matrix") }
        let (u, s, vt) = try svd(full: false)
        guard let u, let vt else { return self }
        var sv = try s.doubleValues()
        let cutoff = rcond * (sv.max() ?? 0)
        sv = sv.map { $0 > cutoff ? 1 / $0 : 0 }
        let scaled = try NDArray.binary(.multiply, .array(try NDArray.fromDoubles(sv, shape: [sv.count, 1])), .array(try u.transpose()))
        return try NDArray.matmul(try vt.transpose().copy(), try scaled.copy())
    }

    /// `np.linalg.matrix_rank(A)`: singular values above `S.max() * max(M, N) * eps`.
    public func matrixRank() throws(TensorError) -> Int {
        if ndim < 2 { return try doubleValues().contains { $0 != 0 } ? 1 : 0 }
        let s = try singularValues().doubleValues()
        let tol = (s.max() ?? 0) * Double(Swift.max(shape[ndim - 2], shape[ndim - 1])) * Double.ulpOfOne
        return s.filter { $0 > tol }.count
    }

    /// `np.linalg.eigh(a)` (`dsyevd`, lower triangle as numpy's default UPLO='L'): ascending
    /// eigenvalues and the eigenvectors as columns.
    public func symmetricEigen(upper: Bool = false) throws(TensorError) -> (w: NDArray, v: NDArray) {
        let (w, v) = try symmetricEigen(upper: upper, vectors: true)
        return (w, v ?? w)
    }

    /// `np.linalg.eigvalsh(a, UPLO)`: the eigenvalues alone (`dsyevd` with jobz 'N', as numpy
    /// calls it; its last bits may differ from eigh's, which also computes the vectors).
    public func symmetricEigenvalues(upper: Bool = false) throws(TensorError) -> NDArray {
        try symmetricEigen(upper: upper, vectors: false).w
    }

    func symmetricEigen(upper: Bool, vectors: Bool) throws(TensorError) -> (w: NDArray, v: NDArray?) {
        let (mats, batch, n) = try squareMatrices()
        var ws: [Double] = [], vs: [[Double]] = []
        for a0 in mats {
            let (a, w, info) = try DetachedCall.run(cost: n * n * n) { () -> ([Double], [Double], Int32) in
                var a = a0
                var jobz: CChar = vectors ? 86 : 78, uplo: CChar = upper ? 85 : 76   // 'V'/'N', 'U'/'L'
                var n32 = Int32(n), lda = Int32(Swift.max(n, 1)), info: Int32 = 0
                var w = [Double](repeating: 0, count: Swift.max(n, 1))
                var lwork: Int32 = -1, liwork: Int32 = -1, query = 0.0, iquery: Int32 = 0
                if n > 0 {
                    dsyevd_(&jobz, &uplo, &n32, &a, &lda, &w, &query, &lwork, &iquery, &liwork, &info)
                    lwork = Int32(query); liwork = iquery
                    var work = [Double](repeating: 0, count: Swift.max(Int(lwork), 1))
                    var iwork = [Int32](repeating: 0, count: Swift.max(Int(liwork), 1))
                    dsyevd_(&jobz, &uplo, &n32, &a, &lda, &w, &work, &lwork, &iwork, &liwork, &info)
                }
                return (a, w, info)
            }
            if info > 0 { throw TensorError("Eigenvalues did not converge", kind: .linAlgError) }
            ws += w.prefix(n)
            if vectors { vs.append(a) }
        }
        let w = try NDArray.fromDoubles(ws, shape: batch + [n])
        return (w, vectors ? try NDArray.fromColumnMajor(vs, batch: batch, rows: n, cols: n) : nil)
    }

    /// `np.linalg.eig(a)` (`dgeev`) for matrices with real eigenvalues; complex ones are refused
    /// (rnnsh has no complex dtype).
    public func eigen() throws(TensorError) -> (w: NDArray, v: NDArray) {
        let (w, v) = try eigen(vectors: true)
        return (w, v ?? w)
    }

    /// `np.linalg.eigvals(a)`: `dgeev` without vectors, as numpy calls it; NaN or inf entries are
    /// numpy's `Array must not contain infs or NaNs`.
    public func eigenvalues() throws(TensorError) -> NDArray { try eigen(vectors: false).w }

    func eigen(vectors: Bool) throws(TensorError) -> (w: NDArray, v: NDArray?) {
        let (mats, batch, n) = try squareMatrices()
        for a in mats where a.contains(where: { !$0.isFinite }) {
            throw TensorError("Array must not contain infs or NaNs", kind: .linAlgError)
        }
        var ws: [Double] = [], vs: [[Double]] = []
        for a0 in mats {
            let (wr, wi, vr, info) = try DetachedCall.run(cost: 4 * n * n * n) { () -> ([Double], [Double], [Double], Int32) in
                var a = a0
                var jobvl: CChar = 78, jobvr: CChar = vectors ? 86 : 78
                var n32 = Int32(n), lda = Int32(Swift.max(n, 1)), ldvl: Int32 = 1, ldvr = Int32(Swift.max(n, 1)), info: Int32 = 0
                var wr = [Double](repeating: 0, count: Swift.max(n, 1)), wi = wr
                var vl = [Double](repeating: 0, count: 1), vr = [Double](repeating: 0, count: Swift.max(n * n, 1))
                var lwork: Int32 = -1, query = 0.0
                if n > 0 {
                    dgeev_(&jobvl, &jobvr, &n32, &a, &lda, &wr, &wi, &vl, &ldvl, &vr, &ldvr, &query, &lwork, &info)
                    lwork = Int32(query)
                    var work = [Double](repeating: 0, count: Swift.max(Int(lwork), 1))
                    dgeev_(&jobvl, &jobvr, &n32, &a, &lda, &wr, &wi, &vl, &ldvl, &vr, &ldvr, &work, &lwork, &info)
                }
                return (wr, wi, vr, info)
            }
            if n > 0 {
                if info > 0 { throw TensorError("Eigenvalues did not converge", kind: .linAlgError) }
                if wi.prefix(n).contains(where: { $0 != 0 }) {
                    throw TensorError("this matrix has complex eigenvalues, and rnnsh has no complex dtype",
                                      explanation: "eigh handles symmetric matrices, whose eigenvalues are real")
                }
            }
            ws += wr.prefix(n)
            if vectors { vs.append(Array(vr.prefix(n * n))) }
        }
        let w = try NDArray.fromDoubles(ws, shape: batch + [n])
        return (w, vectors ? try NDArray.fromColumnMajor(vs, batch: batch, rows: n, cols: n) : nil)
    }
}
