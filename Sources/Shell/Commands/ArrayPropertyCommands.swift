import Tensor

/// numpy's functions that read an array-like's layout without making anything: `np.shape`,
/// `np.size`, `np.ndim`. They take what `np.asarray` takes (lists, scalars, strings, string
/// arrays), so pasted code that asks `np.ndim(5)` or `np.shape([[1, 2]])` runs. Named
/// `numpy.NAME`: plain `shape`/`size`/`ndim` would be command words of the shell's grammar and
/// would take over variables of those names; `x.shape` stays the attribute.
enum ArrayPropertyCommands {
    typealias A = FunctionArguments

    static let all: [Command] = [shape, size, ndim]

    static let shape = Command(
        name: "numpy.shape", category: "Shape",
        summary: "The shape of an array or of what np.asarray would make of a value (np.shape).",
        parameters: [Parameter("a", .value, help: "an array, list, tuple, scalar or string")],
        help: "numpy's `np.shape(a)`: a tuple of ints, `()` for a scalar; a ragged list fails as `np.asarray` fails.",
        examples: [Example("np.shape([[1, 2, 3], [4, 5, 6]])"), Example("np.shape(7)")],
        run: { call in .tuple(try call.evaluator.shapeOf(call.arguments["a"]).map { .int($0) }) })

    static let size = Command(
        name: "numpy.size", category: "Shape",
        summary: "How many elements (along given axes) an array-like has (np.size).",
        parameters: [Parameter("a", .value, help: "an array, list, tuple, scalar or string"),
                     Parameter("axis", .value, default: .none, help: "an axis or tuple of axes: the product of their lengths")],
        help: "numpy's `np.size(a, axis=None)`: the number of elements, or the product of the lengths of the given axes (negative axes count from the end; numpy's AxisError past the last).",
        examples: [Example("np.size([[1, 2, 3], [4, 5, 6]])"), Example("np.size(np.zeros((2, 3, 4)), (0, 2))")],
        run: { call in
            let dims = try call.evaluator.shapeOf(call.arguments["a"])
            let v = call.arguments["axis"], span = call.arguments.span("axis")
            guard !v.isNone else { return .int(dims.reduce(1, *)) }
            // numpy 2.4 takes an int or anything iterable of ints: a float axis fails in its
            // words (`'float' object is not iterable`), from the tuple it tried to make.
            let axes: [Int]
            switch v {
            case .int, .bool, .bigint: axes = [try ArgumentBinder.integer(v, span)]
            case .scalar(let a) where a.dtype.isInteger: axes = [try ArgumentBinder.integer(v, span)]
            default:
                guard let items = v.sequenceItems else {
                    throw ShellError("'\(v.typeName)' object is not iterable", span: span, kind: .typeError)
                }
                axes = try items.map { (x) throws(ShellError) -> Int in try ArgumentBinder.integer(x, span) }
            }
            var n = 1
            for axis in axes {
                let k = try A.wrap { () throws(TensorError) -> Int in try NDArray.normalizeAxis(axis, ndim: dims.count) }
                n *= dims[k]
            }
            return .int(n)
        })

    static let ndim = Command(
        name: "numpy.ndim", category: "Shape",
        summary: "The number of dimensions of an array-like (np.ndim).",
        parameters: [Parameter("a", .value, help: "an array, list, tuple, scalar or string")],
        help: "numpy's `np.ndim(a)`: 0 for a scalar or a string, the nesting depth of a list.",
        examples: [Example("np.ndim([[1, 2], [3, 4]])"), Example("np.ndim(5)")],
        run: { call in .int(try call.evaluator.shapeOf(call.arguments["a"]).count) })
}
