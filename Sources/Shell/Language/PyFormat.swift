import Foundation
import Tensor

/// Python's string formatting: the format-spec mini-language (`f'{x:>8.3f}'`, `format(x, ',')`),
/// `str.format`, and `%` formatting — with Python's results and errors.
enum PyFormat {
    struct Spec {
        var fill: Character = " "
        /// Whether the spec names its fill (`x>8`): the `0` flag then pads with that, not '0'.
        var fillGiven = false
        var align: Character? = nil
        var sign: Character = "-"
        var alternate = false
        var zero = false
        var width = 0
        var grouping: Character? = nil
        var precision: Int? = nil
        var type: Character? = nil
    }

    static func parse(_ text: String, span: Range<Int>) throws(ShellError) -> Spec {
        var spec = Spec()
        var c = Array(text)
        var i = 0
        func isAlign(_ ch: Character) -> Bool { "<>=^".contains(ch) }
        if c.count >= 2 && isAlign(c[1]) {
            spec.fill = c[0]; spec.fillGiven = true; spec.align = c[1]; i = 2
        } else if c.count >= 1 && isAlign(c[0]) {
            spec.align = c[0]; i = 1
        }
        if i < c.count && "+- ".contains(c[i]) { spec.sign = c[i]; i += 1 }
        if i < c.count && c[i] == "z" { i += 1 }
        if i < c.count && c[i] == "#" { spec.alternate = true; i += 1 }
        if i < c.count && c[i] == "0" { spec.zero = true; i += 1 }
        var w = ""
        while i < c.count && c[i].isNumber { w.append(c[i]); i += 1 }
        if !w.isEmpty {
            guard let n = Int(w) else { throw ShellError("Too many decimal digits in format string", span: span, kind: .valueError) }
            spec.width = n
            // `f'{x:>{10**12}}'` would build a terabyte of padding: refused by the memory
            // budget before allocating, as `'a' * 10**12` is (it was a Swift trap, rc 134).
            try PythonArithmetic.reserve(n, "a string of \(n) bytes", span)
        }
        if i < c.count && (c[i] == "," || c[i] == "_") { spec.grouping = c[i]; i += 1 }
        if i < c.count && c[i] == "." {
            i += 1
            var p = ""
            while i < c.count && c[i].isNumber { p.append(c[i]); i += 1 }
            if p.isEmpty { throw ShellError("Format specifier missing precision", span: span, kind: .valueError) }
            guard let n = Int(p) else { throw ShellError("Too many decimal digits in format string", span: span, kind: .valueError) }
            try checkPrecision(n, span)
            spec.precision = n
        }
        if i < c.count { spec.type = c[i]; i += 1 }
        if i < c.count {
            c = Array(text)
            throw ShellError("Invalid format specifier '\(text)' for object of type 'str'", span: span, kind: .valueError)
        }
        return spec
    }

    /// CPython refuses a precision past a C int ("precision too big"); below that, the digits
    /// are a string of that many bytes, checked against the memory budget before formatting
    /// (`'%.1000000000000f' % 1.5` was a Swift trap, rc 132).
    static func checkPrecision(_ p: Int, _ span: Range<Int>) throws(ShellError) {
        if p > Int(Int32.max) { throw ShellError("precision too big", span: span, kind: .valueError) }
        try PythonArithmetic.reserve(p, "a string of \(p) bytes", span)
    }

    /// `format(value, spec)`.
    static func formatValue(_ v: Value, _ specText: String, span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> String {
        if specText.isEmpty {
            // numpy formats a scalar (and a 0-d array) as the Python number it holds, so
            // f'{np.float32(0.1)}' is '0.10000000149011612' although str() gives '0.1'.
            var held: Scalar? = nil
            if case .scalar(let a) = v { held = a.scalars.first }
            if case .array(let a) = v, a.shape.isEmpty { held = a.scalars.first }
            switch held {
            case .float32?, .float64?: return ValueFormatter.str(.float(held?.doubleValue ?? 0))
            default: return ValueFormatter.str(v)
            }
        }
        let spec = try parse(specText, span: span)
        switch v {
        case .int(let i): return try formatInt(i, spec, specText, span)
        case .bool(let b): return try formatInt(b ? 1 : 0, spec, specText, span)
        case .float(let d): return try formatFloat(d, spec, specText, span)
        case .string(let s):
            if let t = spec.type, t != "s" {
                throw ShellError("Unknown format code '\(t)' for object of type 'str'", span: span, kind: .valueError)
            }
            if spec.sign == " " { throw ShellError("Space not allowed in string format specifier", span: span, kind: .valueError) }
            if spec.sign != "-" { throw ShellError("Sign not allowed in string format specifier", span: span, kind: .valueError) }
            if spec.alternate { throw ShellError("Alternate form (#) not allowed in string format specifier", span: span, kind: .valueError) }
            if let g = spec.grouping { throw ShellError("Cannot specify '\(g)' with 's'.", span: span, kind: .valueError) }
            if spec.align == "=" { throw ShellError("'=' alignment not allowed in string format specifier", span: span, kind: .valueError) }
            var text = s
            if let p = spec.precision { text = String(String.UnicodeScalarView(Array(s.unicodeScalars).prefix(p))) }
            var padded = spec
            if spec.zero && !spec.fillGiven { padded.fill = "0" }
            return pad(text, padded, defaultAlign: "<")
        case .scalar(let a):
            guard let s = a.scalars.first else { break }
            switch s {
            case .int(let i): return try formatInt(Int(i), spec, specText, span)
            case .bool(let b): return try formatInt(b ? 1 : 0, spec, specText, span)
            default: return try formatFloat(s.doubleValue, spec, specText, span)
            }
        case .array(let a) where a.ndim == 0:
            // numpy's ndarray.__format__ formats a 0-d array as its scalar (`f"{np.array(2.5):.1f}"`
            // is '2.5'); only arrays with axes refuse a format spec.
            return try formatValue(.scalar(a), specText, span: span, evaluator: ev)
        default: break
        }
        throw ShellError("unsupported format string passed to \(v.typeName).__format__", span: span, kind: .typeError)
    }

    static func pad(_ s: String, _ spec: Spec, defaultAlign: Character, signLength: Int = 0) -> String {
        // No width to reach (the usual case): the scalars are not counted, which took a second
        // for the billion digits of `format(1.5, '.1000000000f')`.
        if spec.width <= s.utf8.count / 4 { return s }
        let n = s.unicodeScalars.count
        guard spec.width > n else { return s }
        let total = spec.width - n
        let fill = String(spec.fill)
        switch spec.align ?? defaultAlign {
        case "<": return s + PythonArithmetic.repeatedString(fill, total)
        case "^":
            let left = total / 2
            return PythonArithmetic.repeatedString(fill, left) + s + PythonArithmetic.repeatedString(fill, total - left)
        case "=":
            let chars = Array(s)
            let head = String(chars.prefix(signLength))
            return head + PythonArithmetic.repeatedString(fill, total) + String(chars.dropFirst(signLength))
        default: return PythonArithmetic.repeatedString(fill, total) + s
        }
    }

    static func group(_ digits: String, _ sep: Character, every: Int = 3) -> String {
        var out: [Character] = []
        for (k, ch) in digits.reversed().enumerated() {
            if k > 0 && k % every == 0 { out.append(sep) }
            out.append(ch)
        }
        return String(out.reversed())
    }

    static func signed(_ body: String, negative: Bool, _ spec: Spec) -> (String, Int) {
        let sign = negative ? "-" : (spec.sign == "+" ? "+" : (spec.sign == " " ? " " : ""))
        return (sign + body, sign.count)
    }

    static func finish(_ body: String, negative: Bool, prefix: String = "", _ spec: Spec) -> String {
        var spec = spec
        let (s, signLen) = signed(prefix + body, negative: negative, spec)
        // The `0` flag pads with zeros unless a fill is named (`f'{42:>08.2f}'` is
        // '00042.00'); without an alignment it is sign-aware ('=').
        if spec.zero && !spec.fillGiven {
            spec.fill = "0"
            if spec.align == nil { spec.align = "=" }
        }
        return pad(s, spec, defaultAlign: ">", signLength: signLen + prefix.count)
    }

    static func formatInt(_ i: Int, _ spec: Spec, _ text: String, _ span: Range<Int>) throws(ShellError) -> String {
        switch spec.type {
        case nil, "d", "n":
            if spec.precision != nil { throw ShellError("Precision not allowed in integer format specifier", span: span, kind: .valueError) }
            var digits = String(i.magnitude)
            if let g = spec.grouping { digits = group(digits, g) }
            return finish(digits, negative: i < 0, spec)
        case "x", "X", "o", "b":
            let radix = spec.type == "o" ? 8 : (spec.type == "b" ? 2 : 16)
            var digits = String(i.magnitude, radix: radix, uppercase: spec.type == "X")
            if let g = spec.grouping { digits = group(digits, g, every: 4) }
            let prefix = spec.alternate ? "0" + String(spec.type ?? "x") : ""
            return finish(digits, negative: i < 0, prefix: prefix, spec)
        case "c":
            // Clamping made -1 a NUL; CPython refuses anything outside 0..<0x110000. (A lone
            // surrogate, which CPython gives, is no Swift string: it is refused the same way.)
            guard (0..<0x110000).contains(i), let u = Unicode.Scalar(UInt32(i)) else {
                throw ShellError("%c arg not in range(0x110000)", span: span, kind: .overflowError)
            }
            return pad(String(Character(u)), spec, defaultAlign: "<")
        case "e", "E", "f", "F", "g", "G", "%":
            return try formatFloat(Double(i), spec, text, span)
        case let t?:
            throw ShellError("Unknown format code '\(t)' for object of type 'int'", span: span, kind: .valueError)
        }
    }

    static func formatFloat(_ d: Double, _ spec: Spec, _ text: String, _ span: Range<Int>) throws(ShellError) -> String {
        let negative = d.sign == .minus && !(d.isNaN)
        let x = Swift.abs(d)
        var body: String
        if x.isNaN || x.isInfinite {
            body = x.isNaN ? "nan" : "inf"
            if spec.type == "E" || spec.type == "F" || spec.type == "G" { body = body.uppercased() }
            if spec.type == "%" { body += "%" }
            var s = spec
            if s.zero && s.align == nil { s.zero = false }
            return finish(body, negative: negative, s)
        }
        switch spec.type {
        case "f", "F":
            body = try printf(x, "f", spec.precision ?? 6)
        case "e", "E":
            body = try printf(x, "e", spec.precision ?? 6)
            if spec.type == "E" { body = body.uppercased() }
        case "%":
            body = try printf(x * 100, "f", spec.precision ?? 6) + "%"
        case "g", "G":
            let p = max(spec.precision ?? 6, 1)
            body = try printf(x, "g", p, alternate: spec.alternate)
            if spec.type == "G" { body = body.uppercased() }
        case nil, "n":
            if let p = spec.precision {
                body = try printf(x, "g", max(p, 1))
                // Python's default type keeps one digit after the point in fixed notation.
                if !body.contains("e") && !body.contains(".") && !body.contains("inf") && p > body.filter(\.isNumber).count { body += ".0" }
                if !body.contains("e") && !body.contains(".") {
                    if body.filter(\.isNumber).count < p { body += ".0" }
                }
            } else {
                body = ValueFormatter.pythonFloat(x)
            }
        case let t?:
            throw ShellError("Unknown format code '\(t)' for object of type 'float'", span: span, kind: .valueError)
        }
        if let g = spec.grouping {
            let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let intPart = String(parts[0])
            if intPart.allSatisfy(\.isNumber) {
                body = group(intPart, g) + (parts.count > 1 ? "." + parts[1] : "")
            }
        }
        return finish(body, negative: negative, spec)
    }

    /// A double's exact decimal expansion ends within 1,074 digits after the point (767
    /// significant digits), so printf's digits past `exactDigits` are zeros: they are appended
    /// here instead of asked of printf, which took over 30 s for `format(1.5, '.1000000000f')`
    /// and could not be interrupted. Without `#`, %g drops trailing zeros, so its precision is
    /// simply capped.
    static let exactDigits = 1100

    static func printf(_ x: Double, _ conversion: Character, _ precision: Int, alternate: Bool = false) throws(ShellError) -> String {
        let flag = alternate ? "#" : ""
        if precision <= exactDigits { return String(format: "%\(flag).\(precision)\(conversion)", x) }
        let head = String(format: "%\(flag).\(exactDigits)\(conversion)", x)
        if conversion == "g" && !alternate { return head }
        // Written as bytes: String(repeating:) built a billion zeros one at a time (20 s). In
        // slices of 64 MiB, so Ctrl-C stops a billion-digit precision between two of them.
        let digits = Array(head.utf8)
        let cut = digits.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) ?? digits.count
        let zeros = precision - exactDigits
        var interrupted = false
        let text = String(unsafeUninitializedCapacity: digits.count + zeros) { out in
            guard let base = out.baseAddress else { return 0 }
            digits.withUnsafeBufferPointer { d in
                guard let src = d.baseAddress else { return }
                base.initialize(from: src, count: cut)
                var written = 0
                while written < zeros {
                    if Interrupt.isRequested { interrupted = true; return }
                    let n = Swift.min(64 << 20, zeros - written)
                    (base + cut + written).initialize(repeating: UInt8(ascii: "0"), count: n)
                    written += n
                }
                (base + cut + zeros).initialize(from: src + cut, count: d.count - cut)
            }
            return interrupted ? 0 : digits.count + zeros
        }
        if interrupted { throw Interrupt.error }
        return text
    }

    /// `'{} {name!r:>5}'.format(…)`
    static func format(_ template: String, _ args: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> String {
        var auto = 0
        return try format(template, args, keywords, span: span, evaluator: ev, auto: &auto)
    }

    /// `auto` is the next automatic field number, shared with the fields nested in a spec:
    /// CPython numbers a field before the fields of its spec (`'{:.{}f}'.format(1.5, 10)` is
    /// `1.5` with precision 10), as one count over the whole template.
    private static func format(_ template: String, _ args: [Value], _ keywords: [(String, Value)], span: Range<Int>,
                               evaluator ev: Evaluator, auto: inout Int) throws(ShellError) -> String {
        let c = Array(template)
        var out = ""
        var i = 0
        while i < c.count {
            let ch = c[i]
            if ch == "{" {
                if i + 1 < c.count && c[i + 1] == "{" { out.append("{"); i += 2; continue }
                var j = i + 1
                var nest = 0
                while j < c.count {
                    if c[j] == "{" { nest += 1 } else if c[j] == "}" { if nest == 0 { break }; nest -= 1 }
                    j += 1
                }
                guard j < c.count else { throw ShellError("expected '}' before end of string", span: span, kind: .valueError) }
                let field = String(c[(i + 1)..<j])
                var name = field
                var spec = ""
                var conversion: Character? = nil
                if let colon = firstTopLevel(field, ":") {
                    spec = String(field[field.index(after: colon)...])
                    name = String(field[..<colon])
                }
                if let bang = name.firstIndex(of: "!") {
                    let conv = name[name.index(after: bang)...]
                    guard conv.count == 1, let cv = conv.first, "rsa".contains(cv) else {
                        throw ShellError("Unknown conversion specifier \(conv)", span: span, kind: .valueError)
                    }
                    conversion = cv
                    name = String(name[..<bang])
                }
                // The first part: an index, a keyword, or nothing (automatic numbering).
                var head = name
                var rest = ""
                if let k = name.firstIndex(where: { $0 == "." || $0 == "[" }) {
                    head = String(name[..<k])
                    rest = String(name[k...])
                }
                var value: Value
                if head.isEmpty {
                    guard auto < args.count else {
                        throw ShellError("Replacement index \(auto) out of range for positional args tuple", span: span, kind: .indexError)
                    }
                    value = args[auto]
                    auto += 1
                } else if let n = Int(head) {
                    guard n < args.count else {
                        throw ShellError("Replacement index \(n) out of range for positional args tuple", span: span, kind: .indexError)
                    }
                    value = args[n]
                } else {
                    guard let v = Builtins.keyword(keywords, head) else { throw ShellError("'\(head)'", span: span, kind: .keyError) }
                    value = v
                }
                var r = Substring(rest)
                while let f = r.first {
                    if f == "." {
                        r = r.dropFirst()
                        let attr = r.prefix { $0 != "." && $0 != "[" }
                        r = r.dropFirst(attr.count)
                        value = try ev.attribute(value, String(attr), span)
                    } else if f == "[" {
                        guard let close = r.firstIndex(of: "]") else { throw ShellError("Missing ']' in format string", span: span, kind: .valueError) }
                        let key = String(r[r.index(after: r.startIndex)..<close])
                        r = r[r.index(after: close)...]
                        value = try ev.subscriptValue(value, [Int(key).map { .int($0) } ?? .string(key)], span)
                    } else {
                        break
                    }
                }
                if spec.contains("{") { spec = try format(spec, args, keywords, span: span, evaluator: ev, auto: &auto) }
                if let conversion { value = .string(conversion == "s" ? ValueFormatter.str(value) : ValueFormatter.repr(value)) }
                out += try formatValue(value, spec, span: span, evaluator: ev)
                i = j + 1
                continue
            }
            if ch == "}" {
                if i + 1 < c.count && c[i + 1] == "}" { out.append("}"); i += 2; continue }
                throw ShellError("Single '}' encountered in format string", span: span, kind: .valueError)
            }
            out.append(ch)
            i += 1
        }
        return out
    }

    static func firstTopLevel(_ s: String, _ ch: Character) -> String.Index? {
        var depth = 0
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "[" { depth += 1 } else if c == "]" { depth -= 1 } else if c == ch && depth == 0 { return i }
            i = s.index(after: i)
        }
        return nil
    }

    /// The argument a `*` width or precision takes: CPython wants an int there (a bool is
    /// one; numpy integers and floats are not).
    static func starArgument(_ v: Value, _ span: Range<Int>) throws(ShellError) -> Int {
        switch v {
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        case .bigint: throw ShellError("Python int too large to convert to C ssize_t", span: span, kind: .overflowError)
        default: throw ShellError("* wants int", span: span, kind: .typeError)
        }
    }

    /// `'%5.2f and %s' % (x, y)`
    static func percent(_ template: String, _ arg: Value, span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> String {
        let c = Array(template)
        var args: [Value]
        var mapping: PyDict? = nil
        if case .tuple(let items) = arg { args = items.array } else { args = [arg] }
        if case .dict(let d) = arg { mapping = d }
        var next = 0
        var out = ""
        var i = 0
        var usedMapping = false
        func take() throws(ShellError) -> Value {
            guard next < args.count else { throw ShellError("not enough arguments for format string", span: span, kind: .typeError) }
            defer { next += 1 }
            return args[next]
        }
        while i < c.count {
            guard c[i] == "%" else { out.append(c[i]); i += 1; continue }
            i += 1
            guard i < c.count else { throw ShellError("incomplete format", span: span, kind: .valueError) }
            if c[i] == "%" { out.append("%"); i += 1; continue }
            var key: String? = nil
            if c[i] == "(" {
                guard let close = c[i...].firstIndex(of: ")") else { throw ShellError("incomplete format key", span: span, kind: .valueError) }
                key = String(c[(i + 1)..<close])
                i = close + 1
            }
            var flags = ""
            while i < c.count && "-+ #0".contains(c[i]) { flags.append(c[i]); i += 1 }
            var width = ""
            if i < c.count && c[i] == "*" {
                // CPython's `%*d`: the width is the next argument; a negative one left-aligns.
                let w = try starArgument(try take(), span)
                if w < 0 { flags.append("-") }
                width = String(w.magnitude); i += 1
            } else {
                while i < c.count && c[i].isNumber { width.append(c[i]); i += 1 }
            }
            var precision: String? = nil
            if i < c.count && c[i] == "." {
                i += 1
                var p = ""
                if i < c.count && c[i] == "*" {
                    // `%.*f`: the precision is the next argument; CPython reads a negative one as 0.
                    p = String(max(0, try starArgument(try take(), span))); i += 1
                }
                while i < c.count && c[i].isNumber { p.append(c[i]); i += 1 }
                precision = p.isEmpty ? "0" : p
            }
            guard i < c.count else { throw ShellError("incomplete format", span: span, kind: .valueError) }
            let conv = c[i]
            i += 1
            var value: Value
            if let key {
                guard let m = mapping else { throw ShellError("format requires a mapping", span: span, kind: .typeError) }
                guard let v = m.get(.string(key)) else { throw ShellError("'\(key)'", span: span, kind: .keyError) }
                value = v
                usedMapping = true
            } else {
                value = try take()
            }
            // A 0-d array converts to its number as a numpy scalar does (`'%.2f' % np.array(0.875)`);
            // %s and %r show the array itself.
            let shown = value
            if case .array(let a) = value {
                if a.ndim == 0 {
                    value = .scalar(a)
                } else if "fFeEgG".contains(conv) {
                    // float(x) of an array with axes: numpy 2's TypeError, even for one element.
                    throw ShellError("only 0-dimensional arrays can be converted to Python scalars", span: span, kind: .typeError)
                }
            }
            var spec = Spec()
            guard width.isEmpty || Int(width) != nil else { throw ShellError("width too big", span: span, kind: .valueError) }
            spec.width = Int(width) ?? 0
            try PythonArithmetic.reserve(spec.width, "a string of \(spec.width) bytes", span)
            if let p = precision {
                guard let n = Int(p) else { throw ShellError("precision too big", span: span, kind: .valueError) }
                try checkPrecision(n, span)
            }
            if flags.contains("-") { spec.align = "<" }
            if flags.contains("+") { spec.sign = "+" } else if flags.contains(" ") { spec.sign = " " }
            if flags.contains("0") && !flags.contains("-") { spec.zero = true }
            spec.alternate = flags.contains("#")
            spec.precision = precision.flatMap { Int($0) }
            let piece: String
            switch conv {
            case "s", "r", "a":
                var s = conv == "s" ? ValueFormatter.str(shown) : ValueFormatter.repr(shown)
                if let p = spec.precision { s = String(s.prefix(p)) }
                spec.zero = false
                piece = pad(s, spec, defaultAlign: ">")
            case "d", "i", "u":
                let n: Int
                switch value {
                case .float(let d): n = try PyNumbers.fromDouble(d, span)
                case .int, .bool, .scalar:
                    if case .scalar(let a) = value, let s = a.scalars.first, !a.dtype.isInteger { n = try PyNumbers.fromDouble(s.doubleValue, span) } else { n = try ArgumentBinder.integer(value, span) }
                default: throw ShellError("%\(conv) format: a real number is required, not \(value.typeName)", span: span, kind: .typeError)
                }
                spec.precision = nil
                piece = try formatInt(n, spec, "", span)
            case "x", "X", "o":
                spec.type = conv
                guard let n = try? ArgumentBinder.integer(value, span) else {
                    throw ShellError("%\(conv) format: an integer is required, not \(value.typeName)", span: span, kind: .typeError)
                }
                piece = try formatInt(n, spec, "", span)
            case "f", "F", "e", "E", "g", "G":
                spec.type = conv
                // PyFloat_AsDouble, as CPython's %-format: a big int is an OverflowError.
                let d = try MathModule.double(value, span)
                if spec.precision == nil { spec.precision = 6 }
                piece = try formatFloat(d, spec, "", span)
            case "c":
                // CPython: one character, or an int in range (a big int is out of range, not
                // too large); anything else is "%c requires int or char".
                switch value {
                case .string(let s) where s.unicodeScalars.count == 1:
                    piece = pad(s, spec, defaultAlign: ">")
                case .bigint:
                    throw ShellError("%c arg not in range(0x110000)", span: span, kind: .overflowError)
                case .int, .bool:
                    spec.type = "c"
                    piece = try formatInt(try ArgumentBinder.integer(value, span), spec, "", span)
                case .scalar(let a) where a.dtype.isInteger:
                    spec.type = "c"
                    piece = try formatInt(try ArgumentBinder.integer(value, span), spec, "", span)
                default:
                    throw ShellError("%c requires int or char", span: span, kind: .typeError)
                }
            default:
                throw ShellError("unsupported format character '\(conv)' (0x\(String(conv.unicodeScalars.first?.value ?? 0, radix: 16))) at index \(i - 1)", span: span, kind: .valueError)
            }
            out += piece
        }
        // CPython checks for unused arguments only when the right side is not a mapping, and
        // anything subscriptable but a tuple or str counts as one (lists, arrays, numpy scalars):
        // `'abc' % [1]` and `'abc' % np.array([1])` are 'abc'.
        var subscriptable = mapping != nil
        switch arg {
        case .list, .array, .scalar, .range: subscriptable = true
        default: break
        }
        if next < args.count && !usedMapping && !subscriptable {
            throw ShellError("not all arguments converted during string formatting", span: span, kind: .typeError)
        }
        return out
    }
}
