import Tensor
/// What a command body gets: its checked arguments and the session it runs in.
public struct Invocation {
    public let command: Command
    public let arguments: BoundArguments
    /// Columns of the whole call, for errors about the call as a whole.
    public let span: Range<Int>
    /// How it was called (`zeros 2 3`, `np.zeros(...)`, `x.copy()`): the few commands whose
    /// numpy defaults differ between the function and the method (`np.copy` keeps the layout,
    /// `x.copy()` makes it C) ask this.
    public let form: CallForm
    /// The evaluator running the statement (conversions such as `toArray`).
    let evaluator: Evaluator

    /// The workspace of the statement being run (committed only if the statement succeeds).
    public var workspace: Workspace {
        get { evaluator.workspace }
        nonmutating set { evaluator.workspace = newValue }
    }

    /// The interpreter running this statement (history, options, registry).
    public var interpreter: Interpreter { evaluator.interpreter }

    public var registry: Registry { evaluator.interpreter.registry }

    /// Sends output now (it appears before the statement's own result).
    public func emit(_ output: Output) { evaluator.emit(output) }

    /// True once the user pressed Ctrl-C: long loops stop cleanly when they see it (or call
    /// `try call.checkInterrupt()`).
    /// True when the statement assigns the result (`m2 = train …`), so the command must not
    /// also bind a default name.
    public var resultIsAssigned: Bool { evaluator.statementAssigns }

    public var isInterrupted: Bool { evaluator.interpreter.options.isInterrupted() }

    /// Throws the interruption error when Ctrl-C was pressed.
    public func checkInterrupt() throws(ShellError) {
        if isInterrupted { throw Interrupt.error }
    }

    /// True when the command was written in numpy form (`np.load('f.npz')`, `load('f.npz')`)
    /// rather than command form (`load f.npz`): the few commands whose numpy result differs
    /// from their shell result (`load` of an `.npz`) ask this.
    public var isNumpyForm: Bool {
        var text = Substring(evaluator.rawText(span))
        text = text.drop { $0 == " " }
        for prefix in ["numpy.", "np."] where text.hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
        guard text.hasPrefix(command.name) else { return false }
        return text.dropFirst(command.name.count).drop { $0 == " " }.first == "("
    }

    /// Shortcut for `emit(.text(text))`.
    public func print(_ text: String) { evaluator.emit(.text(text)) }

    /// Runs a nested statement in the same workspace (for `time`, `run`).
    public func execute(_ statement: Statement, text: String) throws(ShellError) -> Value {
        try evaluator.execute(statement, text: text)
    }

    /// An error about argument `name`, pointing at it.
    public func error(_ message: String, argument name: String? = nil, explanation: String? = nil, kind: ErrorKind? = nil) -> ShellError {
        ShellError(message, explanation: explanation, span: name.flatMap { arguments.span($0) } ?? nil, kind: kind)
    }

    /// The file name given for a `.path` parameter, resolved against the working directory.
    public func path(_ name: String) throws(ShellError) -> String {
        guard case .string(let p) = arguments[name] else {
            throw error("expected a file name for '\(name)', got \(arguments[name].typeName)", argument: name)
        }
        return resolvePath(p)
    }

    /// The file a command will write, resolved like `path(_:)` and checked against the
    /// session's `WritePolicy` (a `--safe` replay writes only under its directory). `ext` is
    /// appended when the name lacks it (numpy's `np.save('x', a)` writes `x.npy`).
    public func writablePath(_ given: String, ext: String? = nil) throws(ShellError) -> String {
        var name = given
        if let ext, !name.lowercased().hasSuffix(ext) { name += ext }
        let resolved = resolvePath(name)
        try evaluator.interpreter.options.writePolicy.check(resolved, shown: name)
        return resolved
    }

    /// Refuses a change to process-wide settings in a `--safe` replay.
    public func checkMaySetSettings(_ what: String) throws(ShellError) {
        if case .under = evaluator.interpreter.options.writePolicy {
            throw ShellError("\(what) cannot be changed by a --safe replay", kind: .permissionError)
        }
    }

    /// Resolves a user path against the interpreter's working directory, and `~` as this
    /// call means it (see `FileNameMeaning`).
    public func resolvePath(_ path: String) -> String {
        evaluator.interpreter.resolvePath(path, meaning: fileNameMeaning)
    }

    /// `.shell` in command form (`save x ~/w.npy`); the command's own meaning otherwise.
    public var fileNameMeaning: FileNameMeaning {
        form == .command ? .shell : command.fileNames
    }
}
