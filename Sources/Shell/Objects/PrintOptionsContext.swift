import Printing

/// What `np.printoptions(...)` returns: a context manager that sets the print options for its
/// `with` block and restores the previous ones on the way out (numpy's contextmanager).
final class PrintOptionsContext: ShellObject, ContextManager, @unchecked Sendable {
    let options: PrintOptions
    private var saved: [PrintOptions] = []

    init(options: PrintOptions) { self.options = options }

    var kind: String { "contextlib._GeneratorContextManager" }
    var summary: String { "print options for a with block" }
    var detail: String { "<contextlib._GeneratorContextManager object>" }

    func enter(evaluator: Evaluator) throws(ShellError) -> Value {
        saved.append(evaluator.workspace.printOptions)
        evaluator.workspace.printOptions = options
        // numpy's context manager yields the options in force: `with np.printoptions(...) as o`.
        return PrintOptionCommands.dictionary(options)
    }

    func exit(evaluator: Evaluator) throws(ShellError) {
        if let previous = saved.popLast() { evaluator.workspace.printOptions = previous }
    }
}

extension Evaluator {
    /// Formats under the workspace's print options as they are now: a statement starts with
    /// them in force, but a block may change them midway (`set_printoptions`, or a `with
    /// np.printoptions(...)` body), and numpy's next print already sees the change.
    func withCurrentPrintOptions<T>(_ body: () throws(ShellError) -> T) throws(ShellError) -> T {
        let result: Result<T, ShellError> = PrintOptions.$current.withValue(workspace.printOptions) {
            do throws(ShellError) { return .success(try ClassRuntime.formatting(self, body)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
