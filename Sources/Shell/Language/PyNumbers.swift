import Foundation
import Tensor

/// `int()`, `float()` and `round()` with Python's rules and words.
enum PyNumbers {
    static func int(_ args: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        guard let v = args.first else { return .int(0) }
        let baseValue = args.count > 1 ? args[1] : Builtins.keyword(keywords, "base")
        if baseValue != nil {
            switch v {
            case .int, .bigint, .bool, .float, .scalar, .array:
                // A base only reads digits: int(5, base=2) gave 5.
                throw ShellError("int() can't convert non-string with explicit base", span: span, kind: .typeError)
            default: break
            }
        }
        switch v {
        case .int, .bigint: return v
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d): return try integerValue(d, span)
        case .string(let s):
            let base = try baseValue.map { (b) throws(ShellError) -> Int in try ArgumentBinder.integer(b, span) } ?? 10
            guard base == 0 || (base >= 2 && base <= 36) else {
                throw ShellError("int() base must be >= 2 and <= 36, or 0", span: span, kind: .valueError)
            }
            var t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            var negative = false
            if t.hasPrefix("-") { negative = true; t.removeFirst() } else if t.hasPrefix("+") { t.removeFirst() }
            var b = base
            let lower = t.lowercased()
            for (p, r) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(p) && (base == 0 || base == r) {
                b = r
                t.removeFirst(2)
                if t.hasPrefix("_") { t.removeFirst() }
            }
            if b == 0 { b = 10 }
            let digits = t.replacingOccurrences(of: "_", with: "")
            let valid = !t.isEmpty && !t.hasPrefix("_") && !t.hasSuffix("_") && !t.contains("__")
            guard valid, let magnitude = Int(digits, radix: b) else {
                // Past 64 bits: a big int (decimal digits; other bases refused below).
                // The limit is checked before parsing: parsing is quadratic, and `int('9' * 10**6)`
                // ran for minutes without stopping on Ctrl-C.
                if valid, b == 10, digits.count > 4300, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    throw digitLimit(span, parsedDigits: digits.count)
                }
                if valid, b == 10, let big = BigInt(decimal: digits) {
                    return PythonArithmetic.normalized(negative ? -big : big)
                }
                if valid, Int(digits.prefix(1), radix: b) != nil, digits.allSatisfy({ $0.isHexDigit || $0.isLetter }) {
                    throw ShellError("integer \(s.trimmingCharacters(in: .whitespaces)) is too large", explanation: "rnnsh integers are 64-bit", span: span, kind: .overflowError)
                }
                throw ShellError("invalid literal for int() with base \(base): \(ValueFormatter.pythonStringRepr(s))", span: span, kind: .valueError)
            }
            return negative && magnitude == 0 ? .int(0) : .int(negative ? -magnitude : magnitude)
        case .scalar(let a), .array(let a):
            // numpy 2.4 converts only 0-d arrays (a length-1 array was accepted until 2.x).
            guard a.shape.isEmpty, let s = a.scalars.first else {
                throw ShellError("only 0-dimensional arrays can be converted to Python scalars", span: span, kind: .typeError)
            }
            switch s {
            case .int(let i): return .int(Swift.Int(i))
            case .bool(let b): return .int(b ? 1 : 0)
            default: return .int(try fromDouble(s.doubleValue, span))
            }
        default:
            throw ShellError("int() argument must be a string, a bytes-like object or a real number, not '\(v.typeName)'", span: span, kind: .typeError)
        }
    }

    /// Python's `int(x)` of a float: a big int past 64 bits.
    static func integerValue(_ d: Double, _ span: Range<Int>) throws(ShellError) -> Value {
        if d.isNaN { throw ShellError("cannot convert float NaN to integer", span: span, kind: .valueError) }
        if d.isInfinite { throw ShellError("cannot convert float infinity to integer", span: span, kind: .overflowError) }
        guard let b = BigInt(exactly: d) else { throw ShellError("cannot convert float to integer", span: span, kind: .overflowError) }
        return PythonArithmetic.normalized(b)
    }

    /// CPython's limit on converting between ints and decimal strings (its
    /// `sys.set_int_max_str_digits`, 4,300 digits by default), in its words.
    static func digitLimit(_ span: Range<Int>?, parsedDigits: Int? = nil) -> ShellError {
        ShellError(parsedDigits.map { "Exceeds the limit (4300 digits) for integer string conversion: value has \($0) digits; use sys.set_int_max_str_digits() to increase the limit" }
                   ?? "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                   span: span, kind: .valueError)
    }

    /// Throws CPython's ValueError when `v` is an int too long to write in decimal, or holds
    /// one (a list, tuple, dict or set: `print([10**5000])` fails as in Python instead of
    /// writing every digit, which is quadratic). Containers met again (`a.append(a)`, a list
    /// repeated a million times) are walked once. Containers nested deeper than CPython can
    /// show are its RecursionError: `str` of a list nested 100,000 deep overflowed the stack
    /// (rc 139, red team).
    static func checkDigits(_ v: Value, _ span: Range<Int>?) throws(ShellError) {
        var stack: [(value: Value, depth: Int)] = [(v, 0)]
        var seen = Set<ObjectIdentifier>()
        var visited = 0
        while let (x, depth) = stack.popLast() {
            visited += 1
            if visited & 0xFFFF == 0 && Interrupt.isRequested { throw Interrupt.error }
            var inner: [Value] = []
            switch x {
            case .bigint(let b): if tooManyDigits(b) { throw digitLimit(span) }
            case .list(let l): if seen.insert(ObjectIdentifier(l)).inserted { inner = l.items }
            case .tuple(let items): inner = items.array
            case .dict(let d): if seen.insert(ObjectIdentifier(d.table)).inserted { inner = d.table.keys + d.table.values }
            case .set(let s): if seen.insert(ObjectIdentifier(s.table)).inserted { inner = s.table.items }
            default: break
            }
            if inner.isEmpty { continue }
            if depth + 1 >= ValueFormatter.depthLimit {
                throw ShellError("maximum recursion depth exceeded while getting the repr of an object", span: span, kind: .recursionError)
            }
            for item in inner { stack.append((item, depth + 1)) }
        }
    }

    /// Whether `b` has more than 4,300 decimal digits. `approximateDigits` is never below the
    /// true count and, near 4,300 digits, at most one above it, so only a number at the edge is
    /// converted (CPython too refuses larger ones by their size).
    static func tooManyDigits(_ b: BigInt) -> Bool {
        let approximate = b.approximateDigits
        if approximate <= 4300 { return false }
        if approximate > 4301 { return true }
        return b.description.count - (b.negative ? 1 : 0) > 4300
    }

    static func fromDouble(_ d: Double, _ span: Range<Int>) throws(ShellError) -> Int {
        if d.isNaN { throw ShellError("cannot convert float NaN to integer", span: span, kind: .valueError) }
        if d.isInfinite { throw ShellError("cannot convert float infinity to integer", span: span, kind: .overflowError) }
        let t = d.rounded(.towardZero)
        guard t >= -9.223372036854775808e18, t < 9.223372036854775808e18 else {
            throw ShellError("integer too large", explanation: "rnnsh integers are 64-bit (Python's are unbounded)", span: span, kind: .overflowError)
        }
        return Int(t)
    }

    static func float(_ args: [Value], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        guard let v = args.first else { return .float(0) }
        switch v {
        case .float: return v
        case .int(let i): return .float(Double(i))
        case .bigint(let b):
            guard let d = b.asDouble else { throw ShellError("int too large to convert to float", span: span, kind: .overflowError) }
            return .float(d)
        case .bool(let b): return .float(b ? 1 : 0)
        case .string(let s):
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().replacingOccurrences(of: "_", with: "")
            switch t {
            case "inf", "+inf", "infinity", "+infinity": return .float(.infinity)
            case "-inf", "-infinity": return .float(-.infinity)
            case "nan", "+nan", "-nan": return .float(.nan)
            default:
                let ok = !t.isEmpty && t.allSatisfy { "0123456789.e+-".contains($0) } && !t.hasPrefix("e")
                if ok, let d = Double(t) { return .float(d) }
                throw ShellError("could not convert string to float: \(ValueFormatter.pythonStringRepr(s))", span: span, kind: .valueError)
            }
        case .scalar(let a), .array(let a):
            // numpy 2.4 converts only 0-d arrays (a length-1 array was accepted until 2.x).
            guard a.shape.isEmpty, let s = a.scalars.first else {
                throw ShellError("only 0-dimensional arrays can be converted to Python scalars", span: span, kind: .typeError)
            }
            return .float(s.doubleValue)
        default:
            throw ShellError("float() argument must be a string or a real number, not '\(v.typeName)'", span: span, kind: .typeError)
        }
    }

    /// Python's `round`: half to even; with `ndigits`, the correctly rounded decimal.
    static func round(_ v: Value, _ digits: Value, span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        let n: Int? = digits.isNone ? nil : try ArgumentBinder.integer(digits, span)
        switch v {
        case .int(let x):
            guard let n, n < 0 else { return .int(x) }
            if n < -18 { return .int(0) }
            var p = 1
            for _ in 0..<(-n) { p *= 10 }
            var q = x / p, r = x % p
            if r < 0 { q -= 1; r += p }
            if 2 * r > p || (2 * r == p && q % 2 != 0) { q += 1 }
            // round(2**63 - 1, -1) is 2**63: a big int (q * p trapped).
            let (rounded, overflow) = q.multipliedReportingOverflow(by: p)
            return overflow ? PythonArithmetic.normalized(BigInt(q) * BigInt(p)) : .int(rounded)
        case .bool(let b):
            return .int(b ? 1 : 0)
        case .float(let d):
            guard let n else {
                return .int(try fromDouble(d.rounded(.toNearestOrEven), span))
            }
            if !d.isFinite { return .float(d) }
            if n > 300 { return .float(d) }
            if n >= 0 {
                let s = String(format: "%.\(n)f", d)
                return .float(Double(s) ?? d)
            }
            var p = 1.0
            for _ in 0..<min(-n, 330) { p *= 10 }
            return .float((d / p).rounded(.toNearestOrEven) * p)
        case .scalar(let a) where n == nil:
            guard let s = a.scalars.first else { break }
            if case .int(let i) = s { return .int(Swift.Int(i)) }
            return .int(try fromDouble(s.doubleValue.rounded(.toNearestOrEven), span))
        case .scalar, .array:
            guard let c = ev.registry["round"] ?? ev.registry["around"] else { break }
            var inputs = [ArgumentInput(value: v, span: span)]
            if let n { inputs.append(ArgumentInput(value: .int(n), span: span)) }
            let r = try ev.call(c, inputs, span: span)
            if n == nil, case .scalar(let a) = r, let s = a.scalars.first { return .int(try fromDouble(s.doubleValue, span)) }
            return r
        default: break
        }
        throw ShellError("type \(v.typeName) doesn't define __round__ method", span: span, kind: .typeError)
    }
}
