import Tensor

/// numpy's functions that call the user's Python function: `np.vectorize` (once per element),
/// `np.fromfunction` (once, with index grids) and `np.apply_along_axis` (once per 1-d slice).
/// The calls go through the interpreter (`Evaluator.callPython`), as `sorted(key=)` does; the
/// arrays are assembled with module Tensor.
enum CallbackCommands {
    static let all: [Command] = [vectorize, fromfunction, applyAlongAxis]

    typealias A = FunctionArguments

    /// One element as the Python number numpy's object loop hands the function (`int`, `float`, `bool`).
    static func element(_ s: Scalar) -> Value {
        switch s {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int(i))
        case .float32(let f): return .float(Double(f))
        case .float64(let d): return .float(d)
        case .uint(let u): return .scalar(NDArray(scalar: u))
        }
    }

    static let vectorize = Command(
        name: "vectorize", category: "Functions",
        summary: "Make a Python function take arrays, calling it once per element.",
        parameters: [Parameter("pyfunc", .value, help: "the function of scalars"),
                     Parameter("otypes", .value, default: .none, help: "the output dtype (a list like [float], or typecodes like 'd')")],
        help: "numpy's `np.vectorize(pyfunc, otypes=None)`: calling the result broadcasts its arguments and calls pyfunc with each element as a Python number. Without otypes the first result fixes the dtype (numpy calls pyfunc on the first element twice to learn it); later results are cast to it. A convenience, not a speed-up: it is a Python loop.",
        examples: [Example("double = np.vectorize(lambda v: v * 2)\ndouble(np.arange(3))")],
        run: { call in
            .object(VectorizedFunction(function: call.arguments["pyfunc"], outputType: try outputType(call.arguments["otypes"], call.arguments.span("otypes") ?? call.span)))
        })

    /// The first of `otypes`: a list of dtypes or Python types, or a string of typecodes.
    static func outputType(_ v: Value, _ span: Range<Int>) throws(ShellError) -> DType? {
        func one(_ x: Value) throws(ShellError) -> DType {
            switch x {
            case .dtype(let d): return d
            case .type(let t): if let d = Builtins.dtype(ofType: t) { return d }
            case .string(let s): if let d = DType(numpyName: s) { return d }
            default: break
            }
            throw ShellError("Invalid otype specified: \(ValueFormatter.repr(x))", span: span, kind: .valueError)
        }
        switch v {
        case .none: return nil
        case .string(let s):
            guard let c = s.first else { return nil }
            return try one(.string(String(c)))
        default:
            guard let items = v.sequenceItems else { throw ShellError("Invalid otype specification", span: span, kind: .valueError) }
            guard let first = items.first else { return nil }
            return try one(first)
        }
    }

    static let fromfunction = Command(
        name: "fromfunction", category: "Arrays",
        summary: "Call a function once with index grids: element [i, j] is f(i, j).",
        parameters: [Parameter("function", .value, help: "called with one index array per axis"),
                     Parameter("shape", .ints, help: "the shape")],
        options: [Parameter("dtype", .dtype, default: .dtype(.float64), help: "the index arrays' dtype"),
                  Parameter(keywords: "kwargs", help: "passed on to the function")],
        help: "numpy's `np.fromfunction(function, shape, dtype=float)`: the function is called once, with `np.indices(shape, dtype)` unpacked, so it must work on whole arrays; its result is returned as it is.",
        examples: [Example("np.fromfunction(lambda i, j: i + j, (2, 3))"), Example("np.fromfunction(lambda i, j: i == j, (3, 3), dtype=int)")],
        run: { call in
            let shape = call.arguments.ints("shape") ?? []
            let grids = try NDArray.indices(shape, dtype: call.arguments.dtype("dtype") ?? .float64)
            var positional: [Value] = []
            for k in 0..<shape.count { positional.append(.array(try grids.subscripted([.index(k)]))) }
            return try call.evaluator.callPython(call.arguments["function"], positional, keywords(call), span: call.span)
        })

    static func keywords(_ call: Invocation) -> [(String, Value)] {
        guard case .record(let r) = call.arguments["kwargs"] else { return [] }
        return r.fields.map { ($0.name, $0.value) }
    }

    static let applyAlongAxis = Command(
        name: "apply_along_axis", category: "Functions",
        summary: "Call a function on every 1-d slice along an axis and assemble the results.",
        parameters: [Parameter("func1d", .value, help: "a function of a 1-d array"),
                     Parameter("axis", .int, help: "the axis the slices run along"),
                     Parameter("arr", .array, help: "the array"),
                     Parameter("args", .value, default: .tuple([]), variadic: true, help: "more arguments for func1d")],
        options: [Parameter(keywords: "kwargs", help: "keyword arguments for func1d")],
        help: "numpy's `np.apply_along_axis(func1d, axis, arr, *args, **kwargs)`: the slices' results (numbers or arrays, all of one shape) take the place of the axis. The first result fixes the dtype; later ones are cast to it.",
        examples: [Example("np.apply_along_axis(np.sum, 1, np.arange(6).reshape(2, 3))"),
                   Example("np.apply_along_axis(lambda r: np.sort(r)[::-1], 1, np.array([[3, 1, 2], [9, 8, 7]]))")],
        run: { call in
            let arr = try A.array(call, "arr")
            let extra = call.arguments["args"].sequenceItems ?? []
            let kw = keywords(call)
            let ev = call.evaluator
            let axis = try NDArray.normalizeAxis(call.arguments.int("axis") ?? 0, ndim: arr.ndim)
            var perm = Array(0..<arr.ndim); perm.remove(at: axis); perm.append(axis)
            let view = try arr.transpose(perm)
            let outer = Array(view.shape.dropLast())
            let count = outer.reduce(1, *)
            if count == 0 { throw ShellError("Cannot apply_along_axis when any iteration dimensions are 0", span: call.span, kind: .valueError) }
            func index(_ flat: Int) -> [IndexItem] {
                var rest = flat, items = [IndexItem](repeating: .all, count: outer.count)
                for d in stride(from: outer.count - 1, through: 0, by: -1) { items[d] = .index(rest % outer[d]); rest /= outer[d] }
                return items + [.ellipsis]
            }
            func apply(_ flat: Int) throws(ShellError) -> NDArray {
                let slice = try FunctionArguments.wrap { () throws(TensorError) -> NDArray in try view.subscripted(index(flat)) }
                return try ev.toArray(try ev.callPython(call.arguments["func1d"], [.array(slice)] + extra, kw, span: call.span), span: call.span)
            }
            let first = try apply(0)
            let buffer = try NDArray.zeros(outer + first.shape, dtype: first.dtype)
            try buffer.setItem(index(0), .array(first))
            if count > 1 { for flat in 1..<count { try buffer.setItem(index(flat), .array(try apply(flat))) } }
            // numpy's buff_permute: the result's axes take the place of `axis`.
            let n = buffer.ndim, r = first.ndim
            let back = Array(0..<axis) + Array((n - r)..<n) + Array(axis..<(n - r))
            return .array(try buffer.transpose(back))
        })
}

/// What `np.vectorize(f)` returns: called with arrays, it broadcasts them and calls f per element.
final class VectorizedFunction: ShellObject, PythonCallable, @unchecked Sendable {
    let function: Value
    let outputType: DType?

    init(function: Value, outputType: DType?) {
        self.function = function
        self.outputType = outputType
    }

    var kind: String { "numpy.vectorize" }
    var summary: String { "a function vectorized with np.vectorize" }
    var detail: String { "<numpy.vectorize object>" }

    func attribute(_ name: String) -> Value? { name == "pyfunc" ? function : nil }
    var attributeNames: [String] { ["pyfunc"] }

    func call(_ positional: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        var arrays: [NDArray] = []
        for v in positional + keywords.map(\.1) { arrays.append(try ev.toArray(v, span: span)) }
        let shape = try FunctionArguments.wrap { () throws(TensorError) -> [Int] in try NDArray.broadcastShapes(arrays.map(\.shape)) }
        let size = shape.reduce(1, *)
        if size == 0 && outputType == nil {
            throw ShellError("cannot call `vectorize` on size 0 inputs unless `otypes` is set", span: span, kind: .valueError)
        }
        let flat = try FunctionArguments.wrap { () throws(TensorError) -> [[Scalar]] in
            try arrays.map { (a) throws(TensorError) -> [Scalar] in try a.broadcast(to: shape).copy().scalars }
        }
        func callAt(_ k: Int) throws(ShellError) -> Value {
            let args = flat.map { CallbackCommands.element($0[k]) }
            return try ev.callPython(function, Array(args.prefix(positional.count)),
                                     zip(keywords.map(\.0), args.dropFirst(positional.count)).map { ($0, $1) }, span: span)
        }
        var dtype = outputType
        // numpy learns the output dtype by calling pyfunc on the first element once more.
        if dtype == nil { dtype = try ev.toArray(try callAt(0), span: span).dtype }
        var results: [Value] = []
        results.reserveCapacity(size)
        for k in 0..<size { results.append(try callAt(k)) }
        let out = try ev.toArray(.list(PyList(results)), span: span)
        guard out.shape == [size] else { throw ShellError("setting an array element with a sequence.", span: span, kind: .valueError) }
        return .array(try FunctionArguments.wrap { () throws(TensorError) -> NDArray in try out.astype(dtype ?? out.dtype).reshape(shape) })
    }
}
