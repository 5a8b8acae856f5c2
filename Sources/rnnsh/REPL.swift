// The interactive loop: prompt, read a statement, run it, show its output, until Ctrl-D or quit.
import Foundation
import Glibc
import Shell

enum LineEditorREPL {
    static let prompt = "rnnsh> "
    /// Shown while a statement goes on (trailing `\`, open bracket); as wide as `prompt`.
    static let continuationPrompt = "  ...> "
    /// Shown inside a block (`for …:` until the empty line that closes it), as Python's REPL does.
    static let blockPrompt = "... "

    /// Runs the REPL on a terminal until Ctrl-D, `quit` or `exit`, then saves the history.
    /// Returns the exit status: 0, or the one given to `quit`/`exit`, or 129 (killed by
    /// SIGHUP, as a shell reports it) when the terminal went away, 143 after SIGTERM.
    ///
    /// For stdin on a terminal only (readline would echo piped lines); `Frontends` reads pipes.
    static func run(interpreter: Interpreter) -> Int32 {
        SignalHandling.installInterruptHandler()
        let colour = Terminal.wantsColour(fd: 2)
        // `--safe` sessions neither read nor write the history file.
        let history = History(path: Frontends.safe ? nil : History.defaultPath(
            rnnshHistory: Terminal.environment("RNNSH_HISTORY"), home: Terminal.environment("HOME")))
        history.load()
        LineEditor.configure()
        Completion.candidates = { line, cursor in interpreter.completions(line: line, cursor: cursor) }
        defer {
            if let problem = history.save() {
                Terminal.writeError(TerminalStyle.red("error:", enabled: colour) + " " + problem + "\n")
            }
        }

        func hungUp() -> Bool { SignalHandling.hungUp.load(ordering: .relaxed) }
        while !hungUp() {
            // A Ctrl-C that arrived after the last statement finished was meant for it, not
            // for the next line.
            Interrupt.clear()
            // At end of input readline has already moved to a new line.
            guard let lines = readStatement(), !hungUp() else { break }
            let statement = lines.joined(separator: "\n")
            if statement.allSatisfy(\.isWhitespace) { continue }
            if Interpreter.opensBlock(statement) {
                // A block (typed or pasted) is one history entry, recalled whole with its lines.
                var kept = lines
                while let last = kept.last, last.allSatisfy(\.isWhitespace) { kept.removeLast() }
                history.add(kept.joined(separator: "\n"))
            } else {
                History.entries(for: lines).forEach(history.add)
            }
            execute(statement, in: interpreter, colour: colour)
            if let status = interpreter.exitStatus { return status }
        }
        if hungUp() {
            let signal = SignalHandling.endingSignal.load(ordering: .relaxed)
            return 128 + (signal == 0 ? SIGHUP : signal)
        }
        return 0
    }

    /// Reads the lines of one statement: the first at `prompt`, more at `continuationPrompt`
    /// while the statement is unfinished (trailing `\`, open bracket or string). Ctrl-C
    /// abandons the whole statement and starts over at the first prompt; nil at end of input.
    ///
    /// A line ending in `:` opens a block: the prompt becomes `... `, each new line starts with
    /// the block's indentation already typed (one level deeper after a `:`; erase it to
    /// dedent), and an empty line (or one of blanks only) closes the block and runs it.
    private static func readStatement() -> [String]? {
        var lines: [String] = []
        var scanner = ContinuationScanner()
        while true {
            let inBlock = !lines.isEmpty && Interpreter.opensBlock(lines.joined(separator: "\n"))
            let line = LineEditor.readLine(prompt: lines.isEmpty ? prompt : (inBlock ? blockPrompt : continuationPrompt),
                                           fresh: prompt, indent: inBlock ? indentation(after: lines) : "")
            if LineEditor.interruptedDuringRead { lines.removeAll(); scanner = ContinuationScanner() }
            guard let line, !SignalHandling.hungUp.load(ordering: .relaxed) else { return nil }
            lines.append(line)
            scanner.append(line)
            if scanner.needsMore { continue }
            // A block (`for …:`) and a triple-quoted string go on until they close.
            if !Interpreter.needsContinuation(lines.joined(separator: "\n")) { return lines }
        }
    }

    /// The indentation a block's next line starts with: the last line's, one level (4 spaces)
    /// deeper when that line opens a block with `:`.
    static func indentation(after lines: [String]) -> String {
        guard let last = lines.last(where: { !$0.allSatisfy(\.isWhitespace) }) else { return "" }
        let leading = String(last.prefix { $0 == " " || $0 == "\t" })
        var code = last
        if let hash = code.firstIndex(of: "#") { code = String(code[..<hash]) }
        return code.trimmingCharacters(in: .whitespaces).hasSuffix(":") ? leading + "    " : leading
    }

    /// Runs one statement, showing its outputs as they come: text on stdout, errors on stderr
    /// (`error: …`, located ones with the line and a caret), progress only on a terminal, each
    /// line replacing the one before.
    static func execute(_ statement: String, in interpreter: Interpreter, colour: Bool) {
        let progressVisible = Terminal.isTTY(1)
        var live = LiveLine()
        func endProgress() {
            // Erase the live line: the statement's next output (e.g. the epoch summary) takes
            // its place, so only lines that matter stay on screen.
            print(live.end(), terminator: "")
        }
        let interruptsBefore = SignalHandling.interruptCount.load(ordering: .relaxed)
        var echoedInterruptHandled = false
        /// The terminal echoes Ctrl-C as `^C` where the cursor is; start the next output on a
        /// line of its own.
        func afterEchoedInterrupt() {
            guard !echoedInterruptHandled,
                  SignalHandling.interruptCount.load(ordering: .relaxed) != interruptsBefore else { return }
            echoedInterruptHandled = true
            if Terminal.echoesControlCharacters(fd: 0) { print() }
        }
        // Help pages are gathered and shown through a pager when they are taller than the screen.
        let paged = HelpSyntax.isHelpRequest(statement)
        var page: [String] = []
        interpreter.execute(statement) { output in
            afterEchoedInterrupt()
            switch output {
            case .text(let text) where paged:
                page.append(text)
            case .text(let text):
                endProgress()
                print(text)
                fflush(nil)
            case .error(let error):
                endProgress()
                Terminal.writeError(error.rendered(color: colour) + "\n")
            case .warning(let w):
                endProgress()
                Terminal.writeError(w + "\n")
            case .progress(let line):
                guard progressVisible else { return }
                print(live.draw(line), terminator: "")  // ESC[K: erase the old tail
                fflush(nil)
            }
        }
        afterEchoedInterrupt()
        endProgress()
        if !page.isEmpty {
            let text = page.joined(separator: "\n")
            if !Pager.show(text) { print(text) }
        }
        fflush(nil)
    }
}
