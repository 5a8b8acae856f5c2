/// The small subset of Python literal syntax a `.npy` header is written in (numpy reads it with
/// `ast.literal_eval`): dicts, tuples, lists, strings, integers, `True`/`False`/`None`.
///
/// A hand-written parser instead of a general one because the input is hostile by assumption:
/// integers are overflow-checked, nesting depth is bounded (no stack exhaustion), and every
/// index is checked, so any byte sequence yields a value or a `ParseError`, never a trap.
indirect enum PythonLiteral {
    case string(String)
    case int(Int)
    case bool(Bool)
    case none
    case tuple([PythonLiteral])
    case list([PythonLiteral])
    case dict([(key: PythonLiteral, value: PythonLiteral)])

    struct ParseError: Error { let reason: String }

    /// Parses `bytes` as one literal surrounded by optional whitespace. `utf8` chooses how string
    /// bytes decode (format 3.0 headers are UTF-8, older ones latin-1); `allowLongSuffix` accepts
    /// Python 2's `3L` integers, which numpy still reads in format 1.0/2.0 headers.
    static func parse(_ bytes: [UInt8], utf8: Bool, allowLongSuffix: Bool) throws(ParseError) -> PythonLiteral {
        var p = Parser(bytes: bytes, utf8: utf8, allowLongSuffix: allowLongSuffix)
        let v = try p.value(depth: 0)
        p.skipSpace()
        if p.i < bytes.count { throw ParseError(reason: "unexpected \(p.describe()) after the literal") }
        return v
    }

    /// How Python's `repr` would show the value (for error messages).
    var repr: String {
        switch self {
        case .string(let s): return PythonLiteral.quoted(s)
        case .int(let i): return String(i)
        case .bool(let b): return b ? "True" : "False"
        case .none: return "None"
        case .tuple(let xs): return xs.count == 1 ? "(\(xs[0].repr),)" : "(" + xs.map(\.repr).joined(separator: ", ") + ")"
        case .list(let xs): return "[" + xs.map(\.repr).joined(separator: ", ") + "]"
        case .dict(let kv): return "{" + kv.map { "\($0.key.repr): \($0.value.repr)" }.joined(separator: ", ") + "}"
        }
    }

    /// `s` quoted as Python's `repr` quotes it, control characters escaped, so an error
    /// message that shows a hostile header string stays on one line.
    static func quoted(_ s: String) -> String {
        var out = "'"
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || (u.value >= 0x7f && u.value < 0xa0) {
                    out += "\\x" + (u.value < 16 ? "0" : "") + String(u.value, radix: 16)
                } else if u.value == 0x2028 || u.value == 0x2029 {
                    out += "\\u" + String(u.value, radix: 16)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "'"
    }

    private struct Parser {
        let bytes: [UInt8]
        let utf8: Bool
        let allowLongSuffix: Bool
        var i = 0
        static let maxDepth = 16

        init(bytes: [UInt8], utf8: Bool, allowLongSuffix: Bool) {
            self.bytes = bytes; self.utf8 = utf8; self.allowLongSuffix = allowLongSuffix
        }

        var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

        func describe() -> String {
            guard let c = peek else { return "end of header" }
            if c >= 0x20 && c < 0x7f { return "'\(Character(Unicode.Scalar(c)))'" }
            return "byte 0x" + String(c, radix: 16)
        }

        mutating func skipSpace() {
            while let c = peek, c == 0x20 || c == 0x09 || c == 0x0a || c == 0x0d || c == 0x0c || c == 0x0b { i += 1 }
        }

        mutating func expect(_ c: UInt8) throws(ParseError) {
            skipSpace()
            guard peek == c else { throw ParseError(reason: "expected '\(Character(Unicode.Scalar(c)))' but found \(describe())") }
            i += 1
        }

        mutating func value(depth: Int) throws(ParseError) -> PythonLiteral {
            if depth > Parser.maxDepth { throw ParseError(reason: "nested too deeply") }
            skipSpace()
            guard let c = peek else { throw ParseError(reason: "unexpected end of header") }
            switch c {
            case UInt8(ascii: "{"):
                i += 1
                var items: [(key: PythonLiteral, value: PythonLiteral)] = []
                while true {
                    skipSpace()
                    if peek == UInt8(ascii: "}") { i += 1; return .dict(items) }
                    let k = try value(depth: depth + 1)
                    try expect(UInt8(ascii: ":"))
                    let v = try value(depth: depth + 1)
                    items.append((k, v))
                    skipSpace()
                    if peek == UInt8(ascii: ",") { i += 1; continue }
                    try expect(UInt8(ascii: "}"))
                    return .dict(items)
                }
            case UInt8(ascii: "("), UInt8(ascii: "["):
                let close = c == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
                i += 1
                var items: [PythonLiteral] = []
                var sawComma = false
                while true {
                    skipSpace()
                    if peek == close { i += 1; break }
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    if peek == UInt8(ascii: ",") { i += 1; sawComma = true; continue }
                    try expect(close)
                    break
                }
                if close == UInt8(ascii: "]") { return .list(items) }
                // `(3)` is just 3 in Python; `(3,)` and `()` are tuples.
                if items.count == 1 && !sawComma, let only = items.first { return only }
                return .tuple(items)
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                return .string(try string(quote: c))
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return .int(try integer())
            default:
                if let word = identifier() {
                    switch word {
                    case "True": return .bool(true)
                    case "False": return .bool(false)
                    case "None": return .none
                    default: throw ParseError(reason: "unexpected name '\(word)'")
                    }
                }
                throw ParseError(reason: "unexpected \(describe())")
            }
        }

        mutating func identifier() -> String? {
            let start = i
            while let c = peek, (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || c == UInt8(ascii: "_") {
                i += 1
            }
            if i == start { return nil }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        mutating func integer() throws(ParseError) -> Int {
            var negative = false
            if let c = peek, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
                negative = c == UInt8(ascii: "-")
                i += 1
                skipSpace()
            }
            var n = 0
            var digits = 0
            while let c = peek, c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                let (m, o1) = n.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int(c - UInt8(ascii: "0")))
                if o1 || o2 { throw ParseError(reason: "integer too large") }
                n = a
                digits += 1
                i += 1
            }
            if digits == 0 { throw ParseError(reason: "expected a digit but found \(describe())") }
            if allowLongSuffix, let c = peek, c == UInt8(ascii: "L") || c == UInt8(ascii: "l") { i += 1 }
            return negative ? -n : n
        }

        mutating func string(quote: UInt8) throws(ParseError) -> String {
            i += 1
            var out: [UInt8] = []
            while true {
                guard let c = peek else { throw ParseError(reason: "unterminated string") }
                i += 1
                if c == quote { break }
                if c == 0x0a { throw ParseError(reason: "unterminated string") }
                if c == UInt8(ascii: "\\") {
                    guard let e = peek else { throw ParseError(reason: "unterminated string") }
                    i += 1
                    switch e {
                    case UInt8(ascii: "n"): out.append(0x0a)
                    case UInt8(ascii: "t"): out.append(0x09)
                    default: out.append(e)
                    }
                    continue
                }
                out.append(c)
            }
            if utf8 {
                guard let s = String(validating: out, as: UTF8.self) else { throw ParseError(reason: "string is not valid UTF-8") }
                return s
            }
            return String(out.map { Character(Unicode.Scalar($0)) })
        }
    }
}
