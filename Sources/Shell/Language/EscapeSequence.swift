/// The escapes of a Python string literal that name a character: `\x41`, `\u00e9`,
/// `\U0001F44D`, `\N{GREEK SMALL LETTER ALPHA}` and octal `\012`. `'\U0001F44D'` was the 10
/// characters as written and `'\012'` a NUL followed by "12"; a truncated or out-of-range
/// escape is CPython's SyntaxError, with its positions: bytes of the literal's text, where
/// CPython counts each non-ASCII character as the 10 bytes of its `\UXXXXXXXX` form.
enum EscapeSequence {
    /// How many scalars the escape at `j` (its backslash) takes, once `scalar` accepted it.
    static func length(_ s: [Unicode.Scalar], at j: Int) -> Int {
        switch s[j + 1] {
        case "x": return 4
        case "u": return 6
        case "U": return 10
        case "N":
            var k = j + 3
            while k < s.count && s[k] != "}" { k += 1 }
            return k + 1 - j
        default:
            var k = j + 1
            while k < s.count && k < j + 4 && ("0"..."7").contains(s[k]) { k += 1 }
            return k - j
        }
    }

    /// The character the escape at `j` names.
    static func scalar(_ s: [Unicode.Scalar], at j: Int, contentStart: Int) throws(ShellError) -> Unicode.Scalar {
        let kind = s[j + 1]
        func position() -> Int { s[contentStart..<j].reduce(0) { $0 + ($1.isASCII ? 1 : 10) } }
        func fail(_ reason: String, last: Int) -> ShellError {
            let p = position()
            return ShellError("(unicode error) 'unicodeescape' codec can't decode bytes in position \(p)-\(p + last - j): \(reason)",
                              span: j..<(last + 1), kind: .syntaxError)
        }
        func hex(_ count: Int) throws(ShellError) -> UInt32 {
            var v: UInt32 = 0
            for k in 0..<count {
                let i = j + 2 + k
                guard i < s.count, let d = hexDigit(s[i]) else {
                    throw fail("truncated \\\(kind)\(String(repeating: "X", count: count)) escape", last: j + 1 + k)
                }
                v = v << 4 | d
            }
            return v
        }
        switch kind {
        case "x", "u", "U":
            let v = try hex(kind == "x" ? 2 : kind == "u" ? 4 : 8)
            guard v < 0x110000 else { throw fail("illegal Unicode character", last: j + 9) }
            guard let u = Unicode.Scalar(v) else {
                throw ShellError("rnnsh's strings cannot hold a lone surrogate (U+\(String(v, radix: 16, uppercase: true)))",
                                 span: j..<(j + length(s, at: j)), kind: .notImplementedError)
            }
            return u
        case "N":
            guard j + 2 < s.count, s[j + 2] == "{", let close = s[(j + 3)...].firstIndex(of: "}"), close > j + 3 else {
                throw fail("malformed \\N character escape", last: j + 1)
            }
            let name = String(String.UnicodeScalarView(s[(j + 3)..<close])).uppercased()
            guard let u = named(name) else { throw fail("unknown Unicode character name", last: close) }
            return u
        default:
            var v: UInt32 = 0
            var k = j + 1
            while k < s.count && k < j + 4 && ("0"..."7").contains(s[k]) {
                v = v * 8 + (s[k].value - 48)
                k += 1
            }
            // At most 0o777: always a scalar.
            return Unicode.Scalar(v) ?? "\u{0}"
        }
    }

    static func hexDigit(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": return c.value - 48
        case "a"..."f": return c.value - 87
        case "A"..."F": return c.value - 55
        default: return nil
        }
    }

    /// The character with this Unicode name or alias (upper case), found by a scan of every
    /// scalar the first time a `\N{…}` escape is read.
    static func named(_ name: String) -> Unicode.Scalar? { names[name] }

    private static let names: [String: Unicode.Scalar] = {
        var t: [String: Unicode.Scalar] = [:]
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            if let n = u.properties.name { t[n] = u }
            if let a = u.properties.nameAlias, t[a] == nil { t[a] = u }
        }
        return t
    }()
}
