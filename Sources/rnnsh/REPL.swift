// The interactive loop: prompt, read a statement, run it, show its output, until Ctrl-D or quit.
import Glibc
import Shell

enum LineEditorREPL {
    static let prompt = "rnnsh> "
    /// Shown while a statement continues after a trailing `\`; as wide as `prompt`.
    static let continuationPrompt = "  ...> "

    /// Runs the REPL until end of input or `quit`; returns the exit status (0).
    ///
    /// On a terminal this is readline with history, completion and Ctrl-C handling. When stdin
    /// is not a terminal (a pipe, a file) readline would echo every line, so statements are read
    /// plainly, without prompts, and run the same way: an error goes to stderr and the next
    /// statement runs.
    static func run(interpreter: Interpreter) -> Int32 {
        SignalHandling.installInterruptHandler()
        let colour = Terminal.wantsColour(fd: 2)
        guard Terminal.isTTY(0) else {
            while let statement = readStatement(from: { Swift.readLine(strippingNewline: true) }) {
                show(interpreter.execute(statement), colour: colour)
            }
            return 0
        }

        let history = History(path: History.defaultPath(
            rnnshHistory: Terminal.environment("RNNSH_HISTORY"), home: Terminal.environment("HOME")))
        history.load()
        LineEditor.configure()
        Completion.candidates = { line, cursor in interpreter.completions(line: line, cursor: cursor) }
        defer {
            if let problem = history.save() { printError(problem, colour: colour) }
        }

        while true {
            // A Ctrl-C that arrived after the last statement finished was meant for it, not
            // for the next line.
            Interrupt.clear()
            // At end of input readline has already moved to a new line.
            guard let statement = readInteractiveStatement() else { return 0 }
            if statement.allSatisfy(\.isWhitespace) { continue }
            history.add(statement)
            let interruptsBefore = SignalHandling.interruptCount.load(ordering: .relaxed)
            let outputs = interpreter.execute(statement)
            if SignalHandling.interruptCount.load(ordering: .relaxed) != interruptsBefore,
               Terminal.echoesControlCharacters(fd: 0) {
                print()  // the terminal echoed `^C`; what follows starts on a line of its own
            }
            show(outputs, colour: colour)
        }
    }

    /// Reads a statement at the prompt, following trailing `\` onto continuation lines.
    /// Ctrl-C abandons the whole statement and starts over at the first prompt.
    private static func readInteractiveStatement() -> String? {
        var lines: [String] = []
        while true {
            let line = LineEditor.readLine(prompt: lines.isEmpty ? prompt : continuationPrompt,
                                           fresh: prompt)
            if LineEditor.interruptedDuringRead { lines.removeAll() }
            guard let line else { return nil }
            switch Continuation.split(line) {
            case .continues(let head): lines.append(head)
            case .complete: return (lines + [line]).joined()
            }
        }
    }

    /// Reads a statement from any line source, following trailing `\`; nil at end of input.
    static func readStatement(from nextLine: () -> String?) -> String? {
        var lines: [String] = []
        while let line = nextLine() {
            switch Continuation.split(line) {
            case .continues(let head): lines.append(head)
            case .complete: return (lines + [line]).joined()
            }
        }
        // Input ended inside a continued statement: run what there is.
        return lines.isEmpty ? nil : lines.joined()
    }

    /// Prints a statement's outputs: text on stdout, errors on stderr (`error: …`, with the
    /// line and a caret for located errors), progress lines only on a terminal, each replacing
    /// the one before.
    static func show(_ outputs: [Output], colour: Bool) {
        let progressVisible = Terminal.isTTY(1)
        var progressShown = false
        func endProgress() {
            if progressShown { print() }
            progressShown = false
        }
        for output in outputs {
            switch output {
            case .text(let text):
                endProgress()
                print(text)
            case .error(let error):
                endProgress()
                Terminal.writeError(error.rendered(color: colour) + "\n")
            case .progress(let line):
                guard progressVisible else { continue }
                print("\r" + line + "\u{1B}[K", terminator: "")  // ESC[K: erase the old tail
                progressShown = true
            }
        }
        endProgress()
        fflush(nil)
    }

    private static func printError(_ message: String, colour: Bool) {
        Terminal.writeError(TerminalStyle.red("error:", enabled: colour) + " " + message + "\n")
    }
}

/// A trailing backslash continues a statement on the next line.
enum Continuation: Equatable {
    /// The line ends the statement.
    case complete
    /// The line ends with `\`; `head` is the line without it, ending in a blank so the words
    /// on either side stay apart.
    case continues(head: String)

    static func split(_ line: String) -> Continuation {
        var trimmed = Substring(line)
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        guard trimmed.last == "\\" else { return .complete }
        let head = trimmed.dropLast()
        return .continues(head: head.last == " " || head.last == "\t" ? String(head) : head + " ")
    }
}
