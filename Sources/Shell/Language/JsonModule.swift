import Foundation
import Tensor

/// Python's `json`: `dumps`/`loads` (and `dump`/`load` with the files of `open()`), as
/// tutorials save a vocabulary or a config (`json.dump(char_to_ix, f)`). The text is CPython's
/// to the byte: its separators (`', '` and `': '`, or `','` once `indent` is given), its
/// float reprs, `NaN`/`Infinity`, `ensure_ascii`'s `\uXXXX` escapes (surrogate pairs past
/// U+FFFF), `sort_keys`, `skipkeys` and `default=`; and its decoder's errors
/// (`JSONDecodeError: Expecting value: line 1 column 1 (char 0)`), with positions counted in
/// characters as CPython counts them.
enum JsonModule {
    static let functions: Set<String> = ["dumps", "loads", "dump", "load"]

    static func attribute(_ name: String, span: Range<Int>) throws(ShellError) -> Value {
        if functions.contains(name) { return .builtin(Builtin(name: "json." + name, receiver: nil)) }
        if name == "JSONDecodeError" { return .type("JSONDecodeError") }
        throw ShellError("module 'json' has no attribute '\(name)'", span: span, kind: .attributeError)
    }

    static let encoderKeywords = ["skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls", "indent", "separators", "default", "sort_keys"]

    static func call(_ name: String, _ args: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        switch name {
        case "dumps", "dump":
            let positional = name == "dumps" ? ["obj"] : ["obj", "fp"]
            if args.count < positional.count {
                let missing = positional[args.count...]
                let names = missing.map { "'\($0)'" }
                throw ShellError("\(name)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(names.joined(separator: " and "))",
                                 span: span, kind: .typeError)
            }
            if args.count > positional.count {
                throw ShellError("\(name)() takes \(positional.count) positional argument\(positional.count == 1 ? "" : "s") but \(args.count) were given",
                                 span: span, kind: .typeError)
            }
            var encoder = try Encoder(keywords, span, ev)
            var out = ""
            try encoder.encode(args[0], level: 0, into: &out)
            if name == "dumps" { return .string(out) }
            return try write(out, to: args[1], span, ev)
        case "loads", "load":
            if args.count != 1 {
                throw ShellError("\(name)() takes 1 positional argument but \(args.count) were given", span: span, kind: .typeError)
            }
            for (k, _) in keywords where !["cls", "object_hook", "parse_float", "parse_int", "parse_constant", "object_pairs_hook", "strict"].contains(k) {
                throw ShellError("JSONDecoder.__init__() got an unexpected keyword argument '\(k)'", span: span, kind: .typeError)
            }
            // The hooks change what is decoded: ignoring one would answer something else
            // without a word (None and strict=True are the defaults, so they are fine).
            for (k, v) in keywords where !v.isNone {
                if k == "strict", case .bool(true) = v { continue }
                throw ShellError("json.\(name)'s \(k)= is not supported", explanation: "decode without it and convert the result", span: span, kind: .notImplementedError)
            }
            let text: String
            if name == "load" {
                let r = try ev.callPython(try ev.attribute(args[0], "read", span), [], [], span: span)
                guard case .string(let s) = r else {
                    throw ShellError("the JSON object must be str, bytes or bytearray, not \(r.typeName)", span: span, kind: .typeError)
                }
                text = s
            } else {
                guard case .string(let s) = args[0] else {
                    throw ShellError("the JSON object must be str, bytes or bytearray, not \(args[0].typeName)", span: span, kind: .typeError)
                }
                text = s
            }
            // The text as scalars, 4 bytes each beside the string, asked of the memory budget
            // first (a string near the budget would otherwise double past it).
            let (scalarBytes, overflow) = text.utf8.count.multipliedReportingOverflow(by: MemoryLayout<Unicode.Scalar>.stride)
            try PythonArithmetic.reserve(overflow ? Int.max : scalarBytes, "the characters of a JSON text", span)
            var decoder = Decoder(Array(text.unicodeScalars), span: span)
            return try decoder.document()
        default:
            throw ShellError("module 'json' has no attribute '\(name)'", span: span, kind: .attributeError)
        }
    }

    /// `json.dump(obj, fp)`: CPython writes the text in pieces through `fp.write`; one write
    /// of the whole text leaves the same file.
    static func write(_ text: String, to fp: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value {
        let method = try ev.attribute(fp, "write", span)
        _ = try ev.callPython(method, [.string(text)], [], span: span)
        return .none
    }

    // MARK: - Encoding

    struct Encoder {
        let skipKeys: Bool
        let ensureASCII: Bool
        let checkCircular: Bool
        let allowNaN: Bool
        let indent: String?
        let itemSeparator: String
        let keySeparator: String
        let defaultFunction: Value?
        let sortKeys: Bool
        let span: Range<Int>
        let ev: Evaluator
        /// The containers being encoded, for "Circular reference detected".
        var open: Set<ObjectIdentifier> = []

        init(_ keywords: [(String, Value)], _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) {
            self.span = span
            self.ev = ev
            var given: [String: Value] = [:]
            for (k, v) in keywords {
                guard JsonModule.encoderKeywords.contains(k) else {
                    throw ShellError("JSONEncoder.__init__() got an unexpected keyword argument '\(k)'", span: span, kind: .typeError)
                }
                given[k] = v
            }
            func flag(_ k: String, _ d: Bool) throws(ShellError) -> Bool { try given[k].map { (v) throws(ShellError) -> Bool in try ev.truth(v, span) } ?? d }
            skipKeys = try flag("skipkeys", false)
            ensureASCII = try flag("ensure_ascii", true)
            checkCircular = try flag("check_circular", true)
            allowNaN = try flag("allow_nan", true)
            sortKeys = try flag("sort_keys", false)
            if let c = given["cls"], !c.isNone {
                throw ShellError("json's cls= is not supported", explanation: "pass default= to encode other objects", span: span, kind: .notImplementedError)
            }
            switch given["indent"] ?? .none {
            case .none: indent = nil
            case .int(let n):
                // CPython repeats ' ' n times; the memory budget bounds what that can build.
                try PythonArithmetic.reserve(bytes: max(n, 0), 0, span)
                indent = String(repeating: " ", count: max(n, 0))
            case .bool(let b): indent = b ? " " : ""
            case .string(let s): indent = s
            case let other:
                throw ShellError("can't multiply sequence by non-int of type '\(other.typeName)'", span: span, kind: .typeError)
            }
            if let seps = given["separators"], !seps.isNone {
                guard let items = seps.sequenceItems, items.count == 2, case .string(let a) = items[0], case .string(let b) = items[1] else {
                    throw ShellError("separators must be a (item_separator, key_separator) pair of str", span: span, kind: .typeError)
                }
                itemSeparator = a
                keySeparator = b
            } else {
                itemSeparator = indent == nil ? ", " : ","
                keySeparator = ": "
            }
            let d = given["default"] ?? .none
            defaultFunction = d.isNone ? nil : d
        }

        func string(_ s: String) -> String {
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{08}": out += "\\b"
                case "\u{0C}": out += "\\f"
                default:
                    if u.value < 0x20 || (ensureASCII && u.value > 0x7E) {
                        if u.value > 0xFFFF {
                            let v = u.value - 0x10000
                            out += hex4(0xD800 + (v >> 10)) + hex4(0xDC00 + (v & 0x3FF))
                        } else {
                            out += hex4(u.value)
                        }
                    } else {
                        out.unicodeScalars.append(u)
                    }
                }
            }
            return out + "\""
        }

        func hex4(_ v: UInt32) -> String {
            let h = String(v, radix: 16)
            return "\\u" + String(repeating: "0", count: max(0, 4 - h.count)) + h
        }

        func float(_ d: Double) throws(ShellError) -> String {
            if d.isFinite { return ValueFormatter.pythonFloat(d) }
            if !allowNaN { throw ShellError("Out of range float values are not JSON compliant", span: span, kind: .valueError) }
            return d.isNaN ? "NaN" : (d > 0 ? "Infinity" : "-Infinity")
        }

        /// A dict key as JSON's object keys must be: a string.
        func key(_ k: Value) throws(ShellError) -> String? {
            switch k {
            case .string(let s): return s
            case .float(let d): return try float(d)
            case .bool(let b): return b ? "true" : "false"
            case .none: return "null"
            case .int, .bigint: return ValueFormatter.repr(k)
            case .scalar(let a) where a.dtype == .float64: return try float(a.scalars.first?.doubleValue ?? 0)
            default:
                if skipKeys { return nil }
                throw ShellError("keys must be str, int, float, bool or None, not \(k.typeName)", span: span, kind: .typeError)
            }
        }

        func notSerializable(_ v: Value) -> ShellError {
            let t = v.typeName.split(separator: ".").last.map(String.init) ?? v.typeName
            return ShellError("Object of type \(t) is not JSON serializable", span: span, kind: .typeError)
        }

        mutating func enter(_ id: ObjectIdentifier) throws(ShellError) {
            if Interrupt.isRequested { throw Interrupt.error }
            if checkCircular {
                if open.contains(id) { throw ShellError("Circular reference detected", span: span, kind: .valueError) }
                open.insert(id)
            }
        }

        mutating func encode(_ v: Value, level: Int, into out: inout String) throws(ShellError) {
            // CPython's encoder recurses in C and stops at the interpreter's recursion limit.
            if level > 990 { throw ShellError("maximum recursion depth exceeded while encoding a JSON object", span: span, kind: .recursionError) }
            try PythonArithmetic.reserve(bytes: out.utf8.count, 0, span)
            switch v {
            case .none: out += "null"
            case .bool(let b): out += b ? "true" : "false"
            case .int, .bigint:
                try PyNumbers.checkDigits(v, span)
                out += ValueFormatter.repr(v)
            case .float(let d): out += try float(d)
            case .string(let s): out += string(s)
            // np.float64 is a Python float (its subclass), so json takes it; numpy's other
            // scalars are not and are refused, as CPython refuses them.
            case .scalar(let a) where a.dtype == .float64: out += try float(a.scalars.first?.doubleValue ?? 0)
            case .list(let l):
                try enter(ObjectIdentifier(l))
                try sequence(l.items, level: level, into: &out)
                open.remove(ObjectIdentifier(l))
            case .tuple(let items):
                try sequence(Array(items), level: level, into: &out)
            case .object(let t as NamedTupleValue):
                try sequence(t.values, level: level, into: &out)
            case .dict(let d):
                let id = ObjectIdentifier(d.table)
                try enter(id)
                var items = d.items
                if sortKeys {
                    var failure: ShellError?
                    let ev = self.ev, span = self.span
                    items.sort { a, b in
                        guard failure == nil else { return false }
                        do throws(ShellError) { return try ev.truth(try ev.operate("<", a.0, b.0, span), span) } catch { failure = error; return false }
                    }
                    if let failure { throw failure }
                }
                var pairs: [(String, Value)] = []
                for (k, value) in items { if let s = try key(k) { pairs.append((s, value)) } }
                if pairs.isEmpty { out += "{}" } else {
                    out += "{"
                    let (first, separator, last) = layout(level)
                    out += first
                    for (i, (k, value)) in pairs.enumerated() {
                        if i > 0 { out += separator }
                        out += string(k) + keySeparator
                        try encode(value, level: level + 1, into: &out)
                    }
                    out += last + "}"
                }
                open.remove(id)
            default:
                guard let f = defaultFunction else { throw notSerializable(v) }
                let identity: ObjectIdentifier? = { if case .object(let o as AnyObject) = v { return ObjectIdentifier(o) } else { return nil } }()
                if let identity { try enter(identity) }
                let replaced = try ev.callPython(f, [v], [], span: span)
                try encode(replaced, level: level, into: &out)
                if let identity { open.remove(identity) }
            }
        }

        /// The text before the first item, between items and after the last: CPython puts a
        /// newline and one more indent per level when `indent` is given.
        func layout(_ level: Int) -> (String, String, String) {
            guard let indent else { return ("", itemSeparator, "") }
            let inner = "\n" + String(repeating: indent, count: level + 1)
            return (inner, itemSeparator + inner, "\n" + String(repeating: indent, count: level))
        }

        mutating func sequence(_ items: [Value], level: Int, into out: inout String) throws(ShellError) {
            if items.isEmpty { out += "[]"; return }
            out += "["
            let (first, separator, last) = layout(level)
            out += first
            for (i, x) in items.enumerated() {
                if i > 0 { out += separator }
                try encode(x, level: level + 1, into: &out)
            }
            out += last + "]"
        }
    }

    // MARK: - Decoding

    /// CPython's scanner (Lib/json/decoder.py, Modules/_json.c): the same grammar and the same
    /// error at the same character.
    struct Decoder {
        let s: [Unicode.Scalar]
        let span: Range<Int>
        var depth = 0
        /// Values made so far: every 65,536 the budget is asked for them all, so `'[' + '0,' * n`
        /// (a value of 16 bytes or more per 2 characters of text) is refused before it exhausts it.
        var made = 0

        init(_ s: [Unicode.Scalar], span: Range<Int>) {
            self.s = s
            self.span = span
        }

        func error(_ message: String, _ pos: Int) -> ShellError {
            var line = 1, lastNewline = -1
            for i in 0..<min(pos, s.count) where s[i] == "\n" { line += 1; lastNewline = i }
            let column = pos - lastNewline
            return ShellError("\(message): line \(line) column \(column) (char \(pos))", span: span, kind: .jsonDecodeError)
        }

        func skipSpace(_ i: Int) -> Int {
            var i = i
            while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\n" || s[i] == "\r" { i += 1 }
            return i
        }

        mutating func document() throws(ShellError) -> Value {
            let start = skipSpace(0)
            guard let (v, end) = try value(at: start) else { throw error("Expecting value", start) }
            let after = skipSpace(end)
            if after != s.count { throw error("Extra data", after) }
            return v
        }

        func matches(_ word: String, at i: Int) -> Bool {
            let w = Array(word.unicodeScalars)
            guard i + w.count <= s.count else { return false }
            return Array(s[i..<(i + w.count)]) == w
        }

        /// The value starting at `i` and where it ends; nil when none starts there ("Expecting value").
        mutating func value(at i: Int) throws(ShellError) -> (Value, Int)? {
            guard i < s.count else { return nil }
            if Interrupt.isRequested { throw Interrupt.error }
            switch s[i] {
            case "\"": return try string(from: i + 1)
            case "{":
                depth += 1
                defer { depth -= 1 }
                if depth > 990 { throw ShellError("maximum recursion depth exceeded while decoding a JSON object from a unicode string", span: span, kind: .recursionError) }
                return try object(from: i + 1)
            case "[":
                depth += 1
                defer { depth -= 1 }
                if depth > 990 { throw ShellError("maximum recursion depth exceeded while decoding a JSON array from a unicode string", span: span, kind: .recursionError) }
                return try array(from: i + 1)
            case "n" where matches("null", at: i): return (.none, i + 4)
            case "t" where matches("true", at: i): return (.bool(true), i + 4)
            case "f" where matches("false", at: i): return (.bool(false), i + 5)
            case "N" where matches("NaN", at: i): return (.float(.nan), i + 3)
            case "I" where matches("Infinity", at: i): return (.float(.infinity), i + 8)
            case "-" where matches("-Infinity", at: i): return (.float(-.infinity), i + 9)
            default: return try number(at: i)
            }
        }

        /// JSON's number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`, an int unless it
        /// has a fraction or an exponent.
        func number(at start: Int) throws(ShellError) -> (Value, Int)? {
            func isDigit(_ i: Int) -> Bool { i < s.count && s[i].value >= 48 && s[i].value <= 57 }
            var i = start
            if i < s.count, s[i] == "-" { i += 1 }
            guard isDigit(i) else { return nil }
            if s[i] == "0" { i += 1 } else { while isDigit(i) { i += 1 } }
            var isFloat = false
            if i < s.count, s[i] == ".", isDigit(i + 1) {
                i += 1
                while isDigit(i) { i += 1 }
                isFloat = true
            }
            if i < s.count, s[i] == "e" || s[i] == "E" {
                var j = i + 1
                if j < s.count, s[j] == "+" || s[j] == "-" { j += 1 }
                if isDigit(j) {
                    while isDigit(j) { j += 1 }
                    i = j
                    isFloat = true
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: s[start..<i])
            if isFloat { return (.float(Double(text) ?? .nan), i) }
            if let n = Int(text) { return (.int(n), i) }
            // CPython's int(): past 4,300 digits it refuses (sys.get_int_max_str_digits).
            let digits = text.unicodeScalars.count - (text.hasPrefix("-") ? 1 : 0)
            if digits > 4300 { throw PyNumbers.digitLimit(span, parsedDigits: digits) }
            guard let b = BigInt(decimal: text) else { return nil }
            return (PythonArithmetic.normalized(b), i)
        }

        func string(from begin: Int) throws(ShellError) -> (Value, Int) {
            var out = String.UnicodeScalarView()
            var i = begin
            func hex(_ at: Int) -> UInt32? {
                guard at + 4 <= s.count else { return nil }
                var v: UInt32 = 0
                for k in at..<(at + 4) {
                    guard let d = Int(String(s[k]), radix: 16), s[k].isASCII else { return nil }
                    v = v * 16 + UInt32(d)
                }
                return v
            }
            while true {
                guard i < s.count else { throw error("Unterminated string starting at", begin - 1) }
                let c = s[i]
                if c == "\"" { return (.string(String(out)), i + 1) }
                if c.value < 0x20 { throw error("Invalid control character at", i) }
                if c != "\\" { out.append(c); i += 1; continue }
                guard i + 1 < s.count else { throw error("Unterminated string starting at", begin - 1) }
                let e = s[i + 1]
                switch e {
                case "\"": out.append("\""); i += 2
                case "\\": out.append("\\"); i += 2
                case "/": out.append("/"); i += 2
                case "b": out.append("\u{08}"); i += 2
                case "f": out.append("\u{0C}"); i += 2
                case "n": out.append("\n"); i += 2
                case "r": out.append("\r"); i += 2
                case "t": out.append("\t"); i += 2
                case "u":
                    guard var v = hex(i + 2) else { throw error("Invalid \\uXXXX escape", i + 1) }
                    i += 6
                    if (0xD800...0xDBFF).contains(v), i + 1 < s.count, s[i] == "\\", s[i + 1] == "u", let low = hex(i + 2), (0xDC00...0xDFFF).contains(low) {
                        v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                    guard let u = Unicode.Scalar(v) else {
                        // A lone surrogate is a str in CPython; a Swift string cannot hold one.
                        throw ShellError("a lone surrogate (\\u\(String(v, radix: 16))) cannot be held by rnnsh's strings", span: span, kind: .notImplementedError)
                    }
                    out.append(u)
                default:
                    throw error("Invalid \\escape", i)
                }
            }
        }

        mutating func object(from start: Int) throws(ShellError) -> (Value, Int) {
            let d = PyDict()
            var end = skipSpace(start)
            if end < s.count, s[end] == "}" { return (.dict(d), end + 1) }
            guard end < s.count, s[end] == "\"" else { throw error("Expecting property name enclosed in double quotes", end) }
            while true {
                let (key, afterKey) = try string(from: end + 1)
                end = skipSpace(afterKey)
                guard end < s.count, s[end] == ":" else { throw error("Expecting ':' delimiter", end) }
                end = skipSpace(end + 1)
                guard let (v, afterValue) = try value(at: end) else { throw error("Expecting value", end) }
                try d.set(key, v, span: span)
                try count()
                end = skipSpace(afterValue)
                guard end < s.count else { throw error("Expecting ',' delimiter", end) }
                let next = s[end]
                end += 1
                if next == "}" { return (.dict(d), end) }
                guard next == "," else { throw error("Expecting ',' delimiter", end - 1) }
                end = skipSpace(end)
                guard end < s.count, s[end] == "\"" else { throw error("Expecting property name enclosed in double quotes", end) }
            }
        }

        mutating func count() throws(ShellError) {
            made += 1
            if made & 0xFFFF == 0 { try PythonArithmetic.reserve(items: made, 0, "the decoded JSON", span) }
        }

        mutating func array(from start: Int) throws(ShellError) -> (Value, Int) {
            var items: [Value] = []
            var end = skipSpace(start)
            if end < s.count, s[end] == "]" { return (.list(PyList(items)), end + 1) }
            while true {
                guard let (v, afterValue) = try value(at: end) else { throw error("Expecting value", end) }
                items.append(v)
                try count()
                end = skipSpace(afterValue)
                guard end < s.count else { throw error("Expecting ',' delimiter", end) }
                let next = s[end]
                end += 1
                if next == "]" { return (.list(PyList(items)), end) }
                guard next == "," else { throw error("Expecting ',' delimiter", end - 1) }
                end = skipSpace(end)
            }
        }
    }
}
