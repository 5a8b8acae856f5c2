import Foundation
import Tensor

/// Python's operators on Python's own scalars and containers (`2 * 3`, `[1] + [2]`, `'a' * 3`),
/// with Python's results and error wording. Arrays never come here: their operators are numpy
/// ufuncs in the registry. Python ints are unbounded: an `Int` result that would overflow is
/// computed again as a `BigInt` (`Value.bigint`), and a big result that fits is an `Int` again.
enum PythonArithmetic {
    enum Number {
        case int(Int)
        case big(BigInt)
        case float(Double)
    }

    static func number(_ v: Value) -> Number? {
        switch v {
        case .int(let i): return .int(i)
        case .bigint(let b): return .big(b)
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
            return .list(a.items + b.items)
        case ("+", .tuple(let a), .tuple(let b)):
            try reserve(items: a.count, b.count, "a tuple", span)
            return .tuple(a + b)
        case ("+", .string(let a), .string(let b)):
            try reserve(bytes: a.utf8.count, b.utf8.count, span)
            return .string(a + b)
        case ("*", .list, .bigint), ("*", .bigint, .list), ("*", .tuple, .bigint), ("*", .bigint, .tuple),
             ("*", .string, .bigint), ("*", .bigint, .string):
            throw ArgumentBinder.indexSized(span, kind: .overflowError)
        case ("*", .list(let a), .int(let n)), ("*", .int(let n), .list(let a)): return .list(try repeated(a.items, n, "a list", span))
        case ("*", .tuple(let a), .int(let n)), ("*", .int(let n), .tuple(let a)): return .tuple(try repeated(a.array, n, "a tuple", span))
        case ("*", .string(let s), .int(let n)), ("*", .int(let n), .string(let s)):
            if n <= 0 || s.isEmpty { return .string("") }
            let (bytes, o) = s.utf8.count.multipliedReportingOverflow(by: n)
            try reserve(o ? Int.max : bytes, "a string of \(o ? "more than \(Int.max)" : String(bytes)) bytes", span)
            return .string(repeatedString(s, n))
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

    /// `s` n times, written as bytes by doubling: String(repeating:count:) appends one copy at a
    /// time, and `'a'.ljust(10**9)` took 18 s of CPU. Callers have reserved the bytes.
    static func repeatedString(_ s: String, _ n: Int) -> String {
        let unit = Array(s.utf8)
        let (total, overflow) = unit.count.multipliedReportingOverflow(by: Swift.max(n, 0))
        guard total > 0, !overflow else { return "" }
        return String(unsafeUninitializedCapacity: total) { out in
            guard let base = out.baseAddress else { return 0 }
            unit.withUnsafeBufferPointer { u in
                if let first = u.baseAddress { base.initialize(from: first, count: u.count) }
            }
            var filled = unit.count
            while filled < total {
                let more = Swift.min(filled, total - filled)
                (base + filled).initialize(from: base, count: more)
                filled += more
            }
            return total
        }
    }

    /// `items * n`, checked against the memory budget before anything is built (the same
    /// MemoryError an array that does not fit gets), and stopped by Ctrl-C.
    static func repeated(_ items: [Value], _ n: Int, _ what: String, _ span: Range<Int>) throws(ShellError) -> [Value] {
        // `[] * 10**18` is empty at once (looping n times would hang).
        if n <= 0 || items.isEmpty { return [] }
        let (total, o) = items.count.multipliedReportingOverflow(by: n)
        let (bytes, o2) = total.multipliedReportingOverflow(by: MemoryLayout<Value>.stride)
        try reserve(o || o2 ? Int.max : bytes, "\(what) of \(o ? "more than \(Int.max)" : String(total)) items", span)
        // The copy doubles what is filled so far (log2 n bulk copies, checking Ctrl-C between
        // them): appending `items` n times cost a call per repetition, and `[0] * 10**8` took
        // 23 s where CPython takes 0.3 s.
        // Items that hold no reference (ints, floats, bools, None: `[0] * 10**8`) are copied as
        // bytes: `initialize(from:)` copies a Value at a time, switching on its case to retain
        // what it holds, which was 0.88 s of CPU for 10**8 zeros. A copy is about 16 MiB at most,
        // so Ctrl-C is seen between copies within milliseconds.
        let plain = items.allSatisfy(\.holdsNoReference)
        // Whole periods of `items`, so every copy starts the pattern where the last one ended.
        let chunk = Swift.max(1, (16 << 20) / MemoryLayout<Value>.stride / items.count) * items.count
        var interrupted = false
        let out = [Value](unsafeUninitializedCapacity: total) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            items.withUnsafeBufferPointer { source in
                if let first = source.baseAddress { base.initialize(from: first, count: source.count) }
            }
            var filled = items.count
            while filled < total {
                if Interrupt.isRequested { interrupted = true; break }
                let more = Swift.min(filled, total - filled, chunk)
                if plain {
                    UnsafeMutableRawPointer(base + filled).copyMemory(from: base, byteCount: more * MemoryLayout<Value>.stride)
                } else {
                    (base + filled).initialize(from: base, count: more)
                }
                filled += more
            }
            initialized = filled
        }
        if interrupted { throw Interrupt.error }
        return out
    }

    static func numeric(_ op: String, _ a: Number, _ b: Number, _ span: Range<Int>) throws(ShellError) -> Value? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return try integer(op, x, y, span)
        case (.big(let x), .big(let y)): return try bigInteger(op, x, y, span)
        case (.big(let x), .int(let y)): return try bigInteger(op, x, BigInt(y), span)
        case (.int(let x), .big(let y)): return try bigInteger(op, BigInt(x), y, span)
        default: break
        }
        // A float and a big int: Python compares them exactly, and converts the int for arithmetic.
        if ["==", "!=", "<", "<=", ">", ">="].contains(op) {
            if case .float(let d) = a, case .big(let n) = b, let c = compareExactly(n, d) { return compare(op, c > 0, c == 0, c < 0) }
            if case .big(let n) = a, case .float(let d) = b, let c = compareExactly(n, d) { return compare(op, c < 0, c == 0, c > 0) }
        }
        let x = try double(a, span), y = try double(b, span)
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

    /// Python's `float(n)` of an int, with its OverflowError for a too-large one.
    static func double(_ n: Number, _ span: Range<Int>) throws(ShellError) -> Double {
        switch n {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .big(let b):
            guard let d = b.asDouble else { throw ShellError("int too large to convert to float", span: span, kind: .overflowError) }
            return d
        }
    }

    /// -1, 0, 1 for a big int against a float, as Python compares them (exactly); nil when the
    /// comparison is a comparison operator's business only (not one of those) — never, here.
    static func compareExactly(_ n: BigInt, _ d: Double) -> Int? {
        if d.isNaN { return nil }
        if d == .infinity { return -1 }
        if d == -.infinity { return 1 }
        guard let t = BigInt(exactly: d) else { return nil }
        let c = BigInt.compare(n, t)
        if c != 0 { return c }
        // n equals d's integer part: d's fraction decides.
        let frac = d - d.rounded(.towardZero)
        return frac > 0 ? -1 : (frac < 0 ? 1 : 0)
    }

    /// An integer result: `Int` when it fits, else `BigInt`.
    static func normalized(_ b: BigInt) -> Value {
        if let i = b.asInt { return .int(i) }
        return .bigint(b)
    }

    static func tooBig(_ span: Range<Int>) -> ShellError {
        ShellError("integer result too large", explanation: "rnnsh's Python ints have at most \(BigInt.maxBits) bits", span: span, kind: .memoryError)
    }

    /// Python's operators on ints past 64 bits. BigInt's long loops (product, quotient, power
    /// of numbers of millions of bits) stop early on Ctrl-C with a wrong value: it is dropped
    /// here, and the statement fails as interrupted.
    static func bigInteger(_ op: String, _ x: BigInt, _ y: BigInt, _ span: Range<Int>) throws(ShellError) -> Value? {
        let result = try bigIntegerResult(op, x, y, span)
        if Interrupt.isRequested { throw Interrupt.error }
        return result
    }

    static func bigIntegerResult(_ op: String, _ x: BigInt, _ y: BigInt, _ span: Range<Int>) throws(ShellError) -> Value? {
        switch op {
        case "+": return normalized(x + y)
        case "-": return normalized(x - y)
        case "*":
            if x.bitWidth + y.bitWidth > BigInt.maxBits { throw tooBig(span) }
            return normalized(x * y)
        case "/":
            if y.isZero { throw ShellError("division by zero", span: span, kind: .zeroDivisionError) }
            guard let d = BigInt.trueDivide(x, y) else {
                throw ShellError("integer division result too large for a float", span: span, kind: .overflowError)
            }
            return .float(d)
        case "//", "%":
            guard let (q, r) = BigInt.floorDivMod(x, y) else {
                throw ShellError(op == "//" ? "integer division or modulo by zero" : "integer modulo by zero", span: span, kind: .zeroDivisionError)
            }
            return normalized(op == "//" ? q : r)
        case "**":
            if y.negative {
                if x.isZero { throw ShellError("0.0 cannot be raised to a negative power", span: span, kind: .zeroDivisionError) }
                let a = try double(.big(x), span), b = try double(.big(y), span)
                return .float(Foundation.pow(a, b))
            }
            guard let e = y.asInt else {
                if x.isZero || x == BigInt(1) { return normalized(x) }
                if x == BigInt(-1) { return .int(y.limbs.first.map { $0 & 1 == 1 ? -1 : 1 } ?? 1) }
                throw tooBig(span)
            }
            guard let p = BigInt.power(x, e) else { throw tooBig(span) }
            return normalized(p)
        case "<<":
            if y.negative { throw ShellError("negative shift count", span: span, kind: .valueError) }
            guard let n = y.asInt, let r = BigInt.shiftedLeft(x, n) else { throw tooBig(span) }
            return normalized(r)
        case ">>":
            if y.negative { throw ShellError("negative shift count", span: span, kind: .valueError) }
            guard let n = y.asInt else { return .int(x.negative ? -1 : 0) }
            return normalized(BigInt.shiftedRight(x, n))
        case "&", "|", "^":
            return normalized(try bitwise(op, x, y, span))
        default:
            let c = BigInt.compare(x, y)
            return compare(op, c < 0, c == 0, c > 0)
        }
    }

    /// `&`, `|`, `^` on two's-complement ints of any size (Python's infinite sign extension).
    static func bitwise(_ op: String, _ x: BigInt, _ y: BigInt, _ span: Range<Int>) throws(ShellError) -> BigInt {
        let n = max(x.limbs.count, y.limbs.count) + 1
        func twos(_ v: BigInt) -> [UInt32] {
            var l = v.limbs + [UInt32](repeating: 0, count: n - v.limbs.count)
            if v.negative {
                for i in 0..<n { l[i] = ~l[i] }
                var i = 0
                while i < n { l[i] &+= 1; if l[i] != 0 { break }; i += 1 }
            }
            return l
        }
        let a = twos(x), b = twos(y)
        var r = [UInt32](repeating: 0, count: n)
        for i in 0..<n {
            switch op {
            case "&": r[i] = a[i] & b[i]
            case "|": r[i] = a[i] | b[i]
            default: r[i] = a[i] ^ b[i]
            }
        }
        let negative = r[n - 1] & 0x8000_0000 != 0
        if negative {
            // magnitude = ~(r - 1)
            var i = 0
            while i < n { let old = r[i]; r[i] &-= 1; if old != 0 { break }; i += 1 }
            for j in 0..<n { r[j] = ~r[j] }
        }
        return BigInt(negative: negative, limbs: r)
    }

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
        // The fast path: 64-bit arithmetic; on overflow the same operation on big ints.
        func checked(_ r: (partialValue: Int, overflow: Bool)) throws(ShellError) -> Value {
            if r.overflow { return try bigInteger(op, BigInt(x), BigInt(y), span) ?? .none }
            return .int(r.partialValue)
        }
        switch op {
        case "+": return try checked(x.addingReportingOverflow(y))
        case "-": return try checked(x.subtractingReportingOverflow(y))
        case "*": return try checked(x.multipliedReportingOverflow(by: y))
        case "/":
            if y == 0 { throw ShellError("division by zero", span: span, kind: .zeroDivisionError) }
            // Both exact as doubles: one rounding, as CPython's. Else the exact quotient, rounded once.
            if x.magnitude <= 1 << 53 && y.magnitude <= 1 << 53 { return .float(Double(x) / Double(y)) }
            return try bigInteger(op, BigInt(x), BigInt(y), span)
        case "//", "%":
            if y == 0 { throw ShellError(op == "//" ? "integer division or modulo by zero" : "integer modulo by zero", span: span, kind: .zeroDivisionError) }
            if x == Int.min && y == -1 { return try bigInteger(op, BigInt(x), BigInt(y), span) }
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
                    if o { return try bigInteger(op, BigInt(x), BigInt(y), span) }
                    result = p
                }
                e >>= 1
                if e > 0 {
                    let (sq, o) = base.multipliedReportingOverflow(by: base)
                    if o { return try bigInteger(op, BigInt(x), BigInt(y), span) }
                    base = sq
                }
            }
            return .int(result)
        case "&": return .int(x & y)
        case "^": return .int(x ^ y)
        case "|": return .int(x | y)
        case "<<":
            if y < 0 { throw ShellError("negative shift count", span: span, kind: .valueError) }
            if y < 63, x.magnitude.leadingZeroBitCount > y + 1 { return .int(x << y) }
            return try bigInteger(op, BigInt(x), BigInt(y), span)
        case ">>":
            if y < 0 { throw ShellError("negative shift count", span: span, kind: .valueError) }
            return .int(x >> min(y, 63))
        default:
            return compare(op, x < y, x == y, x > y)
        }
    }

    static func unary(_ op: String, _ v: Value, _ span: Range<Int>) throws(ShellError) -> Value? {
        switch (op, v) {
        case ("-", .int(let i)):
            if i == Int.min { return normalized(-BigInt(i)) }
            return .int(-i)
        case ("-", .bigint(let b)): return normalized(-b)
        case ("+", .bigint): return v
        case ("~", .bigint(let b)): return normalized(-(b + BigInt(1)))
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
        if s == 0 { throw ShellError("slice step cannot be zero", span: span, kind: .valueError) }
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

extension Value {
    /// True for the cases whose payload is plain bits (no object to retain), which may be
    /// copied as bytes.
    var holdsNoReference: Bool {
        switch self {
        case .int, .float, .bool, .none, .ellipsis: return true
        default: return false
        }
    }
}
