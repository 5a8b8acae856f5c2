import Tensor

/// numpy's writes and selections by position: `np.put`, `np.place`, `np.putmask` (in place),
/// `np.choose`, `np.compress`, `np.lexsort`. Bodies call module Tensor (`FlatWrites`, `Choosing`).
enum SelectionCommands {
    static let all: [Command] = [put, place, putmask, choose, compress, compressMethod, lexsort]

    typealias A = FunctionArguments

    static func mode(_ call: Invocation) throws(ShellError) -> ClipMode {
        guard case .string(let s) = call.arguments["mode"] else {
            throw ShellError("clipmode not understood", span: call.arguments.span("mode") ?? call.span, kind: .typeError)
        }
        do { return try ClipMode(numpy: s) } catch { throw ShellError(error.message, span: call.arguments.span("mode") ?? call.span, kind: error.kind) }
    }

    static let modeParameter = Parameter("mode", .value, default: .string("raise"), help: "out-of-range indices: 'raise', 'wrap' or 'clip'").choices(["raise", "wrap", "clip"])

    static let put = Command(
        name: "put", category: "Indexing",
        summary: "Write values at flat indices, in place.",
        parameters: [Parameter("a", .array, help: "the array changed in place"),
                     Parameter("ind", .array, help: "flat (C-order) indices"),
                     Parameter("v", .array, help: "the values, repeated as needed"),
                     modeParameter],
        help: "numpy's `np.put(a, ind, v, mode='raise')` and `a.put(ind, v)`: `a.flat[ind] = v`, whatever a's shape; v repeats when shorter than ind and is cast to a's dtype. Returns None.",
        examples: [Example("x = np.zeros(5)\nnp.put(x, [0, 2], [1, 2])\nx")],
        isMethod: true,
        run: { call in
            let a = try A.array(call, "a")
            try a.requireWriteable("put: output array is read-only")
            try a.put(try A.array(call, "ind"), try A.array(call, "v"), mode: try mode(call))
            return .none
        })

    static let place = Command(
        name: "place", category: "Indexing",
        summary: "Write values in turn where a mask holds, in place.",
        parameters: [Parameter("arr", .array, help: "the array changed in place"),
                     Parameter("mask", .array, help: "a mask of arr's size"),
                     Parameter("vals", .array, help: "the values, taken in turn and repeated as needed")],
        help: "numpy's `np.place(arr, mask, vals)`: the k-th True position of the mask gets `vals[k % len(vals)]`. Returns None.",
        examples: [Example("x = np.arange(6)\nnp.place(x, x > 2, [10, 20])\nx")],
        run: { call in
            let arr = try A.array(call, "arr")
            // numpy's place writes through a WRITEBACKIFCOPY temporary, whose words these are.
            try arr.requireWriteable("WRITEBACKIFCOPY base is read-only")
            try arr.place(try A.array(call, "mask"), try A.array(call, "vals"))
            return .none
        })

    static let putmask = Command(
        name: "putmask", category: "Indexing",
        summary: "Write values where a mask holds, each from its own position, in place.",
        parameters: [Parameter("a", .array, help: "the array changed in place"),
                     Parameter("mask", .array, help: "a mask of a's size"),
                     Parameter("values", .array, help: "the values, repeated over a's flat positions")],
        help: "numpy's `np.putmask(a, mask, values)`: flat position n (where the mask holds) gets `values[n % len(values)]`; unlike `np.place`, the value is picked by position. Returns None.",
        examples: [Example("x = np.arange(6)\nnp.putmask(x, x > 2, [10, 20])\nx")],
        run: { call in
            let a = try A.array(call, "a")
            try a.requireWriteable("putmask: output array is read-only")
            try a.putMask(try A.array(call, "mask"), try A.array(call, "values"))
            return .none
        })

    static let choose = Command(
        name: "choose", category: "Indexing",
        summary: "Pick each element from one of several arrays, by an index array.",
        parameters: [Parameter("a", .array, help: "integers in 0..<len(choices)"),
                     Parameter("choices", .value, help: "a sequence of arrays, broadcast with a"),
                     Parameter("out", .value, default: .none, help: "not supported (must be None)"),
                     modeParameter],
        help: "numpy's `np.choose(a, choices, mode='raise')` and `a.choose(choices)`: element i is `choices[a[i]][i]`, all broadcast together.",
        examples: [Example("np.choose([0, 1, 0], [[1, 2, 3], [4, 5, 6]])")],
        isMethod: true,
        run: { call in
            if !call.arguments["out"].isNone { throw ShellError("choose: out= is not supported in rnnsh", span: call.arguments.span("out") ?? call.span, kind: .notImplementedError) }
            let choices = try A.arrays(call, "choices")
            return A.result(try NDArray.choose(try A.array(call, "a"), from: choices, mode: try mode(call)))
        })

    static func compressRun(_ call: Invocation) throws -> Value {
        .array(try A.array(call, "a").compress(try A.array(call, "condition"), axis: try A.axis(call)))
    }

    static let compress = Command(
        name: "compress", category: "Indexing",
        summary: "The slices along an axis where a 1-d condition holds.",
        parameters: [Parameter("condition", .array, help: "a 1-d truth array (shorter counts as False)"),
                     Parameter("a", .array, help: "the array"),
                     Parameter("axis", .value, default: .none, help: "the axis (None: the flattened array)")],
        help: "numpy's `np.compress(condition, a, axis=None)`: `a[condition]` along one axis; `x.compress(condition)` is the method.",
        examples: [Example("np.compress([False, True, True], np.arange(6).reshape(3, 2), axis=0)")],
        run: compressRun)

    static let compressMethod = Command(
        name: "ndarray.compress", category: "Array methods",
        summary: "The slices along an axis where a 1-d condition holds (method form).",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("condition", .array, help: "a 1-d truth array (shorter counts as False)"),
                     Parameter("axis", .value, default: .none, help: "the axis (None: the flattened array)")],
        help: "numpy's `x.compress(condition, axis=None)`, the same as `np.compress(condition, x, axis)`.",
        examples: [Example("np.arange(5).compress([0, 1, 1])")],
        run: compressRun)

    static let lexsort = Command(
        name: "lexsort", category: "Sorting",
        summary: "Indices sorting by several keys, the last key first.",
        parameters: [Parameter("keys", .value, help: "a sequence of equally shaped arrays (or a 2-d array, one key per row)"),
                     Parameter("axis", .int, default: .int(-1), help: "the axis to sort along")],
        help: "numpy's `np.lexsort(keys, axis=-1)`: sorts by keys[-1], ties by keys[-2], and so on; the sort is stable.",
        examples: [Example("surnames = np.array([3, 1, 3, 2])\nfirst = np.array([1, 2, 0, 5])\nnp.lexsort((first, surnames))")],
        run: { call in
            let v = call.arguments["keys"]
            if let items = v.sequenceItems, items.isEmpty {
                throw ShellError("need sequence of keys with len > 0 in lexsort", span: call.span, kind: .typeError)
            }
            return A.result(try NDArray.lexsort(try A.arrays(call, "keys"), axis: call.arguments.int("axis") ?? -1))
        })
}
