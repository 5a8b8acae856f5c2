import Foundation
import Shell

/// The non-interactive ways to run rnnsh, sharing one output policy: text to stdout, errors to
/// stderr as `error: …` (coloured only on a TTY without NO_COLOR).
enum Frontends {
    static func main(command: String?, check: Bool, update: Bool, keepGoing: Bool, files: [String]) -> Int32 {
        if command != nil || !files.isEmpty || isatty(0) == 0 {
            ScriptInterrupts.install()
        }
        if let command {
            return runStatements(command)
        }
        if check || update {
            return Transcripts.check(files: files, update: update)
        }
        if !files.isEmpty {
            var status: Int32 = 0
            for file in files {
                let s = Transcripts.replay(file: file, keepGoing: keepGoing)
                if s != 0 { status = s; if !keepGoing { break } }
            }
            return status
        }
        if isatty(0) != 0 {
            return interactive()
        }
        return pipeMode()
    }

    /// The REPL on a terminal: readline, history, completion, Ctrl-C (see REPL.swift).
    static func interactive() -> Int32 {
        // The banner is for the person at the terminal; a transcript or pipe never shows it.
        if isatty(1) != 0 { writeOut(Version.banner()) }
        var options = interpreter().options
        // `reset` asks before deleting the workspace; the answer is one line at its own prompt.
        options.confirm = { question in
            guard let answer = LineEditor.readLine(prompt: question, fresh: question) else { return false }
            return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
        }
        return LineEditorREPL.run(interpreter: Interpreter(options: options))
    }

    static var stderrColor: Bool { isatty(2) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }

    /// `--safe`: every interpreter of this run writes only under the current directory.
    nonisolated(unsafe) static var safe = false

    /// The write policy of a `--safe` replay (and of `--check`): under the current directory.
    static var safePolicy: WritePolicy { .under(FileManager.default.currentDirectoryPath) }

    static func interpreter(mode: Interpreter.Options.Mode = .session, warnings: Interpreter.Options.WarningPlace? = .stdin, argv: [String] = [""]) -> Interpreter {
        var options = Interpreter.Options(color: isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil,
                                          display: Display.detect())
        if options.display.isTerminal {
            TerminalSize.installResizeHandler()
            options.terminalWidth = { TerminalSize.columns() }
        }
        if safe { options.writePolicy = safePolicy }
        options.mode = mode
        options.warnings = warnings
        options.argv = argv
        return Interpreter(options: options)
    }

    static func writeOut(_ s: String) {
        StandardStreams.out(s + "\n")
    }

    static func writeErr(_ s: String) {
        StandardStreams.err(s + "\n")
    }

    static func show(_ output: Output, errorPrefix: String = "") {
        switch output {
        case .text(let t):
            LiveOutput.endProgress()
            writeOut(t)
        case .error(let e):
            LiveOutput.endProgress()
            writeErr(e.rendered(color: stderrColor, prefix: errorPrefix))
        case .progress(let line):
            LiveOutput.progress(line)
        case .warning(let w):
            LiveOutput.endProgress()
            writeErr(w)
        }
    }

    /// `-c`: stop at the first error (exit 1), like `python3 -c`.
    static func runStatements(_ source: String) -> Int32 {
        // Python names `-c` code `<string>` in its warnings, and its sys.argv is ['-c'].
        let shell = interpreter(warnings: .commandLine, argv: ["-c"])
        let ok = shell.execute(source) { show($0) }
        if let status = shell.exitStatus { return status }
        return ok ? 0 : 1
    }

    /// Statements from a pipe: no prompts, errors to stderr as `<stdin>:LINE: error: …` (as
    /// Python names its input), keep going. Exit status 1 if any statement failed.
    ///
    /// The input is cut into statements as Python reads a script (`ScriptStatementReader`),
    /// not as its REPL reads typed lines: blank lines and comments inside a `def` do not end
    /// it, so a tutorial's program piped in runs as written. An error's line is the line of the
    /// statement that failed, inside a function called later too (Python's last frame).
    static func pipeMode() -> Int32 {
        let shell = interpreter()
        var failed = false
        func run(_ statement: ScriptStatementReader.Statement) -> Bool {
            // A Ctrl-C that arrived while reading was not meant for this statement.
            Interrupt.clear()
            return shell.execute(statement.text, firstLine: statement.line) { output in
                if case .error(let e) = output {
                    show(output, errorPrefix: "<stdin>:\(e.inputLine ?? statement.line + (e.line ?? 1) - 1): ")
                } else {
                    show(output)
                }
            }
        }
        var reader = ScriptStatementReader()
        while let line = readLine(strippingNewline: true) {
            for statement in reader.append(line) {
                if !run(statement) { failed = true }
                if let status = shell.exitStatus { return status }
            }
        }
        if let statement = reader.finish() {
            if !run(statement) { failed = true }
        }
        return shell.exitStatus ?? (failed ? 1 : 0)
    }
}
