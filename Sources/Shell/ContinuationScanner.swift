/// Decides, line by line, whether a statement typed or piped so far is unfinished (an open
/// bracket, a trailing `\` outside a comment, or an open triple-quoted string), keeping its
/// state between lines so each line is scanned once. Re-tokenizing everything read so far on
/// every line made 2,000 continuation lines in pipe mode quadratic (4.7 s); this is linear.
///
/// It only counts brackets and skips strings and comments; whether the text is well formed
/// is the parser's business once the statement is complete. A closing bracket with nothing
/// open, or nesting deeper than the parser allows, counts as complete so the parser reports it.
/// A triple-quoted string is the one token that goes on over lines: brackets and quotes inside
/// it are text, and the statement is unfinished until it closes (a docstring with `f(x` in it
/// used to leave a bracket open for good).
public struct ContinuationScanner: Sendable {
    private var depth = 0
    private var broken = false
    private var trailingBackslash = false
    /// The quote character of a triple-quoted string still open at the end of the text so far.
    private var tripleQuote: Unicode.Scalar? = nil

    public init() {}

    /// True while more lines are needed.
    public var needsMore: Bool { tripleQuote != nil || (!broken && (depth > 0 || trailingBackslash)) }

    /// True while a triple-quoted string is open (its lines are text, not code).
    public var inTripleQuotedString: Bool { tripleQuote != nil }

    /// Feeds one more line (or any text; newlines inside it are handled).
    public mutating func append(_ text: String) {
        let s = Array(text.unicodeScalars)
        var quote: Unicode.Scalar? = nil
        var escaped = false
        var inComment = false
        trailingBackslash = false
        var i = 0
        while i < s.count {
            let c = s[i]
            if let q = tripleQuote {
                // Text up to the closing quotes; a backslash keeps the next character (even a
                // quote) inside the string, as in Python (raw strings included).
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == q, Self.isTriple(s, i, q) {
                    tripleQuote = nil
                    i += 3
                    continue
                }
                i += 1
                continue
            }
            if c == "\n" || c == "\r" {
                quote = nil; escaped = false; inComment = false
                // A backslash before the newline continued the line; the next line is content.
                trailingBackslash = false
                i += 1
                continue
            }
            if inComment { i += 1; continue }
            if let q = quote {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == q { quote = nil }
                i += 1
                continue
            }
            switch c {
            case "#": inComment = true
            case "'", "\"":
                // `'''` always opens a triple-quoted string (Python's tokenizer reads the
                // longest quote); `''` followed by anything else is an empty string.
                if Self.isTriple(s, i, c) {
                    tripleQuote = c
                    trailingBackslash = false
                    i += 3
                    continue
                }
                quote = c
            case "(", "[", "{":
                depth += 1
                if depth > Parser.maxDepth { broken = true }
            case ")", "]", "}":
                if depth == 0 { broken = true } else { depth -= 1 }
            default: break
            }
            if c == "\\" { trailingBackslash = true } else if c != " " && c != "\t" { trailingBackslash = false }
            i += 1
        }
        // Inside a string only a backslash right before the end continues it.
        if quote != nil { trailingBackslash = escaped }
    }

    /// True when `s[i]` and the two scalars after it are the quote `q`.
    private static func isTriple(_ s: [Unicode.Scalar], _ i: Int, _ q: Unicode.Scalar) -> Bool {
        i + 2 < s.count && s[i + 1] == q && s[i + 2] == q
    }
}
