/// A session script (`.rnn`): statements with the line each starts on, and which of them are
/// marked as expected to fail with a trailing `# error: …` comment (so a script can show an
/// error on purpose and still replay, or `--check`, cleanly).
public struct Script: Sendable {
    public struct Item: Sendable {
        public var line: Int
        public var text: String
        public var statement: Statement
        /// True when the statement's last line ends in a `# error:` comment.
        public var expectsError: Bool
        /// Where the statement is in the script's (help-rewritten) source; nil for a help line
        /// (`x.reshape?`), whose text is not the text it was parsed from.
        var span: Range<Int>?
    }

    public var items: [Item]
    public var source: String
    /// The source the items were parsed from (help lines rewritten): their spans count in it.
    let parsedSource: SourceText

    /// Splits `source` into statements. A syntax error anywhere is reported with its line.
    public static func parse(_ source: String, grammar: Parser.Grammar) throws(ShellError) -> Script {
        // Help lines (`x.reshape?`) parse as their `help` statement but keep their own text.
        let (rewritten, helpLines) = HelpSyntax.rewrite(source)
        let originalLines = helpLines.isEmpty ? [] : source.split(separator: "\n", omittingEmptySubsequences: false)
        let parsedSource = SourceText(rewritten)
        let scalars = parsedSource.scalars
        let parsed: [Parser.Parsed]
        do {
            parsed = try Parser.parse(parsedSource, grammar: grammar)
        } catch {
            // The line, its text and a caret (a `.py` file's syntax error shows them, as python3 does).
            throw Interpreter.locate(error, in: rewritten)
        }
        var items: [Item] = []
        var lines = LineCounter(scalars)
        for p in parsed {
            let line = lines.line(at: p.span.lowerBound)
            var end = min(p.span.upperBound, scalars.count)
            var rest = String.UnicodeScalarView()
            while end < scalars.count && scalars[end] != "\n" { rest.append(scalars[end]); end += 1 }
            let tail = String(rest).drop { $0 == " " || $0 == "\t" || $0 == ";" }
            let expects = tail.hasPrefix("#") && tail.dropFirst().drop { $0 == " " }.lowercased().hasPrefix("error")
            let isHelpLine = helpLines.contains(line) && line <= originalLines.count
            let text = isHelpLine ? String(originalLines[line - 1]) : p.text
            items.append(Item(line: line, text: text, statement: p.statement, expectsError: expects, span: isHelpLine ? nil : p.span))
        }
        return Script(items: items, source: source, parsedSource: parsedSource)
    }
}

/// `run FILE`: replays a script inside the statement that called `run`, so the whole run
/// commits or rolls back as one statement.
enum ScriptRunner {
    static let maxNesting = 16

    static func run(file: String, into call: Invocation) throws(ShellError) {
        let path = call.resolvePath(file)
        try FileText.checkReadable(path, shown: file)
        let text = try FileText.read(path)
        let interpreter = call.interpreter
        if interpreter.runNesting >= maxNesting {
            throw ShellError("run: scripts nested more than \(maxNesting) deep (does \(file) run itself?)")
        }
        let script: Script
        do {
            script = try Script.parse(text, grammar: interpreter.grammar)
        } catch {
            throw inFile(file, line: error.line ?? 1, error)
        }
        interpreter.runNesting += 1
        defer { interpreter.runNesting -= 1 }
        let child = Evaluator(workspace: call.workspace, interpreter: interpreter, source: text, emit: call.evaluator.emit)
        // Functions defined in the file name their lines in it (Python's traceback frames).
        child.sourceFirstLine = 1
        for item in script.items {
            let saved = child.workspace
            do {
                _ = try child.asCurrent { () throws(ShellError) -> Value in try child.execute(item.statement, text: item.text) }
            } catch {
                child.workspace = saved
                if error.isInterruption { throw Interrupt.error }
                if item.expectsError {
                    var shown = error
                    shown.span = nil
                    call.emit(.error(shown))
                    continue
                }
                // The line that failed, in the file: inside a function defined in it, the
                // function's line (Python's last frame); in a statement of several lines, its
                // own line. The caret line shows the file's text.
                // (The child's spans count in the whole file's text.)
                let located = Interpreter.locate(error, in: text)
                throw inFile(file, line: error.inputLine ?? located.line ?? item.line, located)
            }
        }
        call.workspace = child.workspace
    }

    /// `error` as raised by `run FILE`: `FILE:LINE: message`, keeping its source line and caret.
    static func inFile(_ file: String, line: Int, _ error: ShellError) -> ShellError {
        var e = ShellError(error.message, explanation: error.explanation, span: error.span, kind: error.kind)
        e.sourceLine = error.sourceLine
        e.raised = error.raised
        e.location = "\(file):\(line)" + (error.location.map { ": " + $0 } ?? "")
        return e
    }
}
