import Tensor

/// The methods numpy's ufuncs carry, as tutorials use them: `np.add.at` (scatter-add),
/// `np.logical_and.reduce(masks)`, `np.maximum.accumulate` (running peak), `np.multiply.outer`.
/// Each is a command named `UFUNC.METHOD`; the evaluator finds it as an attribute of the ufunc
/// (`np.add` → `.at`). Bodies call module Tensor (`UfuncAt`, `UfuncMethods`, `Reductions`).
enum UfuncMethodCommands {
    /// The binary ufuncs whose reduce/accumulate/outer rnnsh has, in numpy's names.
    static let ufuncs: [(String, BinaryUfunc)] =
        [BinaryOp.add, .subtract, .multiply, .divide, .floorDivide, .power, .bitwiseAnd, .bitwiseOr, .bitwiseXor].map { ($0.ufuncName, BinaryUfunc($0)) }
        + [BinaryFunction.maximum, .minimum, .fmax, .fmin, .logicalAnd, .logicalOr, .logicalXor].map { ($0.rawValue, BinaryUfunc($0)) }

    static var all: [Command] {
        UfuncAtOp.allCases.map(at) + ufuncs.map(reduce) + ufuncs.map(accumulate) + ufuncs.map(outer)
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
                // numpy's ufunc.at iterates `a` for writing, and its iterator refuses first.
                try a.requireWriteable("operand array with iterator write flag set is read-only")
                try a.applyAt(op, try index(call), try A.operand(call, "b"))
                return .none
            })
    }

    static let example = "np.arange(1, 7).reshape(2, 3)"
    static let logicalExample = "np.array([[True, False, True], [True, True, False]])"

    static func reduce(_ spec: (String, BinaryUfunc)) -> Command {
        let (name, u) = spec
        let same = ["add": "np.sum", "multiply": "np.prod", "maximum": "np.max", "minimum": "np.min", "logical_and": "np.all", "logical_or": "np.any"][name]
        return Command(
            name: "\(name).reduce", category: "Ufunc methods",
            summary: "Fold an array with np.\(name) along an axis (axis 0 by default).",
            parameters: [Parameter("array", .array, help: "the array"),
                         Parameter("axis", .value, default: .int(0), help: "an axis, a tuple of axes, or None for all"),
                         Parameter("dtype", .dtype, default: .none, help: "the dtype to compute in")],
            options: [StatisticsCommands.keepdimsOption,
                      Parameter("initial", .value, default: .none, help: "the first value of the fold (also what an empty reduction gives)")],
            help: "numpy's `np.\(name).reduce`: `\(name)(\(name)(a[0], a[1]), a[2])`, … along the axis\(same.map { ", the same as `\($0)` but along axis 0 unless told" } ?? ", in index order").",
            examples: [Example("np.\(name).reduce(\(name.hasPrefix("logical") ? logicalExample : example))")],
            run: { call in
                let x = try A.array(call, "array")
                let axes = try A.axes(call)
                let keep = call.arguments.bool("keepdims") ?? false
                let dtype = call.arguments.dtype("dtype")
                let initial = try A.optionalOperand(call, "initial")
                if dtype == nil && initial == nil && x.ndim > 0 {
                    // numpy's own reductions for these: pairwise float sums.
                    switch name {
                    case "add": return A.result(try x.reduce(.sum, axis: axes, keepdims: keep))
                    case "maximum": return A.result(try x.reduce(.max, axis: axes, keepdims: keep))
                    case "minimum": return A.result(try x.reduce(.min, axis: axes, keepdims: keep))
                    default: break
                    }
                }
                return A.result(try x.reduce(u, axes: axes, keepdims: keep, dtype: dtype, initial: initial))
            })
    }

    static func accumulate(_ spec: (String, BinaryUfunc)) -> Command {
        let (name, u) = spec
        return Command(
            name: "\(name).accumulate", category: "Ufunc methods",
            summary: "Running np.\(name) along an axis (axis 0 by default).",
            parameters: [Parameter("array", .array, help: "the array"),
                         Parameter("axis", .value, default: .int(0), help: "the axis"),
                         Parameter("dtype", .dtype, default: .none, help: "the dtype to compute in")],
            help: "numpy's `np.\(name).accumulate`: element k is `\(name)` folded over elements 0..k along the axis\(name == "maximum" ? " (the running peak)" : name == "add" ? " (`np.cumsum`)" : "").",
            examples: [Example("np.\(name).accumulate(\(name.hasPrefix("logical") ? "np.array([True, True, False, True])" : "np.array([3, 1, 4, 1, 5])"))")],
            run: { call in
                let x = try A.array(call, "array")
                guard let axes = try A.axes(call), axes.count == 1, let axis = axes.first else {
                    throw ShellError("accumulate does not allow multiple axes", span: call.arguments.span("axis") ?? call.span, kind: .valueError)
                }
                return A.result(try x.accumulate(u, axis: axis, dtype: call.arguments.dtype("dtype")))
            })
    }

    static func outer(_ spec: (String, BinaryUfunc)) -> Command {
        let (name, u) = spec
        return Command(
            name: "\(name).outer", category: "Ufunc methods",
            summary: "np.\(name) of every pair: the result's shape is A.shape + B.shape.",
            parameters: [Parameter("A", .array, help: "the first array"), Parameter("B", .array, help: "the second array")],
            help: "numpy's `np.\(name).outer(A, B)`: element [i..., j...] is \(name)(A[i...], B[j...]).",
            examples: [Example("np.\(name).outer(np.arange(1, 4), np.arange(1, 5))")],
            run: { call in A.result(try NDArray.outer(u, try A.array(call, "A"), try A.array(call, "B"))) })
    }
}
