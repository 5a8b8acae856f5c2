import Tensor

/// Making arrays: `arange`, `array`, `asarray`, `zeros`, `ones`, `full`, and changing their
/// type (`astype`, `copy`). Every body is a call into module Tensor.
enum ArrayCreation {
    static let all: [Command] = [arange, array, asarray, zeros, ones, full, astype, copy]

    static let dtypeOption = Parameter("dtype", .dtype, default: .none, help: "element type: float32, float64, int8-int64, uint8-uint64, float16, bool")

    static let arange = Command(
        name: "arange", category: "Arrays",
        summary: "Evenly spaced values in [start, stop): np.arange.",
        parameters: [Parameter("start", .value, help: "first value (or stop, when it is the only number)"),
                     Parameter("stop", .value, default: .none, help: "end, not included"),
                     Parameter("step", .value, default: .none, help: "spacing (default 1)")],
        options: [dtypeOption],
        help: """
            `arange 24` is `np.arange(24)`: the integers 0 … 23 as int64. With floats the \
            result is float64 and its length is ceil((stop - start) / step), exactly as numpy \
            computes it.
            """,
        examples: [Example("arange 5"), Example("arange 2 10 3"), Example("np.arange(0, 1, 0.25)"), Example("arange 4 dtype=float32"),
                   .numpy("np.arange(24).dtype"), .numpy("np.arange(0.5, 3).dtype"), .numpy("len(np.arange(0, 1, 0.3))")],
        run: { call in
            let a = call.arguments
            let start = try ValueConversion.operand(a["start"], span: a.span("start"), shell: call.evaluator)
            let dtype = a.dtype("dtype")
            if a["stop"].isNone {
                if !a["step"].isNone { throw call.error("arange() requires stop to be specified.") }
                return .array(try NDArray.arange(start, dtype: dtype))
            }
            let stop = try ValueConversion.operand(a["stop"], span: a.span("stop"), shell: call.evaluator)
            let step: Operand = a["step"].isNone ? .int(1) : try ValueConversion.operand(a["step"], span: a.span("step"), shell: call.evaluator)
            return .array(try NDArray.arange(start: start, stop: stop, step: step, dtype: dtype))
        })

    static let array = Command(
        name: "array", category: "Arrays",
        summary: "An array from (nested) lists of numbers: np.array.",
        parameters: [Parameter("object", .value, help: "a number, a (nested) list or tuple, or an array")],
        options: [dtypeOption],
        help: """
            `np.array([[1, 2], [3, 4]])` builds a 2×2 int64 array. The dtype is inferred as \
            numpy does (bool, then int64, then float64) unless `dtype=` is given. Lists must be \
            rectangular. An array argument is copied.
            """,
        examples: [Example("np.array([[1, 2], [3, 4]])"), Example("array [1, 2.5] dtype=float32"),
                   .numpy("np.array([True, False]).dtype"), .numpy("np.array([True, 2]).dtype"), .numpy("np.array([1, 2.5]).dtype")],
        run: { call in try makeArray(call, copy: true) })

    static let asarray = Command(
        name: "asarray", category: "Arrays",
        summary: "Like array, but an array argument is returned as is: np.asarray.",
        parameters: [Parameter("a", .value, help: "a number, a (nested) list or tuple, or an array")],
        options: [dtypeOption],
        help: """
            What every command does to an argument that must be an array: a list becomes an \
            array, an array stays the same array (no copy) unless `dtype=` asks for another type.
            """,
        examples: [Example("asarray (1, 2, 3)")],
        run: { call in try makeArray(call, copy: false) })

    static func makeArray(_ call: Invocation, copy: Bool) throws -> Value {
        let args = call.arguments
        let name = copy ? "object" : "a"
        let dtype = args.dtype("dtype")
        switch args[name] {
        case .array(let a), .scalar(let a):
            if let dtype, dtype != a.dtype { return .array(try a.astype(dtype)) }
            return .array(copy ? try a.copy() : a)
        case let v:
            // `np.array([a, b])` of arrays of one shape and dtype is a stack: no per-element
            // literal (which took 650 MB for one 80 MB array) and the dtype kept, as numpy does.
            if let items = v.sequenceItems, !items.isEmpty {
                let arrays = items.compactMap { item -> NDArray? in
                    if case .array(let a) = item { return a }
                    return nil
                }
                if arrays.count == items.count, let first = arrays.first,
                   arrays.allSatisfy({ $0.shape == first.shape && $0.dtype == first.dtype }) {
                    let stacked = try NDArray.stack(arrays)
                    if let dtype, dtype != stacked.dtype { return .array(try stacked.astype(dtype)) }
                    return .array(stacked)
                }
            }
            // A literal's size is known from its first elements: refuse it before converting
            // (`np.array([[0]*10**6]*10**6)` took 12 s and 5.6 GB before being refused).
            try ValueConversion.checkLiteralSize(v, dtype: dtype)
            let literal = try ValueConversion.literal(v, span: args.span(name))
            return .array(try NDArray(literal: literal, dtype: dtype))
        }
    }

    static let zeros = Command(
        name: "zeros", category: "Arrays",
        summary: "An array of zeros: np.zeros.",
        parameters: [Parameter("shape", .ints, variadic: true, help: "the shape: `zeros 2 3` or `np.zeros((2, 3))`")],
        options: [Parameter("dtype", .dtype, default: .dtype(.float64), help: "element type")],
        help: "A new array of the given shape filled with 0 (float64 unless `dtype=` says otherwise).",
        examples: [Example("zeros 2 3"), Example("np.zeros((2,), dtype=int)"), .numpy("np.zeros((2, 3)).dtype")],
        run: { call in
            .array(try NDArray.zeros(call.arguments.ints("shape") ?? [], dtype: call.arguments.dtype("dtype") ?? .float64))
        })

    static let ones = Command(
        name: "ones", category: "Arrays",
        summary: "An array of ones: np.ones.",
        parameters: [Parameter("shape", .ints, variadic: true, help: "the shape: `ones 2 3` or `np.ones((2, 3))`")],
        options: [Parameter("dtype", .dtype, default: .dtype(.float64), help: "element type")],
        help: "A new array of the given shape filled with 1 (float64 unless `dtype=` says otherwise).",
        examples: [Example("ones 3"), Example("np.ones((2, 2), dtype=np.int32)"), .numpy("np.ones(3).dtype")],
        run: { call in
            .array(try NDArray.ones(call.arguments.ints("shape") ?? [], dtype: call.arguments.dtype("dtype") ?? .float64))
        })

    static let full = Command(
        name: "full", category: "Arrays",
        summary: "An array filled with one value: np.full.",
        parameters: [Parameter("shape", .ints, help: "the shape: an int or a tuple"),
                     Parameter("fill_value", .value, help: "the value of every element")],
        options: [dtypeOption],
        help: "A new array of the given shape with every element `fill_value`; the dtype follows the value unless given.",
        examples: [Example("full (2, 3) 7"), Example("np.full(3, 0.5)"), .numpy("np.full(2, 7).dtype"), .numpy("np.full(2, True).dtype"),
                   .numpy("np.full(2, 7, dtype=np.float32)")],
        run: { call in
            let a = call.arguments
            let fill = try ValueConversion.operand(a["fill_value"], span: a.span("fill_value"), shell: call.evaluator)
            return .array(try NDArray.full(a.ints("shape") ?? [], fill, dtype: a.dtype("dtype")))
        })

    static let astype = Command(
        name: "astype", category: "Arrays",
        summary: "A copy converted to another dtype: x.astype(np.float32).",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("dtype", .dtype, help: "the new element type")],
        help: "Converts each element as numpy's `astype` does (floats to ints truncate toward zero).",
        examples: [Example("np.arange(3).astype(np.float32)"), Example("astype (array [1.7, -1.7]) int32")],
        isMethod: true,
        run: { call in
            guard let a = call.arguments.array("a") else { return .none }
            guard let d = call.arguments.dtype("dtype") else { throw call.error("astype() needs a dtype", argument: "dtype") }
            return .array(try a.astype(d))
        })

    static let copy = Command(
        name: "copy", category: "Arrays",
        summary: "A copy of an array that owns its data.",
        parameters: [Parameter("a", .array, help: "the array")],
        help: "Returns a C-contiguous copy, so the result is no longer a view of anything (`x.copy()`, `np.copy(x)`).",
        examples: [Example("x = arange 6 | reshape 2 3\nx.T.copy()")],
        isMethod: true,
        run: { call in
            guard let a = call.arguments.array("a") else { return .none }
            return .array(try a.copy())
        })
}
