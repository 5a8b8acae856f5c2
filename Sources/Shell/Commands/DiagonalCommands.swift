import Tensor

/// numpy's diagonals and triangles beyond `np.diag`/`tril`/`triu`: `x.diagonal()` (a view),
/// `np.diag_indices`, `np.tri`, and `conj` (the identity on rnnsh's real dtypes).
enum DiagonalCommands {
    static let all: [Command] = [diagonal, diagIndices, tri, conj, conjugate]

    typealias A = FunctionArguments

    static let diagonal = Command(
        name: "diagonal", category: "Arrays",
        summary: "The diagonal of a matrix (or of each matrix in a stack), as a view.",
        parameters: [Parameter("a", .array, help: "an array of at least two dimensions"),
                     Parameter("offset", .int, default: .int(0), help: "the diagonal: 0 main, > 0 above, < 0 below"),
                     Parameter("axis1", .int, default: .int(0), help: "the rows' axis"),
                     Parameter("axis2", .int, default: .int(1), help: "the columns' axis")],
        help: "numpy's `np.diagonal(a, offset=0, axis1=0, axis2=1)` and `x.diagonal()`: the other axes come first, the diagonal last. A read-only view, as numpy's: copy it (`x.diagonal().copy()`) to change it, or write the diagonal with `x[np.arange(n), np.arange(n)] = v`.",
        examples: [Example("np.arange(12).reshape(3, 4).diagonal(1)"), Example("np.diagonal(np.arange(24).reshape(2, 3, 4), 0, 1, 2)")],
        isMethod: true,
        run: { call in
            let a = call.arguments
            return A.result(try A.array(call, "a").diagonal(offset: a.int("offset") ?? 0, axis1: a.int("axis1") ?? 0, axis2: a.int("axis2") ?? 1))
        })

    static let diagIndices = Command(
        name: "diag_indices", category: "Indexing",
        summary: "The index tuple of the main diagonal of an n×n (×n…) array.",
        parameters: [Parameter("n", .int, help: "the size of each axis"),
                     Parameter("ndim", .int, default: .int(2), help: "how many axes")],
        help: "numpy's `np.diag_indices(n, ndim=2)`: ndim copies of `np.arange(n)`; `a[np.diag_indices(3)] = 1` sets a diagonal.",
        examples: [Example("np.diag_indices(3)"), Example("a = np.zeros((3, 3))\na[np.diag_indices(3)] = 1\na")],
        run: { call in A.tuple(try NDArray.diagIndices(call.arguments.int("n") ?? 0, ndim: call.arguments.int("ndim") ?? 2)) })

    static let tri = Command(
        name: "tri", category: "Arrays",
        summary: "Ones on and below a diagonal, zeros above: np.tri.",
        parameters: [Parameter("N", .int, help: "rows"),
                     Parameter("M", .optionalInt, default: .none, help: "columns (default N)"),
                     Parameter("k", .int, default: .int(0), help: "the last diagonal of ones: 0 main, > 0 above, < 0 below")],
        options: [Parameter("dtype", .dtype, default: .dtype(.float64), help: "element type")],
        help: "numpy's `np.tri(N, M=None, k=0, dtype=float)`: element [i, j] is 1 where j <= i + k. A causal mask: `np.tri(T, dtype=bool)`.",
        examples: [Example("np.tri(3)"), Example("np.tri(2, 4, 1, dtype=int)")],
        run: { call in
            let a = call.arguments
            return .array(try NDArray.tri(a.int("N") ?? 0, a.int("M"), k: a.int("k") ?? 0, dtype: a.dtype("dtype") ?? .float64))
        })

    static func conjugation(_ name: String) -> Command {
        Command(
            name: name, category: "Elementwise",
            summary: "The complex conjugate (the values themselves for real dtypes).",
            parameters: [Parameter("x", .array, help: "the array")],
            help: "numpy's `np.\(name)` and `x.\(name)()`: rnnsh's dtypes are all real, where numpy's conjugate gives the same values in the same dtype.",
            examples: [Example("np.arange(3).\(name)()")],
            isMethod: true,
            run: { call in A.result(try A.array(call, "x").copy()) })
    }

    static let conj = conjugation("conj")
    static let conjugate = conjugation("conjugate")
}
