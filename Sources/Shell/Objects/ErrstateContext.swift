import Tensor

/// What `np.errstate(...)` returns: a context manager for numpy's floating-point error handling.
/// rnnsh never prints numpy's RuntimeWarnings (docs/numpy-algorithms.md), so 'ignore', 'warn',
/// 'print' and 'log' all behave as numpy's 'ignore' does, and the block runs unchanged. 'raise'
/// and 'call' would change results into exceptions; rnnsh refuses them rather than ignore them.
final class ErrstateContext: ShellObject, ContextManager, @unchecked Sendable {
    var kind: String { "numpy.errstate" }
    var summary: String { "floating-point error handling for a with block" }
    var detail: String { "<numpy.errstate object>" }

    func enter(evaluator: Evaluator) throws(ShellError) -> Value { .none }
    func exit(evaluator: Evaluator) throws(ShellError) {}

    static let categories = ["all", "divide", "over", "under", "invalid"]
    static let modes = ["ignore", "warn", "raise", "call", "print", "log"]

    static let command = Command(
        name: "errstate", category: "Printing",
        summary: "A with block's handling of floating-point errors (divide, over, under, invalid).",
        parameters: [Parameter(keywords: "kwargs", help: "all=, divide=, over=, under=, invalid=: 'ignore', 'warn', 'print' or 'log'")],
        help: "numpy's `with np.errstate(divide='ignore'):`. rnnsh never prints numpy's RuntimeWarnings, so every mode but 'raise' and 'call' leaves the block as it is; those two (which turn the errors into exceptions or calls) are refused.",
        examples: [Example("with np.errstate(divide='ignore'):\n    print(np.log(np.array([0.0, 1.0])))")],
        run: { call in
            guard case .record(let r) = call.arguments["kwargs"] else { return .object(ErrstateContext()) }
            for (name, value) in r.fields {
                guard categories.contains(name) || name == "call" else {
                    throw ShellError("errstate.__init__() got an unexpected keyword argument '\(name)'", span: call.span, kind: .typeError)
                }
                if case .string(let mode) = value, mode == "raise" || mode == "call" {
                    throw ShellError("np.errstate(\(name)='\(mode)') is not supported: rnnsh computes floating-point errors as numpy's 'ignore' does (inf, nan)",
                                     span: call.span, kind: .notImplementedError)
                }
                if name == "call" && !value.isNone {
                    throw ShellError("np.errstate(call=...) is not supported in rnnsh", span: call.span, kind: .notImplementedError)
                }
            }
            return .object(ErrstateContext())
        })
}
