import Tensor

/// Making arrays: `arange`, `array`, `asarray`, `zeros`, `ones`, `full`, and changing their
/// type (`astype`, `copy`). Every body is a call into module Tensor.
enum ArrayCreation {
    static let all: [Command] = [arange, array, asarray, ascontiguousarray, asfortranarray, zeros, ones, full, astype, copy]

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
        parameters: [Parameter("object", .value, help: "a number, a (nested) list or tuple, or an array"), dtypeOption],
        options: [FunctionArguments.orderParameter(default: "K", help: "memory layout: 'K' (an array's own), 'A', 'C' or 'F'")],
        help: """
            `np.array([[1, 2], [3, 4]])` builds a 2×2 int64 array. The dtype is inferred as \
            numpy does (bool, then int64, then float64) unless `dtype=` is given. Lists must be \
            rectangular. An array argument is copied (keeping its layout unless `order=` says \
            otherwise).
            """,
        examples: [Example("np.array([[1, 2], [3, 4]])"), Example("array [1, 2.5] dtype=float32"),
                   .numpy("np.array([True, False]).dtype"), .numpy("np.array([True, 2]).dtype"), .numpy("np.array([1, 2.5]).dtype"),
                   .numpy("np.array([[1, 2], [3, 4]], order='F').strides")],
        run: { call in try makeArray(call, copy: true) })

    static let asarray = Command(
        name: "asarray", category: "Arrays",
        summary: "Like array, but an array argument is returned as is: np.asarray.",
        parameters: [Parameter("a", .value, help: "a number, a (nested) list or tuple, or an array"), dtypeOption,
                     FunctionArguments.orderParameter(default: "K", help: "memory layout the result must have: 'C', 'F', or 'A'/'K' (any)")],
        help: """
            What every command does to an argument that must be an array: a list becomes an \
            array, an array stays the same array (no copy) unless `dtype=` asks for another type \
            or `order=` for another layout.
            """,
        examples: [Example("asarray (1, 2, 3)"), .numpy("np.asarray(np.arange(6).reshape(2, 3), order='F').strides")],
        run: { call in try makeArray(call, copy: false) })

    /// `np.ascontiguousarray` / `np.asfortranarray`: `np.asarray(a, dtype, order='C'/'F')`.
    static func asLayout(_ name: String, _ order: MemoryOrder, _ summary: String) -> Command {
        Command(
            name: name, category: "Arrays", summary: summary,
            parameters: [Parameter("a", .value, help: "a number, a (nested) list or tuple, or an array"), dtypeOption],
            help: "numpy's `np.\(name)(a)`: `a` itself when it is already laid out so, else a copy that is (`np.asarray(a, order='\(order == .c ? "C" : "F")')`).",
            examples: [.numpy("np.\(name)(np.arange(6).reshape(\(order == .c ? "3, 2).T" : "2, 3)")).strides")],
            run: { call in try makeArray(call, copy: false, order: order) })
    }

    static let ascontiguousarray = asLayout("ascontiguousarray", .c, "An array laid out in C order (no copy when it already is).")
    static let asfortranarray = asLayout("asfortranarray", .f, "An array laid out in Fortran order (no copy when it already is).")

    static func makeArray(_ call: Invocation, copy: Bool, order fixedOrder: MemoryOrder? = nil) throws -> Value {
        let args = call.arguments
        let name = copy ? "object" : "a"
        let dtype = args.dtype("dtype")
        let order = try fixedOrder ?? FunctionArguments.order(call, otherwise: .k)
        switch args[name] {
        case .array(let a), .scalar(let a):
            if let dtype, dtype != a.dtype {
                // astype lays the copy out in K order; another order asks for that layout.
                let r = try a.astype(dtype)
                if order == .k { return .array(r) }
                return .array(try r.asarray(order: order == .a ? (a.isFortranOrdered ? .f : .c) : order))
            }
            return .array(copy ? try a.copy(order: order) : try a.asarray(order: order))
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
                    var stacked = try NDArray.stack(arrays)
                    if let dtype, dtype != stacked.dtype { stacked = try stacked.astype(dtype) }
                    return .array(order == .f ? try stacked.copy(order: .f) : stacked)
                }
            }
            // A literal's size is known from its first elements: refuse it before converting
            // (`np.array([[0]*10**6]*10**6)` took 12 s and 5.6 GB before being refused).
            try ValueConversion.checkLiteralSize(v, dtype: dtype)
            let literal = try ValueConversion.literal(v, span: args.span(name))
            let r = try NDArray(literal: literal, dtype: dtype)
            // A new array from lists is C-ordered unless F is asked for.
            return .array(order == .f ? try r.copy(order: .f) : r)
        }
    }

    /// numpy's `shape, dtype, order` head of zeros/ones/empty: the shape is variadic only in
    /// command form (`zeros 2 3`); in numpy form the second argument is the dtype, so
    /// `np.zeros(2, 3)` is numpy's `Cannot interpret '3' as a data type`.
    static func creationParameters(shapeHelp: String) -> [Parameter] {
        [Parameter("shape", .ints, variadic: true, help: shapeHelp).variadic(in: [.command]),
         Parameter("dtype", .dtype, default: .dtype(.float64), help: "element type (`np.zeros(3, int)`)"),
         FunctionArguments.orderParameter(default: "C", help: "memory layout: 'C' (row-major) or 'F' (column-major)")]
    }

    static let zeros = Command(
        name: "zeros", category: "Arrays",
        summary: "An array of zeros: np.zeros.",
        parameters: creationParameters(shapeHelp: "the shape: `zeros 2 3` or `np.zeros((2, 3))`"),
        help: """
            A new array of the given shape filled with 0 (float64 unless a dtype is given). As in \
            numpy, the dtype and order may follow the shape: `np.zeros(3, int)`, \
            `np.zeros((2, 3), np.float32, 'F')`; `np.zeros(2, 3)` is an error (3 is not a dtype), \
            while the command form `zeros 2 3` reads both numbers as the shape.
            """,
        examples: [Example("zeros 2 3"), Example("np.zeros((2,), dtype=int)"), .numpy("np.zeros((2, 3)).dtype"),
                   .numpy("np.zeros(3, int)"), .numpy("np.zeros((2, 3), order='F').strides")],
        run: { call in
            .array(try NDArray.zeros(call.arguments.ints("shape") ?? [], dtype: call.arguments.dtype("dtype") ?? .float64,
                                     order: try FunctionArguments.order(call)))
        })

    static let ones = Command(
        name: "ones", category: "Arrays",
        summary: "An array of ones: np.ones.",
        parameters: creationParameters(shapeHelp: "the shape: `ones 2 3` or `np.ones((2, 3))`"),
        help: "A new array of the given shape filled with 1 (float64 unless a dtype is given: `np.ones((2, 2), 'float32')`).",
        examples: [Example("ones 3"), Example("np.ones((2, 2), dtype=np.int32)"), .numpy("np.ones(3).dtype"),
                   .numpy("np.ones((2, 2), 'float32')")],
        run: { call in
            .array(try NDArray.full(call.arguments.ints("shape") ?? [], .int(1), dtype: call.arguments.dtype("dtype") ?? .float64,
                                    order: try FunctionArguments.order(call)))
        })

    static let full = Command(
        name: "full", category: "Arrays",
        summary: "An array filled with one value: np.full.",
        parameters: [Parameter("shape", .ints, help: "the shape: an int or a tuple"),
                     Parameter("fill_value", .value, help: "the value of every element"),
                     Parameter("dtype", .dtype, default: .none, help: "element type (default: the fill value's)"),
                     FunctionArguments.orderParameter(default: "C", help: "memory layout: 'C' (row-major) or 'F' (column-major)")],
        help: "A new array of the given shape with every element `fill_value`; the dtype follows the value unless given (`np.full(3, 7, float)`).",
        examples: [Example("full (2, 3) 7"), Example("np.full(3, 0.5)"), .numpy("np.full(2, 7).dtype"), .numpy("np.full(2, True).dtype"),
                   .numpy("np.full(2, 7, dtype=np.float32)"), .numpy("np.full(3, 7, float)")],
        run: { call in
            let a = call.arguments
            let fill = try ValueConversion.operand(a["fill_value"], span: a.span("fill_value"), shell: call.evaluator)
            return .array(try NDArray.full(a.ints("shape") ?? [], fill, dtype: a.dtype("dtype"), order: try FunctionArguments.order(call)))
        })

    static let astype = Command(
        name: "astype", category: "Arrays",
        summary: "A copy converted to another dtype: x.astype(np.float32).",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("dtype", .dtype, help: "the new element type")],
        options: [Parameter("copy", .bool, default: .bool(true), help: "False: the array itself when it already has the dtype")],
        help: "Converts each element as numpy's `astype` does (floats to ints truncate toward zero). `np.astype(x, dtype)` is numpy 2's function form.",
        examples: [Example("np.arange(3).astype(np.float32)"), Example("astype (array [1.7, -1.7]) int32"),
                   .numpy("np.astype(np.arange(3), np.float32)")],
        isMethod: true,
        run: { call in
            guard let a = call.arguments.array("a") else { return .none }
            guard let d = call.arguments.dtype("dtype") else { throw call.error("astype() needs a dtype", argument: "dtype") }
            if call.arguments.bool("copy") == false && d == a.dtype { return .array(a) }
            return .array(try CastWarnings.casting(call, a, to: d))
        })

    static let copy = Command(
        name: "copy", category: "Arrays",
        summary: "A copy of an array that owns its data.",
        parameters: [Parameter("a", .array, help: "the array"),
                     FunctionArguments.orderParameter(default: "K", help: "layout: 'C', 'F', 'A' or 'K'; `x.copy()` defaults to 'C', `np.copy(x)` to 'K' (x's own)")],
        help: """
            Returns a copy that owns its data, so the result is no longer a view of anything. \
            As in numpy, `x.copy()` is C-ordered while `np.copy(x)` keeps x's layout.
            """,
        examples: [Example("x = arange 6 | reshape 2 3\nx.T.copy()"), .numpy("np.arange(6).reshape(2, 3).T.copy().strides"),
                   .numpy("np.copy(np.arange(6).reshape(2, 3).T).strides")],
        isMethod: true,
        run: { call in
            guard let a = call.arguments.array("a") else { return .none }
            // numpy: ndarray.copy(order='C'), np.copy(a, order='K').
            let order = call.arguments.isGiven("order") ? try FunctionArguments.order(call, otherwise: .k) : (call.form == .method ? .c : .k)
            return .array(try a.copy(order: order))
        })
}
