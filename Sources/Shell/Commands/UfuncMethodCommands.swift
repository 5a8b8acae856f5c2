import Tensor

/// The methods numpy's ufuncs carry, as tutorials use them: `np.add.at` (scatter-add),
/// `np.add.reduce`, `np.maximum.reduce`, `np.add.accumulate`, `np.multiply.outer`. Each is a
/// command named `UFUNC.METHOD`; the evaluator finds it as an attribute of the ufunc
/// (`np.add` → `.at`). Bodies call module Tensor (`UfuncAt`, `Reductions`, `Operators`).
enum UfuncMethodCommands {
    static let ufuncs: [UfuncAtOp] = UfuncAtOp.allCases

    static var all: [Command] {
        ufuncs.map(at) + [UfuncAtOp.add, .multiply, .maximum, .minimum].map(reduce)
            + [UfuncAtOp.add, .multiply].map(accumulate) + ufuncs.map(outer)
    }

    typealias A = FunctionArguments

    static func index(_ call: Invocation) throws(ShellError) -> [IndexItem] {
        let v = call.arguments["indices"]
        let span = call.arguments.span("indices") ?? call.span
        // A tuple indexes one axis per entry, as in `a[i, j]`.
        if case .tuple(let items) = v { return try items.map { (item) throws(ShellError) -> IndexItem in try call.evaluator.indexItem(item, span: span) } }
        return [try call.evaluator.indexItem(v, span: span)]
    }

    static func at(_ op: UfuncAtOp) -> Command {
        Command(
            name: "\(op.rawValue).at", category: "Ufunc methods",
            summary: "np.\(op.rawValue) in place at indices, once per occurrence (unbuffered).",
            parameters: [Parameter("a", .array, help: "the array changed in place"),
                         Parameter("indices", .value, help: "an index as in a[...] (a tuple indexes several axes)"),
                         Parameter("b", .value, default: .none, help: "the values, broadcast to the indexed shape")],
            help: "numpy's `np.\(op.rawValue).at(a, indices, b)`: unlike `a[indices] \(op == .add ? "+=" : "op=") b`, a repeated index is applied every time it appears. Returns None.",
            examples: [Example("a = np.zeros(3)\nnp.\(op.rawValue).at(a, [0, 0, 2], 2.0)\na")],
            run: { call in
                let a = try A.array(call, "a")
                try a.applyAt(op, try index(call), try A.operand(call, "b"))
                return .none
            })
    }

    static func reduce(_ op: UfuncAtOp) -> Command {
        Command(
            name: "\(op.rawValue).reduce", category: "Ufunc methods",
            summary: "Reduce an array with np.\(op.rawValue) along an axis (axis 0 by default).",
            parameters: [Parameter("array", .array, help: "the array"),
                         Parameter("axis", .value, default: .int(0), help: "an axis, a tuple of axes, or None for all")],
            options: [StatisticsCommands.keepdimsOption],
            help: "numpy's `np.\(op.rawValue).reduce`: the same as `np.\(["add": "sum", "multiply": "prod", "maximum": "max", "minimum": "min"][op.rawValue] ?? op.rawValue)` but along axis 0 unless told.",
            examples: [Example("np.\(op.rawValue).reduce(np.arange(1, 7).reshape(2, 3))")],
            run: { call in
                let x = try A.array(call, "array")
                let axes = try A.axes(call)
                let keep = call.arguments.bool("keepdims") ?? false
                switch op {
                case .add: return A.result(try x.reduce(.sum, axis: axes, keepdims: keep))
                case .multiply: return A.result(try x.product(axis: axes, keepdims: keep))
                case .maximum: return A.result(try x.reduce(.max, axis: axes, keepdims: keep))
                case .minimum, .subtract: return A.result(try x.reduce(.min, axis: axes, keepdims: keep))
                }
            })
    }

    static func accumulate(_ op: UfuncAtOp) -> Command {
        Command(
            name: "\(op.rawValue).accumulate", category: "Ufunc methods",
            summary: "Running np.\(op.rawValue) along an axis (axis 0 by default).",
            parameters: [Parameter("array", .array, help: "the array"),
                         Parameter("axis", .int, default: .int(0), help: "the axis")],
            help: "numpy's `np.\(op.rawValue).accumulate`: `np.\(op == .add ? "cumsum" : "cumprod")` along axis 0 unless told.",
            examples: [Example("np.\(op.rawValue).accumulate(np.arange(1, 5))")],
            run: { call in
                A.result(try A.array(call, "array").accumulate(product: op == .multiply, axis: call.arguments.int("axis") ?? 0))
            })
    }

    static func outer(_ op: UfuncAtOp) -> Command {
        Command(
            name: "\(op.rawValue).outer", category: "Ufunc methods",
            summary: "np.\(op.rawValue) of every pair: the result's shape is A.shape + B.shape.",
            parameters: [Parameter("A", .array, help: "the first array"), Parameter("B", .array, help: "the second array")],
            help: "numpy's `np.\(op.rawValue).outer(A, B)`: element [i..., j...] is \(op.rawValue)(A[i...], B[j...]).",
            examples: [Example("np.\(op.rawValue).outer(np.arange(3), np.arange(4))")],
            run: { call in
                let a = try A.array(call, "A"), b = try A.array(call, "B")
                let left = try a.reshape(a.shape + [Int](repeating: 1, count: b.ndim))
                switch op {
                case .add: return A.result(try NDArray.add(.array(left), .array(b)))
                case .subtract: return A.result(try NDArray.subtract(.array(left), .array(b)))
                case .multiply: return A.result(try NDArray.multiply(.array(left), .array(b)))
                case .maximum: return A.result(try NDArray.apply(.maximum, .array(left), .array(b)))
                case .minimum: return A.result(try NDArray.apply(.minimum, .array(left), .array(b)))
                }
            })
    }
}
