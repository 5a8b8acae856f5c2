import Tensor

/// What `np.errstate(...)` returns: a context manager that sets the session's floating-point
/// error modes (`FloatErrorModes`) for its `with` block and puts the previous ones back when
/// the block ends, even with an error, as numpy's does. rnnsh computes every mode as 'ignore'
/// (docs/numpy-algorithms.md); 'raise' and 'call' are refused rather than ignored.
final class ErrstateContext: ShellObject, ContextManager, @unchecked Sendable {
    let settings: [(name: String, value: Value)]
    private var saved: [FloatErrorModes] = []

    init(settings: [(name: String, value: Value)]) { self.settings = settings }

    var kind: String { "numpy.errstate" }
    var summary: String { "floating-point error handling for a with block" }
    var detail: String { "<numpy.errstate object>" }

    func enter(evaluator: Evaluator) throws(ShellError) -> Value {
        let modes = evaluator.workspace.floatErrorModes
        saved.append(modes)
        evaluator.workspace.floatErrorModes = try modes.applying(settings, command: "errstate", span: nil)
        return .none
    }

    func exit(evaluator: Evaluator) throws(ShellError) {
        if let previous = saved.popLast() { evaluator.workspace.floatErrorModes = previous }
    }

    static let command = Command(
        name: "errstate", category: "Printing",
        summary: "A with block's handling of floating-point errors (divide, over, under, invalid).",
        parameters: [Parameter(keywords: "kwargs", help: "all=, divide=, over=, under=, invalid=: 'ignore', 'warn', 'print' or 'log'")],
        help: "numpy's `with np.errstate(divide='ignore'):`: the modes `np.geterr()` shows inside the block. rnnsh never prints numpy's RuntimeWarnings, so every mode but 'raise' and 'call' leaves the block's results as they are; those two (which turn the errors into exceptions or calls) are refused.",
        examples: [Example("with np.errstate(divide='ignore'):\n    print(np.log(np.array([0.0, 1.0])))")],
        run: { call in
            var settings: [(name: String, value: Value)] = []
            if case .record(let r) = call.arguments["kwargs"] {
                for (name, value) in r.fields {
                    if name == "call" {
                        if !value.isNone { throw ShellError("np.errstate(call=...) is not supported in rnnsh", span: call.span, kind: .notImplementedError) }
                        continue
                    }
                    // numpy's constructor checks the names; the modes, when the block starts.
                    guard name == "all" || FloatErrorModes.categories.contains(name) else {
                        throw ShellError("errstate.__init__() got an unexpected keyword argument '\(name)'", span: call.span, kind: .typeError)
                    }
                    settings.append((name, value))
                }
            }
            return .object(ErrstateContext(settings: settings))
        })
}
