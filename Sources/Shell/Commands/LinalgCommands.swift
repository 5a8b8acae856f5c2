import Tensor

/// numpy's products and `np.linalg`: `outer`, `inner`, `vdot`, `tensordot`, `einsum`, and
/// `norm`, `inv`, `det`, `slogdet`, `solve`, `lstsq`, `svd`, `qr`, `pinv`, `matrix_rank`, `cond`,
/// `eigh`, `eig`, `eigvals`, `eigvalsh`, `multi_dot` (reached as
/// `np.linalg.NAME`; LAPACK through module Tensor's `LinearAlgebra`).
enum LinalgCommands {
    static let all: [Command] = [outer, inner, vdot, tensordot, einsum, norm, inv, det, solve, svd, qr, pinv, matrixRank, eigh, eig, cholesky,
                                 lstsq, eigvals, eigvalsh, slogdet, cond, multiDot]

    /// The names `np.linalg.` offers (the evaluator's `numpy.linalg` namespace).
    static let linalgNames: Set<String> = ["norm", "inv", "det", "solve", "svd", "qr", "pinv", "matrix_rank", "eigh", "eig", "matrix_power", "cholesky",
                                                    "lstsq", "eigvals", "eigvalsh", "slogdet", "cond", "multi_dot"]

    typealias A = FunctionArguments

    /// LAPACK runs in float64; numpy returns float32 for float32 input, so results follow the input.
    static func like(_ r: NDArray, _ a: NDArray) throws(TensorError) -> NDArray {
        a.dtype == .float32 ? try r.astype(.float32) : r
    }

    static func pair(_ name: String, _ summary: String, _ help: String, _ example: String,
                     _ f: @escaping @Sendable (NDArray, NDArray) throws(TensorError) -> NDArray) -> Command {
        Command(
            name: name, category: "Linear algebra", summary: summary,
            parameters: [Parameter("a", .array, help: "the first array"), Parameter("b", .array, help: "the second array")],
            help: help, examples: [Example(example)],
            run: { call in A.result(try f(try A.array(call, "a"), try A.array(call, "b"))) })
    }

    static let outer = pair("outer", "Outer product of two vectors: out[i, j] = a[i] * b[j].",
                            "numpy's `np.outer`: both inputs are flattened first.",
                            "np.outer(np.arange(1, 4), np.arange(1, 3))") { (a, b) throws(TensorError) in try NDArray.outer(a, b) }
    static let inner = pair("inner", "Inner product over the last axes.",
                            "numpy's `np.inner`: for vectors the scalar product; for arrays, sums over the last axis of both.",
                            "np.inner(np.array([1, 2, 3]), np.array([4, 5, 6]))") { (a, b) throws(TensorError) in try NDArray.inner(a, b) }
    static let vdot = pair("vdot", "Scalar product of two arrays, flattened.",
                           "numpy's `np.vdot`: both inputs flattened, then multiplied elementwise and summed.",
                           "np.vdot(np.arange(4).reshape(2, 2), np.ones((2, 2)))") { (a, b) throws(TensorError) in try NDArray.vdot(a, b) }

    static let tensordot = Command(
        name: "tensordot", category: "Linear algebra",
        summary: "Sum of products over chosen axes of two arrays.",
        parameters: [Parameter("a", .array, help: "the first array"), Parameter("b", .array, help: "the second array"),
                     Parameter("axes", .value, default: .int(2), help: "N (last N of a with first N of b) or ([axes of a], [axes of b])")],
        help: "numpy's `np.tensordot`: `axes=1` is the matrix product, `axes=0` the outer product.",
        examples: [Example("np.tensordot(np.arange(6).reshape(2, 3), np.arange(6).reshape(3, 2), axes=1)")],
        run: { call in
            let a = try A.array(call, "a"), b = try A.array(call, "b")
            let axes = call.arguments["axes"]
            var axA: [Int], axB: [Int]
            if let pair = axes.sequenceItems, pair.count == 2 {
                axA = try ArgumentBinder.integers(pair[0], call.arguments.span("axes"))
                axB = try ArgumentBinder.integers(pair[1], call.arguments.span("axes"))
            } else {
                let n = try ArgumentBinder.integer(axes, call.arguments.span("axes"))
                axA = n <= 0 ? [] : Array((a.ndim - n)..<a.ndim)
                axB = n <= 0 ? [] : Array(0..<n)
                if n > a.ndim || n > b.ndim { throw ShellError("shape-mismatch for sum", kind: .valueError) }
            }
            return A.result(try NDArray.tensordot(a, b, axesA: axA, axesB: axB))
        })

    static let einsum = Command(
        name: "einsum", category: "Linear algebra",
        summary: "Einstein summation: 'ij,jk->ik' and friends.",
        parameters: [Parameter("subscripts", .string, help: "the labels of each operand, and optionally '->' the output's"),
                     Parameter("operands", .array, default: .tuple([]), variadic: true, help: "the arrays")],
        options: [Parameter("optimize", .value, default: .bool(false), help: "accepted; the sum is always direct")],
        help: """
            numpy's `np.einsum`: each operand's axes are named by letters; letters in the output \
            are kept, the others summed over. Without '->' the output is the letters that occur \
            once, in alphabetical order. '...' stands for leading batch axes.
            """,
        examples: [Example("np.einsum('ij,jk->ik', np.arange(6).reshape(2, 3), np.ones((3, 2)))"), Example("np.einsum('ii', np.arange(9).reshape(3, 3))"),
                   Example("np.einsum('bij,bjk->bik', np.ones((2, 2, 3)), np.ones((2, 3, 1))).shape")],
        run: { call in
            let ops = (call.arguments["operands"].sequenceItems ?? []).compactMap { v -> NDArray? in if case .array(let x) = v { return x }; return nil }
            return A.result(try NDArray.einsum(call.arguments.string("subscripts") ?? "", ops))
        })

    static let norm = Command(
        name: "norm", category: "Linear algebra",
        summary: "Vector or matrix norm: np.linalg.norm.",
        parameters: [Parameter("x", .array, help: "the array"),
                     Parameter("ord", .value, default: .none, help: "None (2-norm / Frobenius), a number, np.inf, -np.inf, 'fro', 'nuc'"),
                     Parameter("axis", .value, default: .none, help: "an axis (vector norms) or two (matrix norms); None: all")],
        options: [Parameter("keepdims", .bool, default: .bool(false), help: "keep reduced axes with length 1")],
        help: """
            numpy's `np.linalg.norm`: with neither ord nor axis, the 2-norm of the flattened \
            array. Normalising rows: `X / np.linalg.norm(X, axis=1, keepdims=True)`.
            """,
        examples: [Example("np.linalg.norm(np.array([3.0, 4.0]))"), Example("np.linalg.norm(np.array([[1.0, -2.0], [3.0, 4.0]]), axis=1)")],
        run: { call in
            let a = call.arguments
            let x = try A.array(call, "x")
            var ord: Double?, matrixOrd: String?
            switch a["ord"] {
            case .none: break
            case .string(let s):
                guard s == "fro" || s == "nuc" else {
                    let vectorAxes = try A.axes(call)?.count == 1
                    throw ShellError(x.ndim == 1 || vectorAxes ? "Invalid norm order '\(s)' for vectors" : "Invalid norm order for matrices.", span: a.span("ord"), kind: .valueError)
                }
                matrixOrd = s
            default: ord = try A.optionalDouble(call, "ord")
            }
            let axes = try A.axes(call)
            if axes == nil && x.ndim > 2 && (ord != nil || matrixOrd != nil) {
                throw ShellError("Improper number of dimensions to norm.", span: call.span, kind: .valueError)
            }
            var useAxes = axes
            if axes == nil && (ord != nil || matrixOrd != nil) { useAxes = Array(0..<x.ndim) }
            return A.result(try x.norm(ord: ord, matrixOrd: matrixOrd, axis: useAxes, keepdims: a.bool("keepdims") ?? false))
        })

    static func matrixCommand(_ name: String, _ summary: String, _ help: String, _ example: String,
                              _ f: @escaping @Sendable (NDArray) throws(TensorError) -> Value) -> Command {
        Command(
            name: name, category: "Linear algebra", summary: summary,
            parameters: [Parameter("a", .array, help: "a square matrix (or a stack of them)")],
            help: help, examples: [Example(example)],
            run: { call in try f(try A.array(call, "a")) })
    }

    static let cholesky = Command(
        name: "cholesky", category: "Linear algebra",
        summary: "Cholesky factor of a symmetric positive-definite matrix: np.linalg.cholesky.",
        parameters: [Parameter("a", .array, help: "a symmetric positive-definite matrix (or a stack of them)")],
        options: [Parameter("upper", .bool, default: .bool(false), help: "True: the upper factor U with a = U.T @ U")],
        help: "numpy's `np.linalg.cholesky` (LAPACK dpotrf): the lower-triangular L with a = L @ L.T, read from the lower triangle of a; a matrix that is not positive definite is numpy's `Matrix is not positive definite`.",
        examples: [Example("np.linalg.cholesky(np.array([[4.0, 2.0], [2.0, 3.0]]))"),
                   Example("np.linalg.cholesky(np.array([[4.0, 2.0], [2.0, 3.0]]), upper=True)")],
        run: { call in
            let a = try A.array(call, "a")
            return .array(try like(try a.cholesky(upper: call.arguments.bool("upper") ?? false), a))
        })

    static let inv = matrixCommand("inv", "Matrix inverse: np.linalg.inv.",
                                   "numpy's `np.linalg.inv` (LAPACK dgesv against the identity); a singular matrix is numpy's `Singular matrix`.",
                                   "np.linalg.inv(np.array([[2.0, 1.0], [1.0, 1.0]]))") { (a) throws(TensorError) in .array(try like(try a.inverse(), a)) }
    static let det = matrixCommand("det", "Determinant: np.linalg.det.",
                                   "numpy's `np.linalg.det`: LU factorisation (LAPACK dgetrf), then sign · exp(Σ log|u_ii|) as numpy computes it.",
                                   "np.linalg.det(np.array([[1.0, 2.0], [3.0, 4.0]]))") { (a) throws(TensorError) in FunctionArguments.result(try like(try a.determinant(), a)) }
    static let pinv = matrixCommand("pinv", "Moore–Penrose pseudo-inverse: np.linalg.pinv.",
                                    "numpy's `np.linalg.pinv`: from the SVD, dropping singular values below 1e-15 · max.",
                                    "np.linalg.pinv(np.array([[1.0, 2.0], [2.0, 4.0]]))") { (a) throws(TensorError) in .array(try like(try a.pseudoInverse(), a)) }
    static let matrixRank = matrixCommand("matrix_rank", "Rank of a matrix (by its singular values).",
                                          "numpy's `np.linalg.matrix_rank`: singular values above S.max() · max(M, N) · eps.",
                                          "np.linalg.matrix_rank(np.array([[1.0, 2.0], [2.0, 4.0]]))") { (a) throws(TensorError) in .scalar(NDArray(scalar: Int64(try a.matrixRank()))) }
    static let eigh = matrixCommand("eigh", "Eigenvalues and eigenvectors of a symmetric matrix.",
                                    "numpy's `np.linalg.eigh` (LAPACK dsyevd on the lower triangle): ascending eigenvalues w and eigenvectors as the columns of v.",
                                    "w, v = np.linalg.eigh(np.array([[2.0, 1.0], [1.0, 2.0]]))\nw") { (a) throws(TensorError) in
        let (w, v) = try a.symmetricEigen(); return .tuple([.array(try like(w, a)), .array(try like(v, a))])
    }
    static let eig = matrixCommand("eig", "Eigenvalues and eigenvectors of a square matrix (real ones).",
                                   "numpy's `np.linalg.eig` (LAPACK dgeev); matrices with complex eigenvalues are refused (rnnsh has no complex dtype).",
                                   "w, v = np.linalg.eig(np.array([[2.0, 0.0], [0.0, 3.0]]))\nw") { (a) throws(TensorError) in
        let (w, v) = try a.eigen(); return .tuple([.array(try like(w, a)), .array(try like(v, a))])
    }

    static let solve = Command(
        name: "solve", category: "Linear algebra",
        summary: "Solve a x = b: np.linalg.solve.",
        parameters: [Parameter("a", .array, help: "a square matrix"), Parameter("b", .array, help: "the right-hand side (a vector or a matrix)")],
        help: "numpy's `np.linalg.solve` (LAPACK dgesv); a singular matrix is numpy's `Singular matrix`.",
        examples: [Example("np.linalg.solve(np.array([[3.0, 1.0], [1.0, 2.0]]), np.array([9.0, 8.0]))")],
        run: { call in
            let a = try A.array(call, "a"), b = try A.array(call, "b")
            let r = try NDArray.solve(a, b)
            return .array(a.dtype == .float32 && b.dtype == .float32 ? try r.astype(.float32) : r)
        })

    static let svd = Command(
        name: "svd", category: "Linear algebra",
        summary: "Singular value decomposition: u, s, vt = np.linalg.svd(a).",
        parameters: [Parameter("a", .array, help: "a matrix (or a stack of them)"),
                     Parameter("full_matrices", .bool, default: .bool(true), help: "u and vt square (False: the reduced shapes)"),
                     Parameter("compute_uv", .bool, default: .bool(true), help: "False: only the singular values")],
        help: "numpy's `np.linalg.svd` (LAPACK dgesdd): `a == u @ np.diag(s) @ vt` with s descending. Signs of singular vectors may differ between LAPACK builds.",
        examples: [Example("np.linalg.svd(np.array([[3.0, 0.0], [0.0, 4.0]]), compute_uv=False)")],
        run: { call in
            let a = call.arguments
            let x = try A.array(call, "a")
            let (u, s, vt) = try x.svd(full: a.bool("full_matrices") ?? true, computeUV: a.bool("compute_uv") ?? true)
            guard let u, let vt else { return .array(try like(s, x)) }
            return .tuple([.array(try like(u, x)), .array(try like(s, x)), .array(try like(vt, x))])
        })

    static let qr = Command(
        name: "qr", category: "Linear algebra",
        summary: "QR decomposition: q, r = np.linalg.qr(a).",
        parameters: [Parameter("a", .array, help: "a matrix"),
                     Parameter("mode", .string, default: .string("reduced"), help: "'reduced' (default) or 'r'")],
        help: "numpy's `np.linalg.qr` (LAPACK dgeqrf + dorgqr): q with orthonormal columns, r upper triangular, `a == q @ r`.",
        examples: [Example("q, r = np.linalg.qr(np.array([[1.0, 2.0], [3.0, 4.0]]))\nnp.round(q @ r, 6)")],
        run: { call in
            let mode = call.arguments.string("mode") ?? "reduced"
            guard mode == "reduced" || mode == "r" || mode == "complete" else {
                throw ShellError("Unrecognized mode '\(mode)'", span: call.arguments.span("mode"), kind: .valueError)
            }
            let x = try A.array(call, "a")
            let (q, r) = try x.qr(mode: mode)
            guard let q else { return .array(try like(r, x)) }
            return .tuple([.array(try like(q, x)), .array(try like(r, x))])
        })

    static let lstsq = Command(
        name: "lstsq", category: "Linear algebra",
        summary: "Least-squares solution of a x = b: x, residuals, rank, s = np.linalg.lstsq(a, b).",
        parameters: [Parameter("a", .array, help: "an (M, N) matrix"), Parameter("b", .array, help: "the right-hand side, (M,) or (M, K)"),
                     Parameter("rcond", .value, default: .none, help: "singular values below rcond * largest are zero; None: eps * max(M, N)")],
        help: """
            numpy's `np.linalg.lstsq` (LAPACK dgelsd): x minimises ||b - a x||; residuals are the \
            squared norms of b - a x per column (an empty array when the rank is below N or M <= N); \
            rank is an int32; s the singular values of a. Fitting a line: \
            `m, c = np.linalg.lstsq(np.vstack([x, np.ones(len(x))]).T, y)[0]`.
            """,
        examples: [Example("x, res, rank, s = np.linalg.lstsq(np.array([[0.0, 1.0], [1.0, 1.0], [2.0, 1.0]]), np.array([1.0, 3.0, 5.0]))\nnp.round(x, 6)")],
        run: { call in
            let a = try A.array(call, "a"), b = try A.array(call, "b")
            let r = try NDArray.leastSquares(a, b, rcond: try A.optionalDouble(call, "rcond"))
            return .tuple([.array(r.x), .array(r.residuals), .scalar(NDArray(scalar: Int32(clamping: r.rank))), .array(r.singularValues)])
        })

    static let eigvals = matrixCommand("eigvals", "Eigenvalues of a square matrix (real ones).",
                                       "numpy's `np.linalg.eigvals` (LAPACK dgeev without vectors); matrices with complex eigenvalues are refused (rnnsh has no complex dtype).",
                                       "np.linalg.eigvals(np.array([[2.0, 0.0], [0.0, 3.0]]))") { (a) throws(TensorError) in
        .array(try a.eigenvalues().astype(try NDArray.linalgResultType([a])))
    }

    static let eigvalsh = Command(
        name: "eigvalsh", category: "Linear algebra",
        summary: "Eigenvalues of a symmetric matrix, ascending.",
        parameters: [Parameter("a", .array, help: "a symmetric matrix (or a stack of them)"),
                     Parameter("UPLO", .string, default: .string("L"), help: "'L': read the lower triangle (default); 'U': the upper")],
        help: "numpy's `np.linalg.eigvalsh` (LAPACK dsyevd without vectors): only the chosen triangle of a is read.",
        examples: [Example("np.linalg.eigvalsh(np.array([[2.0, 1.0], [1.0, 2.0]]))")],
        run: { call in
            let uplo = (call.arguments.string("UPLO") ?? "L").uppercased()
            guard uplo == "L" || uplo == "U" else {
                throw ShellError("UPLO argument must be 'L' or 'U'", span: call.arguments.span("UPLO"), kind: .valueError)
            }
            let a = try A.array(call, "a")
            let w = try A.wrap { () throws(TensorError) -> NDArray in try a.symmetricEigenvalues(upper: uplo == "U") }
            return .array(try A.wrap { () throws(TensorError) -> NDArray in try w.astype(try NDArray.linalgResultType([a])) })
        })

    static let slogdet = matrixCommand("slogdet", "Sign and log of the absolute determinant: sign, logdet = np.linalg.slogdet(a).",
                                       "numpy's `np.linalg.slogdet` (LU by LAPACK dgetrf): det == sign * np.exp(logdet) without overflow; a singular matrix gives sign 0 and logdet -inf. numpy prints the pair as SlogdetResult(sign=..., logabsdet=...); rnnsh returns a plain tuple.",
                                       "sign, logdet = np.linalg.slogdet(np.array([[1.0, 2.0], [3.0, 4.0]]))\nsign") { (a) throws(TensorError) in
        let t = try NDArray.linalgResultType([a])
        let (sign, logdet) = try a.signAndLogDeterminant()
        return .tuple([FunctionArguments.result(try sign.astype(t)), FunctionArguments.result(try logdet.astype(t))])
    }

    static let cond = Command(
        name: "cond", category: "Linear algebra",
        summary: "Condition number of a matrix: np.linalg.cond.",
        parameters: [Parameter("x", .array, help: "a matrix (or a stack of them)"),
                     Parameter("p", .value, default: .none, help: "None or 2 (largest/smallest singular value), -2, 1, -1, np.inf, -np.inf, 'fro', 'nuc'")],
        help: "numpy's `np.linalg.cond`: with p None, 2 or -2 the ratio of singular values; otherwise norm(x, p) * norm(inv(x), p). A singular matrix gives inf.",
        examples: [Example("np.linalg.cond(np.array([[1.0, 0.0], [0.0, 4.0]]))")],
        run: { call in
            let x = try A.array(call, "x")
            var ord: Double?, matrixOrd: String?
            if case .string(let s) = call.arguments["p"] { matrixOrd = s } else { ord = try A.optionalDouble(call, "p") }
            return A.result(try x.conditionNumber(ord: ord, matrixOrd: matrixOrd))
        })

    static let multiDot = Command(
        name: "multi_dot", category: "Linear algebra",
        summary: "Product of a chain of matrices in the cheapest order: np.linalg.multi_dot([A, B, C]).",
        parameters: [Parameter("arrays", .value, help: "a list of arrays; the first and last may be 1-d")],
        help: "numpy's `np.linalg.multi_dot`: the same value as A @ B @ C, multiplied in the order that costs the fewest scalar multiplications (numpy's matrix-chain choice, so float results round as numpy's do).",
        examples: [Example("np.linalg.multi_dot([np.ones((2, 3)), np.ones((3, 4)), np.ones(4)])")],
        run: { call in A.result(try NDArray.multiDot(try A.arrays(call, "arrays"))) })
}
