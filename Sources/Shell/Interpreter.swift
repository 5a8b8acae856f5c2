import Foundation
import Printing
import Tensor

/// The shell's front door: give it text, get back what to show. Used by the REPL, pipe mode,
/// transcript replay and `-c`, so all of them behave the same.
///
/// ```swift
/// let shell = Interpreter()
/// for output in shell.execute("x = arange 6 | reshape 2 3; x.T") { … }
/// ```
/// Not thread-safe: one interpreter per session, used from one thread.
public final class Interpreter {
    /// How a session is set up.
    public struct Options: Sendable {
        /// Colour in output that commands format themselves (the front end decides on a TTY
        /// and `NO_COLOR`).
        public var color: Bool
        /// Relative paths in `load`/`save`/`run` resolve against this (nil: the process's).
        public var workingDirectory: String?
        /// The commands of this session.
        public var registry: Registry
        /// Polled between evaluation steps; true stops the statement with `interrupted` (its
        /// assignments are dropped). The default reads the process-wide Ctrl-C flag.
        public var isInterrupted: @Sendable () -> Bool
        /// What the output terminal can show (live progress, Unicode, width); `.plain` for
        /// pipes, files and transcripts.
        public var display: Display
        /// Asks the user a yes/no question (`reset`'s `[y/N]`); nil where nobody can answer
        /// (scripts, pipes, `-c`, tests), and then commands proceed without asking.
        public var confirm: (@Sendable (String) -> Bool)?
        /// Where commands may write files (`--safe`: only under the current directory, and
        /// no process-wide settings).
        public var writePolicy: WritePolicy = .anywhere
        /// The terminal's width now, when the output is a terminal whose window can be resized
        /// while a statement runs (nil: `display.width` stays as it was detected).
        public var terminalWidth: (@Sendable () -> Int?)?
        /// A session (the REPL, pipes, `-c`, `.rnn` transcripts) or a Python program.
        public var mode: Mode = .session
        /// Python's `sys.argv`: the program's file for `rnnsh FILE.py`, `['']` in a session
        /// (as CPython's REPL has).
        public var argv: [String] = [""]

        /// How statements meet the user. A session answers each statement: an expression's
        /// value is echoed (as Python's REPL does) and each statement's output ends its line,
        /// because a prompt follows. A Python program (`rnnsh FILE.py`) shows only what it
        /// prints, as `python3 FILE.py` does: no echo, `print(x, end=' ')` continues the line
        /// across statements, and the shell's command names are not Python names there
        /// (`print(train)` is a NameError, not a training run).
        public enum Mode: Sendable { case session, program }

        /// Where numpy's RuntimeWarnings go and how they name their place, as Python's
        /// warnings module does: a script by its path with the source line under the warning,
        /// typed or piped input as `<stdin>`, `-c` code as `<string>` (no source line for
        /// either). nil: warnings are not shown (tests, `--check`); error modes still apply.
        public var warnings: WarningPlace?

        public enum WarningPlace: Sendable, Equatable {
            case script(String), stdin, commandLine

            var name: String {
                switch self {
                case .script(let path): return path
                case .stdin: return "<stdin>"
                case .commandLine: return "<string>"
                }
            }
        }

        public init(color: Bool = false, workingDirectory: String? = nil, registry: Registry = .standard,
                    isInterrupted: @escaping @Sendable () -> Bool = { Interrupt.isRequested },
                    display: Display = .plain, confirm: (@Sendable (String) -> Bool)? = nil) {
            self.confirm = confirm
            self.color = color
            self.workingDirectory = workingDirectory
            self.registry = registry
            self.isInterrupted = isInterrupted
            self.display = display
        }
    }

    public let options: Options

    /// What commands draw for: `options.display` at the terminal's current width, so a view
    /// drawn after the window was resized (or a progress line redrawn during one) fits it.
    public var display: Display {
        var d = options.display
        if d.isTerminal, let width = options.terminalWidth?() { d.width = width }
        return d
    }
    public let registry: Registry
    /// The warnings already shown, by message and line: Python's default filter shows a
    /// warning once per place (a loop warns once), and at the REPL, where every entry starts at
    /// line 1, once per session. Not part of the workspace: a failed statement's warning was shown.
    var warningsShown = Set<String>()
    /// The session's named values. Changed only by statements that succeed (or directly here).
    public var workspace = Workspace()
    /// Every statement executed, in order, as typed (what `history` lists).
    public private(set) var history: [String] = []
    /// The statements that succeeded, in order: what `history save FILE` writes as a replayable script.
    public private(set) var lastSucceededStatements: [String] = []
    /// Set by `quit`/`exit` (the status to exit with); the front end stops reading then.
    public internal(set) var exitStatus: Int32?
    /// The explorer's session settings (`trace on`, axis names); see Tracing.swift.
    public var explore = ExploreSettings()
    /// `np.random`'s global legacy state (numpy's `RandomState` on MT19937). Like a fresh numpy
    /// process it starts from the operating system's entropy; `seed N` makes it reproducible.
    /// Draws are not undone when a statement fails later (Python does not undo them either).
    var randomState = LegacyRandomState.fromEntropy()
    /// Python's `random` module's generator (CPython's hidden `Random()`), apart from numpy's as
    /// in CPython: seeding one never moves the other.
    var pythonRandom = PythonRandom.fromEntropy()
    /// The `tensorflow` module's default graph and sessions (TensorFlow/TensorFlowState.swift).
    let tensorflow = TensorFlowState()
    /// How many `run FILE` are in progress (guards against a script that runs itself).
    var runNesting = 0
    /// Errors being handled by `except` blocks (innermost last), for a bare `raise`.
    var handlingStack: [ShellError] = []
    /// Text printed without its newline yet (`print(x, end='')`), shown with the next output.
    var pendingText = ""
    /// Files opened for writing by `open()` whose text may not be on disk yet: written at the
    /// end of each top-level statement (see `PyFile`), and forgotten once closed.
    var openWriters: [PyFile] = []
    /// `os.environ`: the process's environment when first asked for, then the session's own
    /// dict (a change stays in the session; no subprocess would see it).
    lazy var environment: PyDict = {
        let d = PyDict()
        for (k, v) in ProcessInfo.processInfo.environment.sorted(by: { $0.key < $1.key }) {
            d.set(.string(k), HashKey.string(k), .string(v))
        }
        return d
    }()

    /// The stack limit of the thread that last ran a statement (reading it costs a system
    /// call that parses /proc/self/maps on the main thread: once per thread, not per statement).
    private var stackLimitCache: (thread: pthread_t, limit: UInt)?

    func stackLimit() -> UInt {
        let me = pthread_self()
        if let c = stackLimitCache, pthread_equal(c.thread, me) != 0 { return c.limit }
        let limit = StackGuard.limit()
        stackLimitCache = (me, limit)
        return limit
    }

    /// The parser's view of the registry, computed once.
    let grammar: Parser.Grammar

    public init(options: Options = Options()) {
        self.options = options
        self.registry = options.registry
        // A program's grammar has only the commands Python has too (`print x` is still read,
        // to give python3's SyntaxError), so `print(train)` reads `train` as a name.
        var grammar = options.registry.grammar
        if options.mode == .program {
            grammar.commands = grammar.commands.intersection(Builtins.commandsThatArePythonBuiltins)
            grammar.statementCommands = []
        }
        self.grammar = grammar
    }

    /// Runs one or more statements (separated by newlines or `;`) and returns what they print,
    /// in order. Never throws: a failure becomes `.error` and stops the remaining statements.
    /// A failed statement leaves the workspace as it was before it.
    public func execute(_ source: String) -> [Output] {
        var outputs: [Output] = []
        _ = execute(source) { outputs.append($0) }
        return outputs
    }

    /// Like `execute(_:)`, but hands each output to `emit` as soon as it exists (progress and
    /// per-epoch lines of long commands appear live). Returns false when a statement failed.
    /// `firstLine` is the line of a script or of stdin that `source` starts on: functions it
    /// defines remember it, so an error inside one, called later, names its own input line
    /// (`ShellError.inputLine`).
    @discardableResult
    public func execute(_ source: String, firstLine: Int? = nil, emit: (Output) -> Void) -> Bool {
        if exitStatus != nil { return true }
        // IPython's `name?` / `?name` / `?` lines are help requests (see HelpSyntax).
        if !source.contains("\n"), let target = HelpSyntax.target(source) {
            return execute(target.isEmpty ? "help" : "help \(target)", firstLine: firstLine, emit: emit)
        }
        let parsed: [Parser.Parsed]
        do {
            parsed = try Parser.parse(source, grammar: grammar)
        } catch {
            history.append(source)
            emit(.error(locate(error, in: source)))
            return false
        }
        let scalars = Array(source.unicodeScalars)
        return routingPendingText(emit) { routed in
            for statement in parsed {
                history.append(statement.text)
                if !run(statement, scalars: scalars, firstLine: firstLine, locate: { self.locate($0, in: source) }, emit: routed) { return false }
                if exitStatus != nil { break }
            }
            return true
        }
    }

    /// Runs one statement of a script read by `Script.parse`, as `execute(item.text, firstLine:
    /// item.line)` would, without lexing and parsing its text a second time: the statement
    /// runs against the script's source, which its spans index, and an error is located in the
    /// statement's own text, as if that had been parsed alone.
    @discardableResult
    public func execute(_ item: Script.Item, of script: Script, emit: (Output) -> Void) -> Bool {
        guard let span = item.span else { return execute(item.text, firstLine: item.line, emit: emit) }
        if exitStatus != nil { return true }
        let statement = Parser.Parsed(statement: item.statement, span: span, text: item.text)
        let source = script.parsedSource
        func locateInItem(_ error: ShellError) -> ShellError {
            guard let s = error.span, error.sourceLine == nil else { return error.oneLine }
            guard s.lowerBound >= span.lowerBound, s.upperBound <= span.upperBound else {
                // Not in this statement's text (never expected): the script's line, said as such.
                var e = Self.locate(error, in: source)
                e.inputLine = e.line
                return e
            }
            var shifted = error
            shifted.span = (s.lowerBound - span.lowerBound)..<(s.upperBound - span.lowerBound)
            return Self.locate(shifted, in: item.text)
        }
        return routingPendingText(emit) { routed in
            history.append(item.text)
            // Functions defined here count their lines in the whole script (their spans do).
            return run(statement, scalars: source.scalars, firstLine: 1, locate: locateInItem, emit: routed)
        }
    }

    /// Text a program printed without a final newline (`print(x, end='')` as its last output),
    /// handed over once: the front end writes it as it is when the program ends.
    public func takePendingText() -> String {
        defer { pendingText = "" }
        return pendingText
    }

    /// Runs `body` with an `emit` that joins text printed without a newline (`print(x,
    /// end='')`) to the next output.
    private func routingPendingText(_ emit: (Output) -> Void, _ body: (@escaping (Output) -> Void) -> Bool) -> Bool {
        return withoutActuallyEscaping(emit) { emit in
            let routed: (Output) -> Void = { [unowned self] output in
                switch output {
                case .text(let t) where !self.pendingText.isEmpty:
                    let head = self.pendingText
                    self.pendingText = ""
                    emit(.text(head + t))
                case .error where !self.pendingText.isEmpty && self.options.mode == .session:
                    emit(.text(self.pendingText))
                    self.pendingText = ""
                    emit(output)
                default:
                    emit(output)
                }
            }
            defer {
                // A program's unfinished line waits for its next print (`takePendingText`).
                if !pendingText.isEmpty && options.mode == .session {
                    emit(.text(pendingText))
                    pendingText = ""
                }
            }
            return body(routed)
        }
    }

    /// Runs one parsed statement. A failed simple statement leaves the workspace as it was; a
    /// block (`for`, `while`, `if`, `try`, `with`) keeps what its finished statements did, as
    /// in Python, so a loop stopped by Ctrl-C or an error keeps the iterations that ran.
    private func run(_ statement: Parser.Parsed, scalars: [Unicode.Scalar], firstLine: Int?, locate: (ShellError) -> ShellError,
                     emit: @escaping (Output) -> Void) -> Bool {
        // One top-level statement is the unit of undo: its workspace changes are kept only on
        // success, and the array bytes it wrote are put back from its journal on failure. A
        // block opens a journal per simple statement inside it (see `Evaluator.runBlock`).
        let journal = WriteJournal()
        defer { journal.commit() }
        let succeeded = runJournaled(statement, scalars: scalars, firstLine: firstLine, journal: journal, locate: locate, emit: emit)
        return flushOpenWriters(locate: locate, emit: emit) && succeeded
    }

    /// Writes what `open()`'s files got during the statement (CPython would have closed a file
    /// nobody holds and written its buffer; rnnsh cannot tell, so every dirty file is put on
    /// disk, atomically, at the statement's end). A failed write is the statement's error.
    private func flushOpenWriters(locate: (ShellError) -> ShellError, emit: @escaping (Output) -> Void) -> Bool {
        guard !openWriters.isEmpty else { return true }
        var ok = true
        for f in openWriters where f.dirty && !f.closed {
            do throws(ShellError) { try f.flushAtStatementEnd() } catch {
                emit(.error(locate(error)))
                ok = false
            }
        }
        openWriters.removeAll { $0.closed }
        return ok
    }

    private func runJournaled(_ statement: Parser.Parsed, scalars: [Unicode.Scalar], firstLine: Int?, journal: WriteJournal, locate: (ShellError) -> ShellError,
                              emit: @escaping (Output) -> Void) -> Bool {
        return WriteJournal.$current.withValue(journal) { () -> Bool in
            let evaluator = Evaluator(workspace: workspace, interpreter: self, scalars: scalars, emit: emit)
            evaluator.sourceFirstLine = firstLine
            do {
                // Every array printed by this statement uses the session's print options.
                let result: Result<Value, ShellError> = PrintOptions.$current.withValue(workspace.printOptions) {
                    do throws(ShellError) {
                        return .success(try evaluator.asCurrent { () throws(ShellError) -> Value in try evaluator.execute(statement.statement, text: statement.text) })
                    } catch { return .failure(error) }
                }
                _ = try result.get()
                // A Ctrl-C that came while the statement ran, which a loop saw and stopped early
                // without failing (formatting a huge array gives up and returns what it has):
                // the statement fails as interrupted, so `s = str(x)` never binds half a text.
                if options.isInterrupted() { throw Interrupt.error }
                workspace = evaluator.workspace
                Limits.heldOutsideArrays = workspace.heldBytes
                lastSucceededStatements.append(statement.text)
                return true
            } catch let caught as ShellError {
                // Every Ctrl-C ends with the same lines ("the workspace is unchanged"), whichever
                // layer turned the core's interruption into a ShellError.
                let error = caught.isInterruption ? Interrupt.error : caught
                if error.kind == .systemExit {
                    // sys.exit(): the session ends as `exit` ends it, with the status asked for;
                    // a message (sys.exit("bad input")) goes to stderr and the status is 1.
                    if statement.statement.isBlock { workspace = evaluator.workspace } else { journal.rollback() }
                    switch error.arguments?.values.first ?? .none {
                    case .none: exitStatus = 0
                    case .int(let n): exitStatus = Int32(truncatingIfNeeded: n)
                    case .bool(let b): exitStatus = b ? 1 : 0
                    case let other:
                        FileHandle.standardError.write(Data((ValueFormatter.str(other) + "\n").utf8))
                        exitStatus = 1
                    }
                    return true
                }
                var shown = locate(error)
                if statement.statement.isBlock {
                    workspace = evaluator.workspace
                    Limits.heldOutsideArrays = workspace.heldBytes
                    if error == Interrupt.error {
                        shown.explanation = "stopped by Ctrl-C between statements; what the block already did stays (as in Python)"
                    }
                } else {
                    journal.rollback()
                }
                emit(.error(shown))
                return false
            } catch {
                journal.rollback()
                emit(.error(ShellError.converting(error).oneLine))
                return false
            }
        }
    }

    /// True when `text` is an unfinished statement (open bracket or trailing `\`): the REPL
    /// should read another line and append it before executing.
    public static func needsContinuation(_ text: String) -> Bool {
        Lexer.needsContinuation(text)
    }

    /// True when `text` has opened a block (`for …:`, `def …:`): the REPL shows `... ` and
    /// indents, and an empty line closes it.
    public static func opensBlock(_ text: String) -> Bool {
        Lexer.opensBlock(text)
    }

    /// The statements of a script with the 1-based line each starts on, split the way
    /// `execute` would split them (comments and `\` continuations understood). Scripts replay
    /// statement by statement with this. On a syntax error, the error (located) instead.
    public func splitStatements(_ source: String) -> Result<[(line: Int, text: String)], ShellError> {
        do {
            // Help lines (`x.reshape?`) parse as their `help` statement but keep their own text.
            let (rewritten, helpLines) = HelpSyntax.rewrite(source)
            let parsed = try Parser.parse(rewritten, grammar: grammar)
            var lines = LineCounter(rewritten)
            let originalLines = helpLines.isEmpty ? [] : source.split(separator: "\n", omittingEmptySubsequences: false)
            return .success(parsed.map { p in
                let line = lines.line(at: p.span.lowerBound)
                if helpLines.contains(line), line <= originalLines.count { return (line, String(originalLines[line - 1])) }
                return (line, p.text)
            })
        } catch {
            return .failure(locate(error, in: source))
        }
    }

    /// Fills in the line number, the line's text and the span within that line.
    func locate(_ error: ShellError, in source: String) -> ShellError {
        Self.locate(error, in: source)
    }

    static func locate(_ error: ShellError, in source: String) -> ShellError {
        guard error.span != nil, error.sourceLine == nil else { return error.oneLine }
        return locate(error, in: SourceText(source))
    }

    /// `locate` in a source whose lines are already known: costs the length of the error's
    /// line, not of the whole text (an error inside a function of a long script).
    static func locate(_ error: ShellError, in source: SourceText) -> ShellError {
        var e = error.oneLine
        guard let span = error.span, e.sourceLine == nil else { return e }
        let scalars = source.scalars
        var start = min(max(span.lowerBound, 0), scalars.count)
        // A syntax error at the end of the input (`1 +` on the last line, then the final
        // newline) is after the last character of code, on its line, as Python reports it,
        // not on the empty line after the last newline.
        if scalars[start...].allSatisfy({ $0.properties.isWhitespace }) {
            while start > 0 && scalars[start - 1].properties.isWhitespace { start -= 1 }
        }
        var lineStart = start
        while lineStart > 0 && scalars[lineStart - 1] != "\n" { lineStart -= 1 }
        var lineEnd = start
        while lineEnd < scalars.count && scalars[lineEnd] != "\n" { lineEnd += 1 }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[lineStart..<lineEnd])
        e.sourceLine = String(text)
        e.line = source.line(at: lineStart)
        let localEnd = min(span.upperBound, lineEnd) - lineStart
        e.span = (start - lineStart)..<max(localEnd, start - lineStart + 1)
        return e
    }

    /// `~` and relative paths resolved the way `load`/`save`/`run` see them. `~` is `$HOME`
    /// (as in Python's `os.path.expanduser` and every shell), the password database's home only
    /// when `HOME` is unset. A relative path stays relative when the session has no working
    /// directory of its own, so errors name the file as it was typed (`[Errno 13] Permission
    /// denied: 'f.npy'`, as Python says it).
    /// With `meaning` `.python` the name is taken as given (`~` is a file or folder name).
    public func resolvePath(_ path: String, meaning: FileNameMeaning = .shell) -> String {
        let p = meaning == .shell ? Interpreter.expandTilde(path) : path
        if p.hasPrefix("/") { return p }
        guard let base = options.workingDirectory else { return p }
        return base.hasSuffix("/") ? base + p : base + "/" + p
    }

    /// `~` and `~/…` with `$HOME`.
    public static func expandTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return homeDirectory + path.dropFirst()
    }

    /// `$HOME`, else the password database's entry for this user.
    public static var homeDirectory: String {
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            return home.count > 1 && home.hasSuffix("/") ? String(home.dropLast()) : home
        }
        return FileManager.default.homeDirectoryForCurrentUser.path
    }
}
