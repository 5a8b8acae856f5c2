import Tensor

/// numpy's reduction keywords as parameters (`dtype=`, `out=`, `initial=`, `where=`) and their
/// reading: the reductions' families declare them from here so every reduction spells them,
/// defaults and errors the same way. The computing is module Tensor's (`ReductionKeywords`).
enum ReductionArguments {
    static let dtype = Parameter("dtype", .dtype, default: .none, help: "the type the reduction computes in and returns (numpy's dtype=)")
    static let out = Parameter("out", .value, default: .none, help: "an array that receives the result (and is returned)")
    static let initial = Parameter("initial", .value, default: .none, help: "the starting value of every output (max/min of an empty selection give it)")
    static let whereMask = Parameter("where", .value, default: .bool(true), help: "a bool mask broadcast to the array: only elements where it is True take part")

    /// `dtype=`, `initial=` and `where=` as the call gave them (absent keywords stay nil);
    /// `declared` names the ones this function has (numpy's max has no dtype=, mean no initial=).
    static func keywords(_ call: Invocation, _ declared: Set<String> = ["dtype", "initial", "where"]) throws(ShellError) -> ReductionKeywords {
        var k = ReductionKeywords()
        if declared.contains("dtype"), call.arguments.isGiven("dtype") { k.dtype = call.arguments.dtype("dtype") }
        if declared.contains("initial"), call.arguments.isGiven("initial") { k.initial = try FunctionArguments.optionalOperand(call, "initial") }
        if declared.contains("where"), call.arguments.isGiven("where") {
            switch call.arguments["where"] {
            case .bool(true): break
            case let v: k.mask = try call.evaluator.toArray(v, span: call.arguments.span("where"))
            }
        }
        return k
    }

    /// `out=`: None or an array (numpy: `return arrays must be of ArrayType`).
    static func out(_ call: Invocation) throws(ShellError) -> NDArray? {
        guard call.arguments.isGiven("out") else { return nil }
        switch call.arguments["out"] {
        case .none: return nil
        case .array(let a):
            if !a.isWriteable { throw ShellError(NDArray.readOnlyOutput, span: call.arguments.span("out"), kind: .valueError) }
            return a
        default: throw ShellError("return arrays must be of ArrayType", span: call.arguments.span("out"), kind: .typeError)
        }
    }

    /// The result as numpy returns it: `out` itself when given (always an array, even 0-d),
    /// else a numpy scalar or an array.
    static func finish(_ call: Invocation, _ x: NDArray, _ r: NDArray, axes: [Int]?, keepdims: Bool, ufunc: String) throws(ShellError) -> Value {
        guard let o = try out(call) else { return FunctionArguments.result(r) }
        return .array(try FunctionArguments.wrap { () throws(TensorError) -> NDArray in
            try x.storeReduction(r, into: o, axis: axes, keepdims: keepdims, ufunc: ufunc)
        })
    }
}
