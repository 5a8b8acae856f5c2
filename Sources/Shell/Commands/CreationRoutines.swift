import Tensor

/// numpy's creation routines beyond zeros/ones/arange: identity matrices, ranges, grids,
/// diagonals and triangles, and the `*_like` family (module Tensor's `Matrices`, `Ranges`).
enum CreationRoutines {
    static let all: [Command] = [eye, identity, linspace, logspace, geomspace, empty, zerosLike, onesLike, fullLike, emptyLike,
                                 diag, tril, triu, trilIndices, triuIndices, meshgrid, indices]

    typealias A = FunctionArguments

    static let eye = Command(
        name: "eye", category: "Arrays",
        summary: "A 2-d array with ones on a diagonal: np.eye.",
        parameters: [Parameter("N", .int, help: "rows"),
                     Parameter("M", .optionalInt, default: .none, help: "columns (default N)"),
                     Parameter("k", .int, default: .int(0), help: "the diagonal: 0 main, > 0 above, < 0 below")],
        options: [Parameter("dtype", .dtype, default: .dtype(.float64), help: "element type")],
        help: "numpy's `np.eye(N, M=None, k=0, dtype=float)`. One-hot labels: `np.eye(10)[labels]`.",
        examples: [Example("np.eye(3)"), Example("np.eye(2, 3, k=1, dtype=int)")],
        run: { call in
            let a = call.arguments
            return .array(try NDArray.eye(a.int("N") ?? 0, a.int("M"), k: a.int("k") ?? 0, dtype: a.dtype("dtype") ?? .float64))
        })

    static let identity = Command(
        name: "identity", category: "Arrays",
        summary: "The n×n identity matrix: np.identity.",
        parameters: [Parameter("n", .int, help: "rows and columns")],
        options: [Parameter("dtype", .dtype, default: .none, help: "element type (default float64)")],
        help: "numpy's `np.identity(n)`, `np.eye(n)` without the options.",
        examples: [Example("np.identity(3, dtype=np.int32)")],
        run: { call in .array(try NDArray.eye(call.arguments.int("n") ?? 0, dtype: call.arguments.dtype("dtype") ?? .float64)) })

    static let linspace = Command(
        name: "linspace", category: "Arrays",
        summary: "num evenly spaced values from start to stop (inclusive): np.linspace.",
        parameters: [Parameter("start", .value, help: "first value"),
                     Parameter("stop", .value, help: "last value (included unless endpoint=False)"),
                     Parameter("num", .int, default: .int(50), help: "how many values"),
                     Parameter("endpoint", .bool, default: .bool(true), help: "include stop"),
                     Parameter("retstep", .bool, default: .bool(false), help: "also return the step"),
                     Parameter("dtype", .dtype, default: .none, help: "element type (default float64)")],
        help: "numpy's `np.linspace`: `start + i * step` with `step = (stop - start) / (num - 1)`, and the last value exactly `stop`, as numpy computes it.",
        examples: [Example("np.linspace(0, 1, 5)"), Example("np.linspace(0, 10, 4, endpoint=False, retstep=True)")],
        run: { call in
            let a = call.arguments
            let (v, step) = try NDArray.linspace(try A.operand(call, "start"), try A.operand(call, "stop"), num: a.int("num") ?? 50,
                                                 endpoint: a.bool("endpoint") ?? true, dtype: a.dtype("dtype"))
            if a.bool("retstep") == true { return .tuple([.array(v), .scalar(NDArray(scalar: step))]) }
            return .array(v)
        })

    static let logspace = Command(
        name: "logspace", category: "Arrays",
        summary: "num values evenly spaced on a log scale: base ** linspace(start, stop).",
        parameters: [Parameter("start", .value, help: "base ** start is the first value"),
                     Parameter("stop", .value, help: "base ** stop is the last value"),
                     Parameter("num", .int, default: .int(50), help: "how many values"),
                     Parameter("endpoint", .bool, default: .bool(true), help: "include base ** stop"),
                     Parameter("base", .float, default: .float(10), help: "the base"),
                     Parameter("dtype", .dtype, default: .none, help: "element type (default float64)")],
        help: "numpy's `np.logspace`: `np.power(base, np.linspace(start, stop, num))`. Learning-rate sweeps: `np.logspace(-4, -1, 4)`.",
        examples: [Example("np.logspace(-4, -1, 4)"), Example("np.logspace(0, 3, 4, base=2)")],
        run: { call in
            let a = call.arguments
            return .array(try NDArray.logspace(try A.operand(call, "start"), try A.operand(call, "stop"), num: a.int("num") ?? 50,
                                               endpoint: a.bool("endpoint") ?? true, base: a.double("base") ?? 10, dtype: a.dtype("dtype")))
        })

    static let geomspace = Command(
        name: "geomspace", category: "Arrays",
        summary: "num values from start to stop, each a constant factor from the last.",
        parameters: [Parameter("start", .float, help: "the first value (not zero)"),
                     Parameter("stop", .float, help: "the last value (included unless endpoint=False)"),
                     Parameter("num", .int, default: .int(50), help: "how many values"),
                     Parameter("endpoint", .bool, default: .bool(true), help: "include stop"),
                     Parameter("dtype", .dtype, default: .none, help: "element type (default float64)")],
        help: "numpy's `np.geomspace`: a geometric progression, `np.logspace` between log10(start) and log10(stop) with the ends exactly start and stop (negative ends keep their sign). Learning-rate grids: `np.geomspace(1e-4, 1e-1, 4)`.",
        examples: [Example("np.geomspace(1, 1000, 4)"), Example("np.geomspace(-1, -100, 3)")],
        run: { call in
            let a = call.arguments
            return .array(try NDArray.geomspace(a.double("start") ?? 1, a.double("stop") ?? 1, num: a.int("num") ?? 50,
                                                endpoint: a.bool("endpoint") ?? true, dtype: a.dtype("dtype")))
        })

    static let empty = Command(
        name: "empty", category: "Arrays",
        summary: "A new array without initialised values (rnnsh: zeros): np.empty.",
        parameters: ArrayCreation.creationParameters(shapeHelp: "the shape"),
        help: "numpy's `np.empty`: numpy leaves the memory as it was, so its values are arbitrary; rnnsh fills zeros. Use it for shape, then write every element.",
        examples: [Example("np.empty((2, 3)).shape"), .numpy("np.empty(3, int).dtype")],
        run: { call in
            .array(try NDArray.zeros(call.arguments.ints("shape") ?? [], dtype: call.arguments.dtype("dtype") ?? .float64,
                                     order: try A.order(call)))
        })

    /// `np.zeros_like(a, dtype=None, order='K', subok=True, shape=None)` and its siblings
    /// (`full_like` takes `fill_value` second): all positional, as numpy's signatures are.
    static func like(_ name: String, _ summary: String, fill: Bool, value: Int?) -> Command {
        Command(
            name: name, category: "Arrays", summary: summary,
            parameters: [Parameter("a", .array, help: "the array whose shape and dtype to copy")]
                + (fill ? [Parameter("fill_value", .value, help: "the value of every element")] : [])
                + [Parameter("dtype", .dtype, default: .none, help: "element type (default: a's)"),
                   A.orderParameter(default: "K", help: "memory layout: 'K' (like a), 'A', 'C' or 'F'"),
                   Parameter("subok", .bool, default: .bool(true), help: "accepted (rnnsh has no array subclasses)"),
                   Parameter("shape", .value, default: .none, help: "another shape (default: a's)")],
            help: "numpy's `np.\(name)`: a new array with a's shape and dtype, laid out like a (`order='K'`)\(name == "empty_like" ? " (numpy leaves the values arbitrary; rnnsh fills zeros)" : "").",
            examples: [Example("x = np.arange(6).reshape(2, 3)\nnp.\(name)(x\(fill ? ", 7" : ""))"),
                       .numpy("np.\(name)(np.arange(3)\(fill ? ", 7" : ""), float).dtype")],
            run: { call in
                let a = call.arguments
                let x = try A.array(call, "a")
                let shape = a["shape"].isNone ? nil : try ArgumentBinder.integers(a["shape"], a.span("shape"))
                let dt = a.dtype("dtype") ?? x.dtype
                let order = try A.order(call, otherwise: .k)
                if fill {
                    var v = try A.operand(call, "fill_value")
                    if case .array(let f) = v { v = .array(try f.astype(dt)) }
                    if case .int(let i) = v, dt.isFloat { v = .float(Double(i)) }
                    if case .float(let d) = v, !dt.isFloat { v = .array(try NDArray(scalar: d).astype(dt)) }
                    return .array(try x.fullLike(v, shape: shape, dtype: dt, order: order))
                }
                return .array(try x.fullLike(.int(Int64(value ?? 0)), shape: shape, dtype: dt, order: order))
            })
    }

    static let zerosLike = like("zeros_like", "Zeros with the shape and dtype of another array.", fill: false, value: 0)
    static let onesLike = like("ones_like", "Ones with the shape and dtype of another array.", fill: false, value: 1)
    static let fullLike = like("full_like", "A constant with the shape and dtype of another array.", fill: true, value: nil)
    static let emptyLike = like("empty_like", "An uninitialised array like another (rnnsh: zeros).", fill: false, value: 0)

    static let diag = Command(
        name: "diag", category: "Arrays",
        summary: "A diagonal matrix from a vector, or a matrix's diagonal.",
        parameters: [Parameter("v", .array, help: "a 1-d vector or a 2-d matrix"),
                     Parameter("k", .int, default: .int(0), help: "the diagonal: 0 main, > 0 above, < 0 below")],
        help: "numpy's `np.diag`: 1-d in, a square matrix out; 2-d in, its k-th diagonal out.",
        examples: [Example("np.diag([1, 2, 3])"), Example("np.diag(np.arange(9).reshape(3, 3), k=1)")],
        run: { call in .array(try NDArray.diag(try A.array(call, "v"), k: call.arguments.int("k") ?? 0)) })

    static func triangle(_ name: String, lower: Bool) -> Command {
        Command(
            name: name, category: "Arrays",
            summary: lower ? "Lower triangle of a matrix (zeros above the k-th diagonal)." : "Upper triangle of a matrix (zeros below the k-th diagonal).",
            parameters: [Parameter("m", .array, help: "the matrix (or stack of matrices)"),
                         Parameter("k", .int, default: .int(0), help: "the diagonal that is kept last")],
            help: "numpy's `np.\(name)`: a copy with the elements \(lower ? "above" : "below") the k-th diagonal set to zero. Causal masks: `np.tril(np.ones((T, T)))`.",
            examples: [Example("np.\(name)(np.arange(1, 10).reshape(3, 3))"), Example("np.\(name)(np.ones((3, 3)), k=\(lower ? -1 : 1))")],
            run: { call in .array(try A.array(call, "m").triangle(lower: lower, k: call.arguments.int("k") ?? 0)) })
    }

    static let tril = triangle("tril", lower: true)
    static let triu = triangle("triu", lower: false)

    static func triangleIndices(_ name: String, lower: Bool) -> Command {
        Command(
            name: name, category: "Arrays",
            summary: lower ? "Row and column indices of a lower triangle." : "Row and column indices of an upper triangle.",
            parameters: [Parameter("n", .int, help: "rows of the matrix"),
                         Parameter("k", .int, default: .int(0), help: "the diagonal offset (> 0 above the main diagonal)"),
                         Parameter("m", .optionalInt, default: .none, help: "columns (default n)")],
            help: "numpy's `np.\(name)(n, k=0, m=None)`: a tuple (rows, cols) of int64 arrays indexing the elements on and \(lower ? "below" : "above") the k-th diagonal, row by row; `a[np.\(name)(3)]` picks them.",
            examples: [Example("np.\(name)(3)"), Example("np.\(name)(3, \(lower ? -1 : 1))"),
                       Example("a = np.arange(9).reshape(3, 3)\na[np.\(name)(3)]")],
            run: { call in
                let a = call.arguments
                let (r, c) = try NDArray.triangleIndices(n: a.int("n") ?? 0, k: a.int("k") ?? 0, m: a.int("m"), lower: lower)
                return .tuple([.array(r), .array(c)])
            })
    }

    static let trilIndices = triangleIndices("tril_indices", lower: true)
    static let triuIndices = triangleIndices("triu_indices", lower: false)

    static let meshgrid = Command(
        name: "meshgrid", category: "Arrays",
        summary: "Coordinate matrices from coordinate vectors.",
        parameters: [Parameter("xi", .array, default: .tuple([]), variadic: true, help: "the coordinate vectors")],
        options: [Parameter("indexing", .string, default: .string("xy"), help: "'xy' (Cartesian) or 'ij' (matrix)"),
                  Parameter("sparse", .bool, default: .bool(false), help: "return broadcastable shapes instead of full grids"),
                  Parameter("copy", .bool, default: .bool(true), help: "accepted; the grids are always copies")],
        help: "numpy's `np.meshgrid`: a tuple of arrays; with 'xy' the first two axes are swapped (X varies along columns).",
        examples: [Example("X, Y = np.meshgrid([1, 2, 3], [10, 20])\nX\nY")],
        run: { call in
            let a = call.arguments
            let xs = (a["xi"].sequenceItems ?? []).compactMap { v -> NDArray? in if case .array(let x) = v { return x }; return nil }
            let ind = a.string("indexing") ?? "xy"
            guard ind == "xy" || ind == "ij" else {
                throw ShellError("Valid values for `indexing` are 'xy' and 'ij'.", span: a.span("indexing"), kind: .valueError)
            }
            return .tuple(try NDArray.meshgrid(xs, cartesian: ind == "xy", sparse: a.bool("sparse") ?? false).map { .array($0) })
        })

    static let indices = Command(
        name: "indices", category: "Arrays",
        summary: "An array of each position's index along every axis.",
        parameters: [Parameter("dimensions", .ints, help: "the grid's shape")],
        options: [Parameter("dtype", .dtype, default: .dtype(.int64), help: "element type"),
                  Parameter("sparse", .bool, default: .bool(false), help: "only False")],
        help: "numpy's `np.indices(dimensions)`: shape (len(dimensions), *dimensions); `r[k][i, j]` is the k-th index of (i, j).",
        examples: [Example("np.indices((2, 3))")],
        run: { call in
            .array(try NDArray.indices(call.arguments.ints("dimensions") ?? [], dtype: call.arguments.dtype("dtype") ?? .int64))
        })
}
