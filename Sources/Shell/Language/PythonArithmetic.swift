import Foundation
import Tensor

/// Python's operators on Python's own scalars and containers (`2 * 3`, `[1] + [2]`, `'a' * 3`),
/// with Python's results and error wording. Arrays never come here: their operators are numpy
/// ufuncs in the registry. Python ints are unbounded; ours are 64-bit, so overflow is an error
/// instead of a trap.
enum PythonArithmetic {
    enum Number {
        case int(Int)
        case float(Double)
    }

    static func number(_ v: Value) -> Number? {
        switch v {
        case .int(let i): return .int(i)
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d): return .float(d)
        default: return nil
        }
    }

    static func overflow(_ span: Range<Int>) -> ShellError {
        ShellError("integer overflow", explanation: "rnnsh integers are 64-bit (Python's are unbounded)", span: span, kind: .overflowError)
    }

    /// nil when the operands are not Python scalars/containers this handles.
    static func binary(_ op: String, _ l: Value, _ r: Value, _ span: Range<Int>) throws(ShellError) -> Value? {
        if let a = number(l), let b = number(r) { return try numeric(op, a, b, span) }
        switch (op, l, r) {
        case ("+", .list(let a), .list(let b)):
            try reserve(items: a.count, b.count, "a list", span)
            return .list(a + b)
        case ("+", .tuple(let a), .tuple(let b)):
            try reserve(items: a.count, b.count, "a tuple", span)
            return .tuple(a + b)
        case ("+", .string(let a), .string(let b)):
            try reserve(bytes: a.utf8.count, b.utf8.count, span)
            return .string(a + b)
        case ("*", .list(let a), .int(let n)), ("*", .int(let n), .list(let a)): return .list(try repeated(a, n, span))
        case ("*", .tuple(let a), .int(let n)), ("*", .int(let n), .tuple(let a)): return .tuple(try repeated(a, n, span))
        case ("*", .string(let s), .int(let n)), ("*", .int(let n), .string(let s)):
            return .string(try repeated(Array(s), n, span).map(String.init).joined())
        case ("==", .dtype(let a), .dtype(let b)): return .bool(a == b)
        case ("!=", .dtype(let a), .dtype(let b)): return .bool(a != b)
        case ("==", .dtype(let a), .string(let b)), ("==", .string(let b), .dtype(let a)): return .bool(DType(numpyName: b) == a)
        case ("!=", .dtype(let a), .string(let b)), ("!=", .string(let b), .dtype(let a)): return .bool(DType(numpyName: b) != a)
        case ("==", .string(let a), .string(let b)): return .bool(a == b)
        case ("!=", .string(let a), .string(let b)): return .bool(a != b)
        case ("==", .none, .none): return .bool(true)
        case ("!=", .none, .none): return .bool(false)
        case ("==", .none, _), ("==", _, .none): return .bool(false)
        case ("!=", .none, _), ("!=", _, .none): return .bool(true)
        default: return nil
        }
    }

    /// `l = l + l` and `s = s + s` double each time: the memory budget (`Limits`) that covers
    /// arrays covers these too, checked before the new list or string is built. Python says
    /// MemoryError where its allocator fails; we say it before allocating.
    static func reserve(items a: Int, _ b: Int, _ what: String, _ span: Range<Int>) throws(ShellError) {
        let (n, o) = a.addingReportingOverflow(b)
        let (bytes, o2) = n.multipliedReportingOverflow(by: MemoryLayout<Value>.stride)
        try reserve(o || o2 ? Int.max : bytes, "\(what) of \(n) items", span)
    }

    static func reserve(bytes a: Int, _ b: Int, _ span: Range<Int>) throws(ShellError) {
        let (n, o) = a.addingReportingOverflow(b)
        try reserve(o ? Int.max : n, "a string of \(n) bytes", span)
    }

    static func reserve(_ bytes: Int, _ what: String, _ span: Range<Int>) throws(ShellError) {
        do { try Limits.reserve(bytes, for: what) } catch {
            throw ShellError(error.message, explanation: error.explanation, span: span, kind: .memoryError)
        }
    }

    static func repeated<T>(_ items: [T], _ n: Int, _ span: Range<Int>) throws(ShellError) -> [T] {
        // `[] * 10**18` is empty at once (looping n times would hang).
        if n <= 0 || items.isEmpty { return [] }
        let (total, o) = items.count.multipliedReportingOverflow(by: n)
        if o || total > 1_000_000 {
            throw ShellError("repetition result is too large", explanation: "rnnsh builds Python lists and strings of at most 1,000,000 items; use an array", span: span)
        }
        var out: [T] = []
        out.reserveCapacity(total)
        for _ in 0..<n { out += items }
        return out
    }

    static func numeric(_ op: String, _ a: Number, _ b: Number, _ span: Range<Int>) throws(ShellError) -> Value? {
        if case .int(let x) = a, case .int(let y) = b { return try integer(op, x, y, span) }
        let x: Double, y: Double
        switch a { case .int(let i): x = Double(i); case .float(let d): x = d }
        switch b { case .int(let i): y = Double(i); case .float(let d): y = d }
        switch op {
        case "+": return .float(x + y)
        case "-": return .float(x - y)
        case "*": return .float(x * y)
        case "/":
            if y == 0 { throw ShellError("float division by zero", span: span, kind: .zeroDivisionError) }
            return .float(x / y)
        case "//":
            if y == 0 { throw ShellError("float floor division by zero", span: span, kind: .zeroDivisionError) }
            return .float(floatDivmod(x, y).0)
        case "%":
            if y == 0 { throw ShellError("float modulo", span: span, kind: .zeroDivisionError) }
            return .float(floatDivmod(x, y).1)
        case "**":
            if x == 0 && y < 0 { throw ShellError("0.0 cannot be raised to a negative power", span: span, kind: .zeroDivisionError) }
            if x < 0 && y != y.rounded() { throw ShellError("complex results are not supported", span: span) }
            return .float(Foundation.pow(x, y))
        default:
            return compare(op, x < y, x == y, x > y)
        }
    }

    static func floorDivide(_ x: Double, _ y: Double) -> Double { floatDivmod(x, y).0 }

    /// CPython's float divmod: the remainder from fmod (exact), its sign fixed to the
    /// divisor's, and the quotient rounded from (x - mod) / y.
    static func floatDivmod(_ x: Double, _ y: Double) -> (Double, Double) {
        var mod = fmod(x, y)
        var div = (x - mod) / y
        if mod != 0 {
            if (y < 0) != (mod < 0) { mod += y; div -= 1 }
        } else {
            mod = copysign(0, y)
        }
        var floordiv: Double
        if div != 0 {
            floordiv = div.rounded(.down)
            if div - floordiv > 0.5 { floordiv += 1 }
        } else {
            floordiv = copysign(0, x / y)
        }
        return (floordiv, mod)
    }

    static func compare(_ op: String, _ lt: Bool, _ eq: Bool, _ gt: Bool) -> Value? {
        switch op {
        case "==": return .bool(eq)
        case "!=": return .bool(!eq)
        case "<": return .bool(lt)
        case "<=": return .bool(lt || eq)
        case ">": return .bool(gt)
        case ">=": return .bool(gt || eq)
        default: return nil
        }
    }

    static func integer(_ op: String, _ x: Int, _ y: Int, _ span: Range<Int>) throws(ShellError) -> Value? {
        func checked(_ r: (partialValue: Int, overflow: Bool)) throws(ShellError) -> Value {
            if r.overflow { throw overflow(span) }
            return .int(r.partialValue)
        }
        switch op {
        case "+": return try checked(x.addingReportingOverflow(y))
        case "-": return try checked(x.subtractingReportingOverflow(y))
        case "*": return try checked(x.multipliedReportingOverflow(by: y))
        case "/":
            if y == 0 { throw ShellError("division by zero", span: span, kind: .zeroDivisionError) }
            return .float(Double(x) / Double(y))
        case "//", "%":
            if y == 0 { throw ShellError(op == "//" ? "integer division or modulo by zero" : "integer modulo by zero", span: span, kind: .zeroDivisionError) }
            if x == Int.min && y == -1 { throw overflow(span) }
            var q = x / y
            var m = x % y
            if m != 0 && ((m < 0) != (y < 0)) { q -= 1; m += y }
            return .int(op == "//" ? q : m)
        case "**":
            if y < 0 {
                if x == 0 { throw ShellError("0.0 cannot be raised to a negative power", span: span, kind: .zeroDivisionError) }
                return .float(Foundation.pow(Double(x), Double(y)))
            }
            var result = 1
            var base = x
            var e = y
            while e > 0 {
                if e & 1 == 1 {
                    let (p, o) = result.multipliedReportingOverflow(by: base)
                    if o { throw overflow(span) }
                    result = p
                }
                e >>= 1
                if e > 0 {
                    let (sq, o) = base.multipliedReportingOverflow(by: base)
                    if o { throw overflow(span) }
                    base = sq
                }
            }
            return .int(result)
        case "&": return .int(x & y)
        case "^": return .int(x ^ y)
        default:
            return compare(op, x < y, x == y, x > y)
        }
    }

    static func unary(_ op: String, _ v: Value, _ span: Range<Int>) throws(ShellError) -> Value? {
        switch (op, v) {
        case ("-", .int(let i)):
            if i == Int.min { throw overflow(span) }
            return .int(-i)
        case ("-", .bool(let b)): return .int(b ? -1 : 0)
        case ("-", .float(let d)): return .float(-d)
        case ("+", .int), ("+", .float): return v
        case ("+", .bool(let b)): return .int(b ? 1 : 0)
        case ("~", .int(let i)): return .int(~i)
        case ("~", .bool(let b)): return .int(b ? -2 : -1)
        default: return nil
        }
    }
}

/// Python's sequence slicing (`items[a:b:c]`) with clamping and negative steps.
enum PythonSequence {
    static func slice<T>(_ items: [T], _ start: Int?, _ stop: Int?, _ step: Int?, span: Range<Int>) throws(ShellError) -> [T] {
        let n = items.count
        let s = step ?? 1
        if s == 0 { throw ShellError("slice step cannot be zero", span: span) }
        func clamp(_ v: Int?, _ dflt: Int, _ lo: Int, _ hi: Int) -> Int {
            guard var v else { return dflt }
            if v < 0 { v = v < -n ? lo : v + n }
            return min(max(v, lo), hi)
        }
        var out: [T] = []
        if s > 0 {
            var i = clamp(start, 0, 0, n)
            let end = clamp(stop, n, 0, n)
            while i < end { out.append(items[i]); let (next, o) = i.addingReportingOverflow(s); if o { break }; i = next }
        } else {
            var i = clamp(start, n - 1, -1, n - 1)
            let end = clamp(stop, -1, -1, n - 1)
            while i > end { out.append(items[i]); let (next, o) = i.addingReportingOverflow(s); if o { break }; i = next }
        }
        return out
    }
}

/// Sizes the Python side refuses to build (lists from huge ranges, huge repetitions).
enum PythonLimits {
    static let maxItems = 50_000_000
}

extension PythonSequence {
    /// The positions `start:stop:step` selects in a sequence of `n` items.
    static func indices(_ n: Int, _ start: Int?, _ stop: Int?, _ step: Int?) -> [Int] {
        (try? slice(Array(0..<n), start, stop, step, span: 0..<0)) ?? []
    }
}
