import Tensor

/// numpy's smaller everyday routines: `np.extract`, `np.trim_zeros`, `np.ediff1d`, `np.sinc`,
/// `np.heaviside`, `np.ravel_multi_index`, `np.fromiter`. Bodies call module Tensor
/// (`Choosing`, `EndPieces`, `SignalFunctions`, `RavelIndex`).
enum SmallRoutineCommands {
    static let all: [Command] = [extract, trimZeros, ediff1d, sinc, heaviside, ravelMultiIndex, fromiter]

    typealias A = FunctionArguments

    static let extract = Command(
        name: "extract", category: "Indexing",
        summary: "The elements where a condition holds, flattened.",
        parameters: [Parameter("condition", .array, help: "nonzero where an element is kept"),
                     Parameter("arr", .array, help: "the array (flattened)")],
        help: "numpy's `np.extract(condition, arr)`: `arr.ravel()[condition.ravel() != 0]`, a 1-d copy.",
        examples: [Example("np.extract(np.arange(6) % 2 == 0, np.arange(6) * 10)")],
        run: { call in .array(try A.array(call, "arr").extract(try A.array(call, "condition"))) })

    static let trimZeros = Command(
        name: "trim_zeros", category: "Shape",
        summary: "A 1-d array without its leading and/or trailing zeros.",
        parameters: [Parameter("filt", .array, help: "a 1-d array"),
                     Parameter("trim", .string, default: .string("fb"), help: "'f' trims the front, 'b' the back")],
        help: "numpy's `np.trim_zeros(filt, trim='fb')`: a view of the part from the first to the last nonzero element.",
        examples: [Example("np.trim_zeros(np.array([0, 0, 3, 0, 2, 0]))"), Example("np.trim_zeros(np.array([0, 1, 0]), 'f')")],
        run: { call in .array(try A.array(call, "filt").trimZeros(call.arguments.string("trim") ?? "fb")) })

    static let ediff1d = Command(
        name: "ediff1d", category: "Calculus",
        summary: "Differences of consecutive elements of the flattened array, with optional ends.",
        parameters: [Parameter("ary", .array, help: "the array (flattened)"),
                     Parameter("to_end", .value, default: .none, help: "values appended after the differences"),
                     Parameter("to_begin", .value, default: .none, help: "values put before the differences")],
        help: "numpy's `np.ediff1d(ary, to_end=None, to_begin=None)`: `np.diff(ary.ravel())` in ary's dtype, with the ends added (they must cast to that dtype under 'same_kind').",
        examples: [Example("np.ediff1d(np.array([1, 2, 4, 7]), to_begin=-99)")],
        run: { call in
            let a = call.arguments
            func piece(_ name: String) throws(ShellError) -> NDArray? {
                a[name].isNone ? nil : try call.evaluator.toArray(a[name], span: a.span(name))
            }
            return .array(try A.array(call, "ary").ediff1d(toEnd: try piece("to_end"), toBegin: try piece("to_begin")))
        })

    static let sinc = Command(
        name: "sinc", category: "Elementwise",
        summary: "The normalised sinc: sin(pi x) / (pi x), 1 at x = 0.",
        parameters: [Parameter("x", .array, help: "the array")],
        help: "numpy's `np.sinc`, by numpy's formula `y = pi * where(x == 0, 1e-20, x); sin(y) / y` (so sinc(1) is about 3.9e-17, not 0).",
        examples: [Example("np.sinc(np.array([0.0, 0.5, 1.0]))")],
        run: { call in A.result(try A.array(call, "x").sinc()) })

    static let heaviside = Command(
        name: "heaviside", category: "Elementwise",
        summary: "The step function: 0 below zero, x2 at zero, 1 above.",
        parameters: [Parameter("x1", .value, help: "the input"), Parameter("x2", .value, help: "the value where x1 is 0")],
        help: "numpy's `np.heaviside(x1, x2)`, a float ufunc (integers give float64); NaN stays NaN.",
        examples: [Example("np.heaviside(np.array([-1.5, 0, 2.0]), 0.5)")],
        run: { call in A.result(try NDArray.heaviside(try A.operand(call, "x1"), try A.operand(call, "x2"))) })

    static let ravelMultiIndex = Command(
        name: "ravel_multi_index", category: "Indexing",
        summary: "Flat indices from per-axis coordinates (the inverse of unravel_index).",
        parameters: [Parameter("multi_index", .value, help: "a tuple of integer arrays, one per axis"),
                     Parameter("dims", .ints, help: "the shape"),
                     Parameter("mode", .value, default: .string("raise"), help: "out-of-range coordinates: 'raise', 'wrap' or 'clip'")],
        help: "numpy's `np.ravel_multi_index(multi_index, dims, mode='raise')`: `i * dims[1] + j` for 2-d, in C order.",
        examples: [Example("np.ravel_multi_index(([0, 1, 1], [2, 0, 2]), (2, 3))")],
        run: { call in
            let coordinates = try A.arrays(call, "multi_index")
            let mode = try SelectionCommands.mode(call)
            return A.result(try NDArray.ravelMultiIndex(coordinates, dims: call.arguments.ints("dims") ?? [], mode: mode))
        })

    static let fromiter = Command(
        name: "fromiter", category: "Arrays",
        summary: "A 1-d array from any iterable (a generator, a range).",
        parameters: [Parameter("iter", .value, help: "the iterable"),
                     Parameter("dtype", .dtype, default: .none, help: "the element type (required, as in numpy)"),
                     Parameter("count", .int, default: .int(-1), help: "how many items to take (-1: all)")],
        help: "numpy's `np.fromiter(iter, dtype, count=-1)`: `np.fromiter((x * x for x in range(4)), float)`.",
        examples: [Example("np.fromiter((x * x for x in range(5)), dtype=int)")],
        run: { call in
            let a = call.arguments
            guard let dtype = a.dtype("dtype") else {
                throw ShellError("fromiter() missing required argument 'dtype' (pos 2)", span: call.span, kind: .typeError)
            }
            let count = a.int("count") ?? -1
            var items = try call.evaluator.iterate(a["iter"], call.span)
            if count >= 0 {
                if items.count < count {
                    throw ShellError("iterator too short: Expected \(count) but iterator had only \(items.count) items.", span: call.span, kind: .valueError)
                }
                items = Array(items.prefix(count))
            }
            if items.isEmpty { return .array(try NDArray.zeros([0], dtype: dtype)) }
            return .array(try call.evaluator.toArray(.list(PyList(items)), span: call.span).astype(dtype))
        })
}
