/// Turns statement text into tokens with columns.
///
/// Python's rules where they apply, because pasted numpy code must read the same: `#` comments,
/// `'…'`/`"…"` strings with backslash escapes, newlines inside brackets do not end a statement,
/// a trailing `\` joins the next line. A newline or `;` outside brackets separates statements.
/// The lexer never traps: every malformed input becomes a `ShellError` with a span.
public struct Lexer {
    let scalars: [Unicode.Scalar]

    public init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// Python's two-character operators (`...` is the only three-character one).
    static func twoCharacterOperator(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> String? {
        switch (a, b) {
        case ("=", "="): return "=="
        case ("!", "="): return "!="
        case ("<", "="): return "<="
        case (">", "="): return ">="
        case ("/", "/"): return "//"
        case ("*", "*"): return "**"
        case ("<", "<"): return "<<"
        case (">", ">"): return ">>"
        case (":", "="): return ":="
        case ("+", "="), ("-", "="), ("*", "="), ("/", "="), ("%", "="), ("&", "="), ("|", "="), ("^", "="), ("@", "="):
            return String(Character(a)) + "="
        default: return nil
        }
    }

    /// The augmented assignments of three characters: `//=`, `**=`, `<<=`, `>>=`.
    static func threeCharacterOperator(_ a: Unicode.Scalar, _ b: Unicode.Scalar, _ c: Unicode.Scalar) -> String? {
        guard c == "=", a == b, a == "/" || a == "*" || a == "<" || a == ">" else { return nil }
        return String(Character(a)) + String(Character(b)) + "="
    }
    static let operators1: Set<Unicode.Scalar> = ["(", ")", "[", "]", "{", "}", ",", ":", ".", "=", "<", ">",
                                                 "+", "-", "*", "/", "%", "@", "|", "?", "~", "&", "^"]
    static let closing: [Unicode.Scalar: Unicode.Scalar] = [")": "(", "]": "[", "}": "{"]

    /// All tokens, ending with `.end`. Separators are collapsed (never two in a row, none first).
    ///
    /// Indentation works as Python's: at the start of each line outside brackets the lexer
    /// compares the line's indentation with a stack of open levels and emits `.indent` or one
    /// `.dedent` per closed level (after the line's separator). Blank and comment-only lines
    /// do not count. The first line's indentation is the base level, so a statement typed with
    /// leading blanks still runs.
    public func tokenize() throws(ShellError) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        var brackets: [(Unicode.Scalar, Int)] = []
        var space = true
        let n = scalars.count
        var indents: [Int] = []
        var atLineStart = true

        func add(_ kind: Token.Kind, _ start: Int, _ end: Int) {
            if kind == .separator {
                if tokens.isEmpty || tokens.last?.kind == .separator { space = true; return }
            }
            tokens.append(Token(kind, start..<end, spaceBefore: space))
            space = false
        }

        while i < n {
            if atLineStart && brackets.isEmpty {
                atLineStart = false
                var column = 0
                var j = i
                while j < n {
                    let c = scalars[j]
                    if c == " " { column += 1 } else if c == "\t" { column = (column / 8 + 1) * 8 } else if c == "\u{0C}" { column = 0 } else { break }
                    j += 1
                }
                i = j
                space = true
                if j >= n { break }
                let c = scalars[j]
                if c == "\n" || c == "#" || (c == "\r" && j + 1 < n && scalars[j + 1] == "\n") || (c == "\\" && Self.continuesLine(scalars, j)) { continue }
                guard let top = indents.last else { indents = [column]; continue }
                if column > top {
                    indents.append(column)
                    tokens.append(Token(.indent, j..<j, spaceBefore: true))
                } else if column < top {
                    while let last = indents.last, column < last, indents.count > 1 {
                        indents.removeLast()
                        tokens.append(Token(.dedent, j..<j, spaceBefore: true))
                    }
                    if indents.last != column {
                        throw ShellError("unindent does not match any outer indentation level", span: j..<(j + 1), kind: .indentationError)
                    }
                }
                continue
            }
            let c = scalars[i]
            switch c {
            case "\r" where i + 1 < n && scalars[i + 1] == "\n":
                space = true   // CRLF: the LF ends the line
                i += 1
            case " ", "\t", "\u{0C}":
                space = true
                i += 1
            case "\u{FEFF}" where i == 0:
                space = true   // a UTF-8 byte order mark starting a script
                i += 1
            case "\n", "\r":   // a lone CR ends a line too (old Mac line ends), as in Python
                if brackets.isEmpty { add(.separator, i, i + 1); atLineStart = true }
                space = true
                i += 1
            case ";":
                add(.separator, i, i + 1)
                space = true
                i += 1
            case "#":
                while i < n && scalars[i] != "\n" { i += 1 }
                space = true
            case "\\":
                // A line continuation: backslash, optional trailing blanks, then newline or end.
                var j = i + 1
                while j < n && (scalars[j] == " " || scalars[j] == "\t" || scalars[j] == "\r") { j += 1 }
                if j < n && scalars[j] != "\n" {
                    throw ShellError("unexpected character after line continuation character", span: i..<(i + 1), kind: .syntaxError)
                }
                i = j + 1
                space = true
            case "'", "\"":
                let (text, end) = try string(from: i, quote: c)
                add(.string(text), i, end)
                i = end
            case "0"..."9":
                let end = number(from: i)
                try addNumber(i, end, &tokens, &space)
                i = end
            case "." where i + 1 < n && Self.isDigit(scalars[i + 1]):
                let end = number(from: i)
                try addNumber(i, end, &tokens, &space)
                i = end
            default:
                if Self.isIdentifierStart(c) {
                    var j = i + 1
                    while j < n && Self.isIdentifierContinue(scalars[j]) { j += 1 }
                    let word = text(i, j)
                    // String prefixes: r'…', f'…', b'…', u'…', rf'…' (any case).
                    if j < n, scalars[j] == "'" || scalars[j] == "\"", word.count <= 2,
                       word.lowercased().allSatisfy({ "rfbu".contains($0) }), Set(word.lowercased()).count == word.count,
                       !(word.lowercased().contains("u") && word.count > 1) {
                        let lower = word.lowercased()
                        let raw = lower.contains("r")
                        if lower.contains("f") {
                            let (body, end) = try fstringBody(from: j, quote: scalars[j])
                            add(.fstring(body, raw: raw), i, end)
                            i = end
                        } else {
                            let (value, end) = try string(from: j, quote: scalars[j], raw: raw)
                            add(.string(value), i, end)
                            i = end
                        }
                        continue
                    }
                    add(.name(word), i, j)
                    i = j
                    continue
                }
                if c == ".", i + 2 < n, scalars[i + 1] == ".", scalars[i + 2] == "." {
                    add(.op("..."), i, i + 3); i += 3; continue
                }
                if i + 2 < n, let three = Self.threeCharacterOperator(c, scalars[i + 1], scalars[i + 2]) {
                    add(.op(three), i, i + 3); i += 3; continue
                }
                if i + 1 < n, let two = Self.twoCharacterOperator(c, scalars[i + 1]) {
                    add(.op(two), i, i + 2); i += 2; continue
                }
                if Self.operators1.contains(c) {
                    if c == "(" || c == "[" || c == "{" {
                        brackets.append((c, i))
                        if brackets.count > Parser.maxDepth {
                            throw ShellError("too many nested parentheses", span: i..<(i + 1), kind: .syntaxError)
                        }
                    } else if let open = Self.closing[c] {
                        guard let last = brackets.popLast() else {
                            throw ShellError("unmatched '\(Character(c))'", span: i..<(i + 1), kind: .syntaxError)
                        }
                        if last.0 != open {
                            throw ShellError("closing parenthesis '\(Character(c))' does not match opening parenthesis '\(Character(last.0))'",
                                             span: i..<(i + 1), kind: .syntaxError)
                        }
                    }
                    add(.op(String(Character(c))), i, i + 1)
                    i += 1
                    continue
                }
                if c.value < 0x20 || c.value == 0x7F || (c.value >= 0x80 && c.value < 0xA0) || !c.properties.isAlphabetic && c.value > 0x7F && c.properties.generalCategory == .format {
                    throw ShellError("invalid non-printable character U+\(Self.hex(c))", span: i..<(i + 1), kind: .syntaxError)
                }
                throw ShellError("invalid character '\(Character(c))' (U+\(Self.hex(c)))", span: i..<(i + 1), kind: .syntaxError)
            }
        }
        if let open = brackets.last {
            throw ShellError("'\(Character(open.0))' was never closed", span: open.1..<(open.1 + 1), kind: .syntaxError)
        }
        if indents.count > 1 {
            add(.separator, n, n)
            for _ in 1..<indents.count { tokens.append(Token(.dedent, n..<n, spaceBefore: true)) }
        }
        if tokens.last?.kind == .separator { tokens.removeLast() }
        tokens.append(Token(.end, n..<n, spaceBefore: true))
        return tokens
    }

    /// True when the `\\` at `i` is followed only by blanks up to the end of its line.
    static func continuesLine(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        var j = i + 1
        while j < s.count && (s[j] == " " || s[j] == "\t" || s[j] == "\r") { j += 1 }
        return j >= s.count || s[j] == "\n"
    }

    /// Words that open a compound statement (whose block the REPL reads until an empty line).
    static let compoundKeywords: Set<String> = ["if", "for", "while", "def", "try", "with", "class", "async", "@"]

    /// True when `source` needs more lines before it can run: an open bracket or a trailing
    /// `\\` (one pass of `ContinuationScanner`), or an open block. A block opens with a line
    /// ending in `:` or a compound statement (`for`, `if`, `def`, …) and, as in Python's REPL,
    /// closes with an empty line. The REPL shows a continuation prompt meanwhile.
    public static func needsContinuation(_ source: String) -> Bool {
        var scanner = ContinuationScanner()
        scanner.append(source)
        if scanner.needsMore { return true }
        let tokens: [Token]
        do {
            tokens = try Lexer(source).tokenize()
        } catch {
            // A triple-quoted string goes on over lines (the scanner counts only brackets).
            return error.message.hasPrefix("unterminated triple-quoted")
        }
        guard opensBlock(tokens, source) else { return false }
        // An empty (or blank) last line ends the block.
        let lastLine = source.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        return !(source.contains("\n") && lastLine.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" })
    }

    /// True when `source` (complete so far) has opened a block.
    public static func opensBlock(_ source: String) -> Bool {
        guard let tokens = try? Lexer(source).tokenize() else { return false }
        return opensBlock(tokens, source)
    }

    static func opensBlock(_ tokens: [Token], _ source: String) -> Bool {
        tokens.contains { $0.kind == .indent }
            || (tokens.first?.name.map { compoundKeywords.contains($0) } ?? false)
            || (tokens.count >= 2 && tokens[tokens.count - 2].isOp(":") && !source.hasSuffix("\n"))
    }

    func text(_ a: Int, _ b: Int) -> String {
        ScalarText.string(scalars[a..<min(b, scalars.count)])
    }

    /// Scans digits, `_`, one `.`, and an exponent; returns the end column.
    func number(from start: Int) -> Int {
        var j = start
        let n = scalars.count
        // `0x1f`, `0o17`, `0b101`: letters and digits of the base, read whole.
        if j + 1 < n, scalars[j] == "0", "xXoObB".unicodeScalars.contains(scalars[j + 1]) {
            j += 2
            while j < n && (Self.isIdentifierContinue(scalars[j])) { j += 1 }
            return j
        }
        while j < n && (Self.isDigit(scalars[j]) || scalars[j] == "_") { j += 1 }
        if j < n && scalars[j] == "." && !(j + 1 < n && scalars[j + 1] == ".") {
            // `1.` is a float, but `x.T`-style attribute access never starts with a digit.
            j += 1
            while j < n && (Self.isDigit(scalars[j]) || scalars[j] == "_") { j += 1 }
        }
        if j < n && (scalars[j] == "e" || scalars[j] == "E") {
            var k = j + 1
            if k < n && (scalars[k] == "+" || scalars[k] == "-") { k += 1 }
            if k < n && Self.isDigit(scalars[k]) {
                while k < n && Self.isDigit(scalars[k]) { k += 1 }
                j = k
            }
        }
        return j
    }

    func addNumber(_ start: Int, _ end: Int, _ tokens: inout [Token], _ space: inout Bool) throws(ShellError) {
        let raw = text(start, end)
        if raw.count > 1, let p = raw.dropFirst().first, "xXoObB".contains(p) {
            let radix = "xX".contains(p) ? 16 : ("oO".contains(p) ? 8 : 2)
            let body = raw.dropFirst(2)
            let name = radix == 16 ? "hexadecimal" : (radix == 8 ? "octal" : "binary")
            guard !body.isEmpty, !body.hasSuffix("_"), !body.contains("__"),
                  let v = Int(String(body.filter { $0 != "_" }).hasPrefix("_") ? "" : String(body.drop { $0 == "_" }.filter { $0 != "_" }), radix: radix) else {
                throw ShellError("invalid \(name) literal", span: start..<end, kind: .syntaxError)
            }
            tokens.append(Token(.int(String(v)), start..<end, spaceBefore: space))
            space = false
            return
        }
        // Read on the scalars: Foundation's substring search (`raw.contains("__")`) was most of
        // the time a short statement spent in the lexer.
        var underscores = false, isFloat = false
        for c in scalars[start..<end] {
            if c == "_" { underscores = true } else if c == "." || c == "e" || c == "E" { isFloat = true }
        }
        if underscores {
            // A trailing `_`, or `__`, `_.`, `._` anywhere.
            var previous: Unicode.Scalar? = nil
            for c in scalars[start..<end] {
                if let p = previous, (p == "_" && (c == "_" || c == ".")) || (p == "." && c == "_") {
                    throw ShellError("invalid decimal literal", span: start..<end, kind: .syntaxError)
                }
                previous = c
            }
            if previous == "_" { throw ShellError("invalid decimal literal", span: start..<end, kind: .syntaxError) }
        }
        if end < scalars.count, Self.isIdentifierStart(scalars[end]) {
            throw ShellError("invalid decimal literal", span: start..<(end + 1), kind: .syntaxError)
        }
        let digits = underscores ? String(raw.filter { $0 != "_" }) : raw
        if !isFloat, digits.count > 1, digits.hasPrefix("0"), digits.contains(where: { $0 != "0" }) {
            throw ShellError("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                             span: start..<end, kind: .syntaxError)
        }
        tokens.append(Token(isFloat ? .float(digits) : .int(digits), start..<end, spaceBefore: space))
        space = false
    }

    /// Reads a quoted string starting at `start` (`'…'`, `"…"`, or triple-quoted); returns its
    /// value and the column after it. `raw` keeps backslashes as written (`r'\\d'`).
    func string(from start: Int, quote: Unicode.Scalar, raw: Bool = false) throws(ShellError) -> (String, Int) {
        var out = String.UnicodeScalarView()
        let n = scalars.count
        let triple = start + 2 < n && scalars[start + 1] == quote && scalars[start + 2] == quote
        var j = start + (triple ? 3 : 1)
        while j < n {
            let c = scalars[j]
            if c == quote {
                if !triple { return (String(out), j + 1) }
                if j + 2 < n && scalars[j + 1] == quote && scalars[j + 2] == quote { return (String(out), j + 3) }
            }
            if c == "\n" && !triple { break }
            if c == "\\" && j + 1 < n {
                let e = scalars[j + 1]
                if raw {
                    out.append(c); out.append(e); j += 2; continue
                }
                switch e {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "a": out.append("\u{07}")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "v": out.append("\u{0B}")
                case "\\", "'", "\"": out.append(e)
                case "\n": break
                case "x", "u", "U", "N", "0"..."7":
                    let content = start + (triple ? 3 : 1)
                    out.append(try EscapeSequence.scalar(scalars, at: j, contentStart: content))
                    j += EscapeSequence.length(scalars, at: j)
                    continue
                default: out.append("\\"); out.append(e)
                }
                j += 2
                continue
            }
            out.append(c)
            j += 1
        }
        let line = scalars[0..<start].filter { $0 == "\n" }.count + 1
        if triple {
            throw ShellError("unterminated triple-quoted string literal (detected at line \(scalars.filter { $0 == "\n" }.count + 1))", span: start..<(start + 1), kind: .syntaxError)
        }
        throw ShellError("unterminated string literal (detected at line \(line))", span: start..<(start + 1), kind: .syntaxError)
    }

    /// The body of an f-string between its quotes, escapes left as written; and the column after it.
    func fstringBody(from start: Int, quote: Unicode.Scalar) throws(ShellError) -> (String, Int) {
        let n = scalars.count
        let triple = start + 2 < n && scalars[start + 1] == quote && scalars[start + 2] == quote
        var j = start + (triple ? 3 : 1)
        let bodyStart = j
        while j < n {
            let c = scalars[j]
            if c == quote {
                if !triple { return (text(bodyStart, j), j + 1) }
                if j + 2 < n && scalars[j + 1] == quote && scalars[j + 2] == quote { return (text(bodyStart, j), j + 3) }
            }
            if c == "\n" && !triple { break }
            if c == "\\" && j + 1 < n { j += 2; continue }
            j += 1
        }
        let line = scalars[0..<start].filter { $0 == "\n" }.count + 1
        throw ShellError("unterminated string literal (detected at line \(line))", span: start..<(start + 1), kind: .syntaxError)
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" || (c.value > 0x7F && c.properties.isAlphabetic)
    }

    static func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        isIdentifierStart(c) || isDigit(c)
    }

    static func hex(_ c: Unicode.Scalar) -> String {
        let h = String(c.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }
}
