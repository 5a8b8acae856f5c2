import Foundation

/// `math`'s functions of ints (factorial, gcd, lcm, comb, perm) and its two that take
/// keywords (isclose, prod), apart from the float functions in `MathModule`: they compute
/// with big ints, exactly, and refuse results past rnnsh's int size before working them out.
extension MathModule {
    static func integerFunction(_ short: String, _ args: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        func double(_ v: Value, _ span: Range<Int>) throws(ShellError) -> Double { try MathModule.double(v, span, ev) }
        func int(_ i: Int) throws(ShellError) -> Int {
            guard i < args.count else { throw ShellError("math.\(short)() missing argument", span: span, kind: .typeError) }
            if case .float = args[i] { throw ShellError("'float' object cannot be interpreted as an integer", span: span, kind: .typeError) }
            return try ArgumentBinder.integer(args[i], span)
        }
        func bigArg(_ i: Int) throws(ShellError) -> BigInt {
            if i < args.count, case .bigint(let b) = args[i] { return b }
            return BigInt(try int(i))
        }
        func magnitude(_ a: BigInt) -> BigInt { a.negative ? -a : a }
        func quotient(_ a: BigInt, _ b: BigInt) -> BigInt { BigInt.floorDivMod(a, b)?.0 ?? BigInt(0) }
        func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
            var (a, b) = (a, b)
            while !b.isZero { (a, b) = (b, BigInt.floorDivMod(a, b)?.1 ?? BigInt(0)) }
            return a
        }
        switch short {
        case "factorial":
            let n = try int(0)
            if n < 0 { throw ShellError("factorial() not defined for negative values", span: span, kind: .valueError) }
            // Past 20! the product is a big int; 100,000! has 1.5 million digits' worth of bits.
            if n > 100_000 { throw PythonArithmetic.tooBig(span) }
            var r = BigInt(1)
            for k in stride(from: 2, through: n, by: 1) {
                if Interrupt.isRequested { throw Interrupt.error }
                r = r * BigInt(k)
            }
            return PythonArithmetic.normalized(r)
        case "gcd", "lcm":
            // Big ints throughout: gcd(-2**63) is 2**63 and lcm(2**62, 3) is past Int64, where
            // Int arithmetic trapped.
            var r = BigInt(short == "gcd" ? 0 : 1)
            for i in 0..<args.count {
                let x = magnitude(try bigArg(i))
                let g = gcd(r, x)
                if short == "gcd" {
                    r = g
                } else {
                    r = g.isZero ? BigInt(0) : quotient(r, g) * x
                    if r.bitWidth > BigInt.maxBits { throw PythonArithmetic.tooBig(span) }
                }
            }
            return PythonArithmetic.normalized(r)
        case "comb", "perm":
            if short == "comb" && args.count != 2 {
                throw ShellError("comb expected 2 arguments, got \(args.count)", span: span, kind: .typeError)
            }
            if args.count < 1 || args.count > 2 {
                throw ShellError("perm expected \(args.count < 1 ? "at least 1 argument" : "at most 2 arguments"), got \(args.count)", span: span, kind: .typeError)
            }
            let n = try bigArg(0)
            var kGiven = args.count > 1
            if kGiven, case .none = args[1] { kGiven = false }
            let k = kGiven ? try bigArg(1) : n
            if n.negative { throw ShellError("n must be a non-negative integer", span: span, kind: .valueError) }
            if k.negative { throw ShellError("k must be a non-negative integer", span: span, kind: .valueError) }
            if BigInt.compareMagnitude(k.limbs, n.limbs) > 0 { return .int(0) }
            // comb(n, k) == comb(n, n - k): the shorter of the two products.
            var steps = k
            if short == "comb", BigInt.compareMagnitude((k + k).limbs, n.limbs) > 0 { steps = n - k }
            // A result whose size alone is past the int limit is refused before any step
            // (log2 lower bounds, from bit widths): each of perm's k factors is at least n-k+1,
            // and perm(n, k) >= k! >= (k/e)**k; comb's s = min(k, n-k) steps give
            // C(n, s) >= (n/s)**s >= 2**s.
            if !steps.isZero {
                let stepCount = steps.asDouble ?? .infinity, stepBits = Double(steps.bitWidth)
                let perFactor = short == "perm"
                    ? Swift.max(Double((n - k + BigInt(1)).bitWidth) - 1, stepBits - 2.45)
                    : Swift.max(1, Double(n.bitWidth) - 1 - stepBits)
                if stepCount * perFactor > Double(BigInt.maxBits) { throw PythonArithmetic.tooBig(span) }
            }
            var r = BigInt(1), i = BigInt(0)
            while BigInt.compareMagnitude(i.limbs, steps.limbs) < 0 {
                if Interrupt.isRequested { throw Interrupt.error }
                r = r * (n - i)
                if short == "comb" { r = quotient(r, i + BigInt(1)) }
                if r.bitWidth > BigInt.maxBits { throw PythonArithmetic.tooBig(span) }
                i = i + BigInt(1)
            }
            return PythonArithmetic.normalized(r)
        case "isclose":
            guard args.count == 2 else {
                throw ShellError("isclose() missing required argument '\(args.count == 0 ? "a" : "b")' (pos \(args.count + 1))", span: span, kind: .typeError)
            }
            let a = try double(args[0], span), b = try double(args[1], span)
            let rel = try Builtins.keyword(keywords, "rel_tol").map { (v) throws(ShellError) -> Double in try double(v, span) } ?? 1e-9
            let absTol = try Builtins.keyword(keywords, "abs_tol").map { (v) throws(ShellError) -> Double in try double(v, span) } ?? 0
            if rel < 0 || absTol < 0 { throw ShellError("tolerances must be non-negative", span: span, kind: .valueError) }
            if a == b { return .bool(true) }
            if a.isInfinite || b.isInfinite { return .bool(false) }
            let diff = Swift.abs(a - b)
            return .bool(diff <= Swift.abs(rel * b) || diff <= Swift.abs(rel * a) || diff <= absTol)
        case "prod":
            var total: Value = Builtins.keyword(keywords, "start") ?? .int(1)
            for x in try ev.iterate(args.first ?? .list([]), span) { total = try ev.operate("*", total, x, span) }
            return total
        default:
            throw ShellError("module 'math' has no attribute '\(short)'", span: span, kind: .attributeError)
        }
    }
}
