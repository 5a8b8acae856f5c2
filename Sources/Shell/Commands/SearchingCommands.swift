import Tensor

/// Finding positions: `np.searchsorted`, `np.digitize`, `np.unravel_index`, `np.flatnonzero`
/// (module Tensor's `Searching`).
enum SearchingCommands {
    static let all: [Command] = [searchsorted, digitize, unravelIndex, flatnonzero]

    typealias A = FunctionArguments

    static let searchsorted = Command(
        name: "searchsorted", category: "Sorting",
        summary: "Where values would be inserted into a sorted array.",
        parameters: [Parameter("a", .array, help: "a sorted 1-d array"), Parameter("v", .value, help: "a value or an array of values"),
                     Parameter("side", .string, default: .string("left"), help: "'left' (before equal elements) or 'right' (after)").choices(["left", "right"])],
        help: "numpy's `np.searchsorted` (also `a.searchsorted(v)`): binary search; the result has v's shape.",
        examples: [Example("np.searchsorted(np.array([1, 3, 5, 7]), [0, 5, 8])"), Example("np.searchsorted(np.array([1, 3, 5, 7]), 5, side='right')")],
        isMethod: true,
        run: { call in
            let side = call.arguments.string("side") ?? "left"
            guard side == "left" || side == "right" else {
                throw call.error("side must be 'left' or 'right' (got \(ValueFormatter.pythonStringRepr(side)))", argument: "side")
            }
            let v = try call.evaluator.toArray(call.arguments["v"], span: call.arguments.span("v"))
            return A.result(try NDArray.searchSorted(try A.array(call, "a"), v, right: side == "right"))
        })

    static let digitize = Command(
        name: "digitize", category: "Sorting",
        summary: "The index of the bin each value falls in.",
        parameters: [Parameter("x", .array, help: "the values"), Parameter("bins", .array, help: "monotonic 1-d bin edges"),
                     Parameter("right", .bool, default: .bool(false), help: "True: bins include their right edge")],
        help: "numpy's `np.digitize`: with increasing bins, i such that bins[i-1] <= x < bins[i] (0 below the first edge, len(bins) above the last).",
        examples: [Example("np.digitize(np.array([5, 17, 18, 40]), np.array([0, 18, 65]))")],
        run: { call in
            A.result(try NDArray.digitize(try A.array(call, "x"), try A.array(call, "bins"), right: call.arguments.bool("right") ?? false))
        })

    static let unravelIndex = Command(
        name: "unravel_index", category: "Sorting",
        summary: "Turn flat positions into one index per axis.",
        parameters: [Parameter("indices", .array, help: "flat (C-order) positions"), Parameter("shape", .ints, help: "the array's shape")],
        help: "numpy's `np.unravel_index`: a tuple with one entry per axis; `np.unravel_index(x.argmax(), x.shape)` finds the maximum's position.",
        examples: [Example("np.unravel_index(5, (2, 3))"), Example("np.unravel_index(np.array([1, 4]), (2, 3))")],
        run: { call in
            A.tuple(try NDArray.unravelIndex(try A.array(call, "indices"), shape: call.arguments.ints("shape") ?? []))
        })

    static let flatnonzero = Command(
        name: "flatnonzero", category: "Sorting",
        summary: "Flat positions of the non-zero elements.",
        parameters: [Parameter("a", .array, help: "the array")],
        help: "numpy's `np.flatnonzero`: `np.nonzero(np.ravel(a))[0]`.",
        examples: [Example("np.flatnonzero(np.array([[0, 1], [2, 0]]))")],
        run: { call in
            let parts = try A.array(call, "a").ravel().nonzero()
            guard let first = parts.first else { return .array(try NDArray.fromInt64s([], shape: [0])) }
            return .array(first)
        })
}
