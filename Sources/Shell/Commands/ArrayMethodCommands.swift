import Tensor

/// Methods numpy's arrays have that are not module functions: `x.tolist()`, `x.item()`,
/// `x.sort()` (in place), `x.fill(v)`. Each is a command named `ndarray.NAME`, found by the
/// evaluator as a method of an array (never as `np.NAME`).
enum ArrayMethodCommands {
    static let all: [Command] = [tolist, item, sortInPlace, fill]

    typealias A = FunctionArguments

    /// One element as the Python number numpy's `tolist`/`item` give (float32 widens to float).
    static func python(_ a: NDArray, _ flat: Int, doubles: [Double], ints: [Int64], bools: [Bool]) -> Value {
        if a.dtype == .bool { return .bool(bools[flat]) }
        if a.dtype.isFloat { return .float(doubles[flat]) }
        // A uint64 past Int64.max comes as its bit pattern: it is a positive Python int.
        if a.dtype == .uint64, ints[flat] < 0 {
            let u = UInt64(bitPattern: ints[flat])
            return .bigint(BigInt(negative: false, limbs: [UInt32(truncatingIfNeeded: u), UInt32(truncatingIfNeeded: u >> 32)]))
        }
        return .int(Int(ints[flat]))
    }

    static func values(_ a: NDArray) throws(TensorError) -> (doubles: [Double], ints: [Int64], bools: [Bool]) {
        if a.dtype == .bool { return ([], [], try a.boolValues()) }
        if a.dtype.isFloat { return (try a.doubleValues(), [], []) }
        return ([], try a.int64Values(), [])
    }

    static let tolist = Command(
        name: "ndarray.tolist", category: "Array methods",
        summary: "The array as nested Python lists of Python numbers.",
        parameters: [Parameter("a", .array, help: "the array")],
        help: "numpy's `x.tolist()`: a 0-d array gives its one Python number.",
        examples: [Example("np.arange(6).reshape(2, 3).tolist()"), Example("np.array([0.5, 1.5]).tolist()")],
        run: { call in
            let a = try A.array(call, "a")
            // One Python value per element: checked like `[0] * n` before anything is built.
            let (bytes, o) = a.size.multipliedReportingOverflow(by: MemoryLayout<Value>.stride)
            try Limits.reserve(o ? Int.max : bytes, for: "a list of \(a.size) items")
            let v = try values(a)
            var flat = 0
            func build(_ axis: Int) -> Value {
                if axis == a.ndim {
                    defer { flat += 1 }
                    return python(a, flat, doubles: v.doubles, ints: v.ints, bools: v.bools)
                }
                return .list((0..<a.shape[axis]).map { _ in build(axis + 1) })
            }
            return build(0)
        })

    static let item = Command(
        name: "ndarray.item", category: "Array methods",
        summary: "One element as a Python number.",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("args", .value, default: .tuple([]), variadic: true, help: "a flat index, or one index per axis")],
        help: "numpy's `x.item()`: the only element of a size-1 array (`loss.item()`), or the element at a flat index or at one index per axis.",
        examples: [Example("np.array([[3.5]]).item()"), Example("np.arange(6).reshape(2, 3).item(4)")],
        run: { call in
            let a = try A.array(call, "a")
            let args = try ArgumentBinder.integers(call.arguments["args"], call.arguments.span("args"))
            let v = try values(a)
            let flat: Int
            switch args.count {
            case 0:
                guard a.size == 1 else { throw ShellError("can only convert an array of size 1 to a Python scalar", span: call.span, kind: .valueError) }
                flat = 0
            case 1:
                let i = args[0] < 0 ? args[0] + a.size : args[0]
                guard i >= 0 && i < a.size else { throw ShellError("index \(args[0]) is out of bounds for size \(a.size)", span: call.span, kind: .indexError) }
                flat = i
            default:
                guard args.count == a.ndim else { throw ShellError("incorrect number of indices for array", span: call.span, kind: .valueError) }
                var f = 0
                for (axis, raw) in args.enumerated() {
                    let n = a.shape[axis]
                    let i = raw < 0 ? raw + n : raw
                    guard i >= 0 && i < n else { throw ShellError("index \(raw) is out of bounds for axis \(axis) with size \(n)", span: call.span, kind: .indexError) }
                    f = f * n + i
                }
                flat = f
            }
            return python(a, flat, doubles: v.doubles, ints: v.ints, bools: v.bools)
        })

    static let sortInPlace = Command(
        name: "ndarray.sort", category: "Array methods",
        summary: "Sort an array in place along an axis.",
        parameters: [Parameter("a", .array, help: "the array, changed in place"),
                     Parameter("axis", .int, default: .int(-1), help: "the axis")],
        options: [Parameter("kind", .value, default: .none, help: "accepted; the sort is always stable")],
        help: "numpy's `x.sort()`: sorts x itself (views see the change) and returns None; `np.sort(x)` returns a sorted copy.",
        examples: [Example("x = np.array([3, 1, 2])\nx.sort()\nx")],
        run: { call in
            let a = try A.array(call, "a")
            let sorted = try a.sorted(axis: call.arguments.int("axis") ?? -1)
            // numpy checks the axis first, then the flag, in its own words.
            try a.requireWriteable("sort array is read-only")
            try a.assign(sorted)
            return .none
        })

    static let fill = Command(
        name: "ndarray.fill", category: "Array methods",
        summary: "Set every element to one value, in place.",
        parameters: [Parameter("a", .array, help: "the array, changed in place"), Parameter("value", .value, help: "the value")],
        help: "numpy's `x.fill(value)`: like `x[...] = value`; returns None.",
        examples: [Example("x = np.zeros(3)\nx.fill(7)\nx")],
        run: { call in
            let a = try A.array(call, "a")
            // numpy refuses a read-only array before it converts the value (`x.fill('a')`).
            try a.requireWriteable()
            try a.assign(try A.operand(call, "value").asArray.astype(a.dtype))
            return .none
        })
}
