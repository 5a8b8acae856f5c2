/// Cuts input that arrives line by line (a pipe, a paste) into statements the way Python reads
/// a script file, not the way its REPL reads typed lines: a block (`def …:`, `for …:`) goes on
/// over blank lines and comment lines, and ends only when a line of code starts at column 0
/// (or at the end of the input). `python3 < file` works like this, so a program pasted from a
/// tutorial, with blank lines inside its functions, runs as written.
///
/// A line at column 0 that continues the compound statement (`else:`, `elif …:`, `except …:`,
/// `finally:`, or the `def` under a decorator) stays in it. Brackets, trailing `\` and
/// triple-quoted strings keep a statement open whatever the indentation.
///
/// Each line is scanned once (`ContinuationScanner`, which also follows triple-quoted strings);
/// the lexer runs once per statement, to decide whether its finished first line opens a block,
/// so a long block or a long string stays linear (nothing re-reads the pending lines).
public struct ScriptStatementReader: Sendable {
    /// A complete statement and the 1-based input line it starts on.
    public struct Statement: Sendable, Equatable {
        public var text: String
        public var line: Int
    }

    private var pending: [String] = []
    private var pendingStart = 1
    private var lineNumber = 0
    private var scanner = ContinuationScanner()
    /// True once `pending` is known to have opened a block.
    private var inBlock = false
    /// True while every code line of `pending` is a decorator (`@…`).
    private var decoratorsOnly = false
    /// True once `pending` has a line that is neither blank nor a comment.
    private var pendingHasCode = false

    public init() {}

    /// True while lines have been read that do not yet form a complete statement.
    public var hasPending: Bool { pendingHasCode }

    /// Feeds one input line (without its newline); returns the statements it completed, in order
    /// (the line that ends a block starts the next statement, which may complete at once).
    public mutating func append(_ line: String) -> [Statement] {
        lineNumber += 1
        var done: [Statement] = []
        if inBlock, !scanner.needsMore, startsNewStatement(line) {
            if let s = flush() { done.append(s) }
        }
        if pending.isEmpty {
            // Blank lines between statements belong to none of them.
            if line.allSatisfy(\.isWhitespace) { return done }
            pendingStart = lineNumber
        }
        if !pendingHasCode, scanner.inTripleQuotedString || !Self.isBlankOrComment(line) { pendingHasCode = true }
        pending.append(line)
        scanner.append(line)
        if inBlock || scanner.needsMore { return done }
        // The first logical line is complete: a block waits for the line after it.
        let text = pending.joined(separator: "\n")
        if Self.isBlankOrComment(text) {
            // A comment on its own is a (silent) statement of its own.
            if let s = flush() { done.append(s) }
            return done
        }
        // A decorator line opens the `def` or `class` below it.
        if Self.code(line).hasPrefix("@") || Lexer.opensBlock(text) {
            inBlock = true
            decoratorsOnly = Self.code(line).hasPrefix("@")
            return done
        }
        if let s = flush() { done.append(s) }
        return done
    }

    /// The statement still open at the end of the input, if any.
    public mutating func finish() -> Statement? { flush() }

    /// Drops what was read of the current statement (Ctrl-C).
    public mutating func reset() {
        pending = []
        scanner = ContinuationScanner()
        inBlock = false
        decoratorsOnly = false
        pendingHasCode = false
    }

    private mutating func flush() -> Statement? {
        // Blank and comment lines after the block's last code line are not part of it.
        var lines = pending
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        let start = pendingStart
        reset()
        guard !lines.isEmpty else { return nil }
        return Statement(text: lines.joined(separator: "\n"), line: start)
    }

    /// Whether `line`, read while a block is open, begins the next statement: a line of code at
    /// column 0 that does not continue the compound statement.
    private mutating func startsNewStatement(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first, first != " ", first != "\t" else { return false }
        if Self.isBlankOrComment(line) { return false }
        let code = Self.code(line)
        if decoratorsOnly {
            if !code.hasPrefix("@") { decoratorsOnly = false }
            return false
        }
        let word = code.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        if Self.continuations.contains(String(word)) {
            let rest = code.dropFirst(word.count).first
            if rest == nil || rest == ":" || rest == " " || rest == "\t" || rest == "(" { return false }
        }
        return true
    }

    /// Words that continue a compound statement at its own indentation.
    static let continuations: Set<String> = ["else", "elif", "except", "finally"]

    /// `line` without its leading blanks.
    static func code(_ line: String) -> Substring {
        line.drop { $0 == " " || $0 == "\t" }
    }

    static func isBlankOrComment(_ text: String) -> Bool {
        text.split(separator: "\n", omittingEmptySubsequences: false).allSatisfy { line in
            let c = code(String(line))
            return c.allSatisfy(\.isWhitespace) || c.hasPrefix("#")
        }
    }
}
