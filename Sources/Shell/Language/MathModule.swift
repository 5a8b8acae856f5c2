import Foundation

/// Python's `math` module, with CPython 3.11's results and its errors.
///
/// Most functions are the C library's, wrapped in CPython's one rule for errors (see
/// `checked`): a NaN out of a non-NaN argument is `ValueError: math domain error`, an
/// infinity out of finite arguments is `OverflowError: math range error` where the function
/// can overflow and a domain error where it cannot (`atanh(1)`, `log1p(-1)`). Where CPython
/// does not call the C library, the answer would differ in the last bits, so this file
/// follows CPython's own algorithms instead: `gamma`/`lgamma` (Lanczos' approximation, see
/// `Gamma`), `hypot`/`dist` (a norm with a correction step, `vectorNorm`), `fsum` (Shewchuk's
/// exact partials with CPython's half-even fix-up), and `log` of ints too large for a float.
/// docs/python-math.md says why each one is what it is.
enum MathModule {
    static let constants: [String: Double] = ["pi": .pi, "e": M_E, "tau": 2 * .pi, "inf": .infinity, "nan": .nan]

    /// One-argument functions of a float: the C function, and whether an infinite result from
    /// a finite argument is an overflow (else it is a domain error).
    static let unary: [String: (f: @Sendable (Double) -> Double, canOverflow: Bool)] = [
        "acos": (Foundation.acos, false), "acosh": (Foundation.acosh, false), "asin": (Foundation.asin, false),
        "asinh": (Foundation.asinh, false), "atan": (Foundation.atan, false), "atanh": (Foundation.atanh, false),
        "cbrt": (Foundation.cbrt, false), "cos": (Foundation.cos, false), "cosh": (Foundation.cosh, true),
        "erf": (Foundation.erf, false), "erfc": (Foundation.erfc, false), "exp": (Foundation.exp, true),
        "exp2": (Foundation.exp2, true), "expm1": (Foundation.expm1, true), "fabs": (Swift.abs, false),
        "log1p": (Foundation.log1p, false), "sin": (Foundation.sin, false), "sinh": (Foundation.sinh, true),
        "sqrt": ({ $0.squareRoot() }, false), "tan": (Foundation.tan, false), "tanh": (Foundation.tanh, false),
    ]

    /// Two-argument functions of floats, under the same rule (both arguments finite → range).
    static let binary: [String: @Sendable (Double, Double) -> Double] = [
        "atan2": Foundation.atan2, "copysign": Foundation.copysign, "remainder": Foundation.remainder,
    ]

    static let otherNames: Set<String> = [
        "ceil", "comb", "degrees", "dist", "factorial", "floor", "fmod", "frexp", "fsum", "gamma", "gcd", "hypot",
        "isclose", "isfinite", "isinf", "isnan", "isqrt", "lcm", "ldexp", "lgamma", "log", "log10", "log2", "modf", "nextafter",
        "perm", "pow", "prod", "radians", "trunc", "ulp",
    ]

    static func attribute(_ name: String) -> Value? {
        if let c = constants[name] { return .float(c) }
        if unary[name] != nil || binary[name] != nil || otherNames.contains(name) {
            return .builtin(Builtin(name: "math." + name, receiver: nil))
        }
        return nil
    }

    // MARK: Arguments

    /// CPython's `PyFloat_AsDouble`: ints (big ones rounded, or an OverflowError), bools,
    /// numpy scalars and 0-d arrays; anything else is 'must be real number'.
    static func double(_ v: Value, _ span: Range<Int>, _ ev: Evaluator? = nil) throws(ShellError) -> Double {
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .bigint(let b):
            guard let d = b.asDouble else { throw ShellError("int too large to convert to float", span: span, kind: .overflowError) }
            return d
        case .scalar, .array:
            if let ev, case .float(let d) = try PyNumbers.float([v], span: span, evaluator: ev) { return d }
            if case .scalar(let a) = v, let s = a.scalars.first { return s.doubleValue }
        default: break
        }
        throw ShellError("must be real number, not \(v.typeName)", span: span, kind: .typeError)
    }

    /// An int argument (`isqrt`, `factorial`, `ldexp`'s exponent): ints and bools only.
    static func bigInteger(_ v: Value, _ span: Range<Int>) throws(ShellError) -> BigInt {
        switch v {
        case .int(let i): return BigInt(i)
        case .bool(let b): return BigInt(b ? 1 : 0)
        case .bigint(let b): return b
        case .scalar(let a) where a.dtype.isInteger: if let s = a.scalars.first, case .int(let i) = s { return BigInt(Int(i)) }
        default: break
        }
        throw ShellError("'\(v.typeName)' object cannot be interpreted as an integer", span: span, kind: .typeError)
    }

    static func domainError(_ span: Range<Int>) -> ShellError { ShellError("math domain error", span: span, kind: .valueError) }
    static func rangeError(_ span: Range<Int>) -> ShellError { ShellError("math range error", span: span, kind: .overflowError) }

    /// CPython's rule for a C function's result (`math_1`/`math_2`): a NaN from non-NaN
    /// arguments is a domain error; an infinity from finite arguments is a range error when
    /// the function can overflow, else a domain error (a pole such as `atanh(1)`).
    static func checked(_ r: Double, _ args: [Double], canOverflow: Bool, _ span: Range<Int>) throws(ShellError) -> Value {
        if r.isNaN && !args.contains(where: \.isNaN) { throw domainError(span) }
        if r.isInfinite && args.allSatisfy(\.isFinite) { throw canOverflow ? rangeError(span) : domainError(span) }
        return .float(r)
    }

    // MARK: Calls

    static func call(_ name: String, _ args: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        /// METH_O functions count their arguments this way…
        func one() throws(ShellError) -> Double { try double(try singleValue(), span, ev) }
        func singleValue() throws(ShellError) -> Value {
            guard args.count == 1 else {
                throw ShellError("math.\(name)() takes exactly one argument (\(args.count) given)", span: span, kind: .typeError)
            }
            return args[0]
        }
        /// …and Argument Clinic's fixed-arity ones this way.
        func exactly(_ n: Int) throws(ShellError) {
            guard args.count == n else {
                throw ShellError("\(name) expected \(n) argument\(n == 1 ? "" : "s"), got \(args.count)", span: span, kind: .typeError)
            }
        }
        if !keywords.isEmpty && !["isclose", "prod", "perm", "comb"].contains(name) {
            throw ShellError("math.\(name)() takes no keyword arguments", span: span, kind: .typeError)
        }
        if let (f, canOverflow) = unary[name] {
            let x = try one()
            return try checked(f(x), [x], canOverflow: canOverflow, span)
        }
        if let f = binary[name] {
            try exactly(2)
            let x = try double(args[0], span, ev), y = try double(args[1], span, ev)
            return try checked(f(x, y), [x, y], canOverflow: true, span)
        }
        switch name {
        case "floor", "ceil", "trunc":
            let a = try singleValue()
            switch a {
            case .int, .bigint: return a
            case .bool(let b): return .int(b ? 1 : 0)
            default: break
            }
            let x = try double(a, span, ev)
            let r = name == "floor" ? x.rounded(.down) : (name == "ceil" ? x.rounded(.up) : x.rounded(.towardZero))
            return try integer(r, span)
        case "degrees": return .float(try one() * (180.0 / Double.pi))
        case "radians": return .float(try one() * (Double.pi / 180.0))
        case "isnan": return .bool(try one().isNaN)
        case "isinf": return .bool(try one().isInfinite)
        case "isfinite": return .bool(try one().isFinite)
        case "gamma": return try gammaResult(Gamma.gamma(try one()), span)
        case "lgamma": return try gammaResult(Gamma.logGamma(try one()), span)
        case "frexp":
            let x = try one()
            if x == 0 || !x.isFinite { return .tuple([.float(x), .int(0)]) }
            // C's frexp: x = m·2**e with 0.5 <= |m| < 1.
            return .tuple([.float(x.significand / 2 * (x < 0 ? -1 : 1)), .int(Int(x.exponent) + 1)])
        case "modf":
            let x = try one()
            if x.isInfinite { return .tuple([.float(Foundation.copysign(0, x)), .float(x)]) }
            let whole = x.rounded(.towardZero)
            return .tuple([.float(Foundation.copysign(x - whole, x)), .float(whole)])
        case "ulp":
            let x = Swift.abs(try one())
            if x.isNaN || x.isInfinite { return .float(x) }
            if x == .greatestFiniteMagnitude { return .float(x - x.nextDown) }
            return .float(x.nextUp - x)
        case "ldexp":
            try exactly(2)
            let x = try double(args[0], span, ev)
            if case .float = args[1] { throw ShellError("Expected an int as second argument to ldexp.", span: span, kind: .typeError) }
            let e = try bigInteger(args[1], span)
            if x == 0 || !x.isFinite { return .float(x) }
            // Exponents past any float's range act as the largest ones (CPython clamps to a long).
            let n = e.asInt.map { Swift.min(Swift.max($0, -100_000), 100_000) } ?? (e.negative ? -100_000 : 100_000)
            let r = Foundation.scalbn(x, n)
            if r.isInfinite { throw rangeError(span) }
            return .float(r)
        case "fmod":
            try exactly(2)
            let x = try double(args[0], span, ev), y = try double(args[1], span, ev)
            // fmod(x, ±inf) is x for finite x (some C libraries disagree; CPython decides).
            if y.isInfinite && x.isFinite { return .float(x) }
            return try checked(Foundation.fmod(x, y), [x, y], canOverflow: true, span)
        case "nextafter":
            // Never an error: the float after the largest one is infinity.
            try exactly(2)
            return .float(Foundation.nextafter(try double(args[0], span, ev), try double(args[1], span, ev)))
        case "pow":
            try exactly(2)
            return try power(try double(args[0], span, ev), try double(args[1], span, ev), span)
        case "log":
            guard (1...2).contains(args.count) else {
                throw ShellError("math.log requires 1 to 2 arguments", span: span, kind: .typeError)
            }
            let num = try logarithm(args[0], Foundation.log, span, ev)
            guard args.count == 2 else { return .float(num) }
            let den = try logarithm(args[1], Foundation.log, span, ev)
            if den == 0 { throw ShellError("float division by zero", span: span, kind: .zeroDivisionError) }
            return .float(num / den)
        case "log2": return .float(try logarithm(try singleValue(), Foundation.log2, span, ev))
        case "log10": return .float(try logarithm(try singleValue(), Foundation.log10, span, ev))
        case "hypot":
            var xs: [Double] = []
            for a in args { xs.append(try double(a, span, ev)) }
            return .float(vectorNorm(xs))
        case "dist":
            try exactly(2)
            let p = try ev.iterate(args[0], span), q = try ev.iterate(args[1], span)
            guard p.count == q.count else {
                throw ShellError("both points must have the same number of dimensions", span: span, kind: .valueError)
            }
            var xs: [Double] = []
            for (a, b) in zip(p, q) { xs.append(try double(a, span, ev) - double(b, span, ev)) }
            return .float(vectorNorm(xs))
        case "fsum":
            var xs: [Double] = []
            for v in try ev.iterate(try singleValue(), span) {
                if Interrupt.isRequested { throw Interrupt.error }
                xs.append(try double(v, span, ev))
            }
            return .float(try exactSum(xs, span))
        case "isqrt":
            guard args.count == 1 else {
                throw ShellError("math.isqrt() takes exactly one argument (\(args.count) given)", span: span, kind: .typeError)
            }
            let n = try bigInteger(args[0], span)
            if n.negative { throw ShellError("isqrt() argument must be nonnegative", span: span, kind: .valueError) }
            return PythonArithmetic.normalized(integerSquareRoot(n))
        default:
            return try integerFunction(name, args, keywords, span: span, evaluator: ev)
        }

    }

    /// A float's integral value as a Python int (floor, ceil, trunc): big past 64 bits.
    static func integer(_ r: Double, _ span: Range<Int>) throws(ShellError) -> Value {
        if r.isNaN { throw ShellError("cannot convert float NaN to integer", span: span, kind: .valueError) }
        if r.isInfinite { throw ShellError("cannot convert float infinity to integer", span: span, kind: .overflowError) }
        if let i = Int(exactly: r) { return .int(i) }
        guard let b = BigInt(exactly: r) else { throw ShellError("cannot convert float to integer", span: span, kind: .overflowError) }
        return PythonArithmetic.normalized(b)
    }

    /// gamma and lgamma report their own errors (CPython's `math_1a`): a pole or an invalid
    /// argument is a domain error, a result too large a range error.
    static func gammaResult(_ r: (value: Double, error: Gamma.Failure?), _ span: Range<Int>) throws(ShellError) -> Value {
        switch r.error {
        case .domain?: throw domainError(span)
        case .range? where Swift.abs(r.value) >= 1.5: throw rangeError(span)
        default: return .float(r.value)
        }
    }

    /// `math.pow`, whose special values CPython settles itself (C99's Annex F) before the C
    /// library sees finite arguments.
    static func power(_ x: Double, _ y: Double, _ span: Range<Int>) throws(ShellError) -> Value {
        if !x.isFinite || !y.isFinite {
            if x.isNaN { return .float(y == 0 ? 1 : x) }
            if y.isNaN { return .float(x == 1 ? 1 : y) }
            if x.isInfinite {
                let oddY = y.isFinite && Foundation.fmod(Swift.abs(y), 2) == 1
                if y > 0 { return .float(oddY ? x : Swift.abs(x)) }
                if y == 0 { return .float(1) }
                return .float(oddY ? Foundation.copysign(0, x) : 0)
            }
            if Swift.abs(x) == 1 { return .float(1) }
            if y > 0 && Swift.abs(x) > 1 { return .float(y) }
            if y < 0 && Swift.abs(x) < 1 { return .float(-y) }
            return .float(0)
        }
        let r = Foundation.pow(x, y)
        if r.isNaN { throw domainError(span) }
        // An infinity is 0 to a negative power (a pole) or an overflow.
        if r.isInfinite { throw x == 0 ? domainError(span) : rangeError(span) }
        return .float(r)
    }

    /// `log`, `log2` and `log10` of a number, ints of any size included: an int too large for
    /// a float is m·2**e, and its logarithm `f(m) + f(2)·e` (CPython's `loghelper`).
    static func logarithm(_ v: Value, _ f: (Double) -> Double, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Double {
        if case .bigint(let b) = v {
            if b.negative || b.isZero { throw domainError(span) }
            if b.asDouble == nil {
                let (m, e) = frexp(b)
                return f(m) + f(2.0) * Double(e)
            }
        }
        if case .int(let i) = v, i <= 0 { throw domainError(span) }
        let x = try double(v, span, ev)
        if x.isNaN { return x }
        if x <= 0 { throw domainError(span) }
        return f(x)
    }

    /// A positive big int as m·2**e with 0.5 <= m < 1, m correctly rounded.
    static func frexp(_ b: BigInt) -> (Double, Int) {
        guard b.bitWidth > 64 else { return Foundation.frexp(b.asDouble ?? 0) }
        let (m, shift) = b.stickyTop64
        var d = Double(m) / 18446744073709551616.0 // m / 2**64, in [0.5, 1]
        var e = shift + 64
        if d == 1 { d = 0.5; e += 1 }
        return (d, e)
    }

    /// ⌊√n⌋ by Newton's method on big ints (exact; CPython's isqrt gives the same integer).
    static func integerSquareRoot(_ n: BigInt) -> BigInt {
        if n.isZero { return n }
        // Start above the root: 2**ceil(bits/2).
        var x = BigInt.shiftedLeft(BigInt(1), (n.bitWidth + 1) / 2) ?? n
        while true {
            let q = BigInt.floorDivMod(n, x)?.0 ?? BigInt(0)
            let y = BigInt.shiftedRight(x + q, 1)
            if BigInt.compare(y, x) >= 0 { return x }
            x = y
        }
    }

    /// CPython 3.11's `vector_norm` (`hypot`, `dist`): the inputs scaled by a power of two so
    /// the largest lies in [0.5, 1), squares and their sum carried as exact pairs, then one
    /// Newton correction of the square root. The plain `sqrt(sum(x*x))` differs from it in the
    /// last bit for about one input in six.
    static func vectorNorm(_ values: [Double]) -> Double {
        var xs = values.map { Swift.abs($0) }
        var maxValue = 0.0, foundNaN = false
        for x in xs {
            foundNaN = foundNaN || x.isNaN
            if x > maxValue { maxValue = x }
        }
        if maxValue.isInfinite { return maxValue }
        if foundNaN { return .nan }
        if maxValue == 0 || xs.count <= 1 { return maxValue }
        let maxExponent = Int(maxValue.exponent) + 1
        if maxExponent < -1023 {
            // Subnormals: made normal first (2**-max_e would overflow).
            let least = Double.leastNormalMagnitude
            for i in xs.indices { xs[i] /= least }
            return least * vectorNorm(xs)
        }
        let scale = Foundation.scalbn(1.0, -maxExponent)
        var csum = 1.0, frac1 = 0.0, frac2 = 0.0
        for x0 in xs {
            let x = x0 * scale
            let (prHi, prLo) = exactProduct(x, x)
            let (smHi, smLo) = fastSum(csum, prHi)
            csum = smHi
            frac1 += prLo
            frac2 += smLo
        }
        var h = (csum - 1.0 + (frac1 + frac2)).squareRoot()
        let (prHi, prLo) = exactProduct(-h, h)
        let (smHi, smLo) = fastSum(csum, prHi)
        csum = smHi
        frac1 += prLo
        frac2 += smLo
        let x = csum - 1.0 + (frac1 + frac2)
        h += x / (2.0 * h)
        return h / scale
    }

    /// a + b as a rounded sum and its exact error (|a| >= |b|).
    @inline(__always) static func fastSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let x = a + b
        return (x, (a - x) + b)
    }

    /// x·y as a rounded product and its exact error (a fused multiply-add).
    @inline(__always) static func exactProduct(_ x: Double, _ y: Double) -> (Double, Double) {
        let z = x * y
        return (z, (-z).addingProduct(x, y))
    }

    /// `fsum`: Shewchuk's non-overlapping partials (exact), then their sum correctly rounded,
    /// including CPython's fix-up for a half-way case spread over two partials. Infinities
    /// and NaNs are summed apart (inf + -inf is CPython's ValueError); an overflow of the
    /// partials themselves is its OverflowError.
    static func exactSum(_ values: [Double], _ span: Range<Int>) throws(ShellError) -> Double {
        var partials: [Double] = []
        var specialSum = 0.0, infSum = 0.0
        for xsave in values {
            var x = xsave
            var kept = 0
            for j in partials.indices {
                var y = partials[j]
                if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
                let hi = x + y
                let lo = y - (hi - x)
                if lo != 0 { partials[kept] = lo; kept += 1 }
                x = hi
            }
            partials.removeLast(partials.count - kept)
            if x != 0 {
                if !x.isFinite {
                    if xsave.isFinite { throw ShellError("intermediate overflow in fsum", span: span, kind: .overflowError) }
                    if xsave.isInfinite { infSum += xsave }
                    specialSum += xsave
                    partials.removeAll()
                } else {
                    partials.append(x)
                }
            }
        }
        if specialSum != 0 {
            if infSum.isNaN { throw ShellError("-inf + inf in fsum", span: span, kind: .valueError) }
            return specialSum
        }
        var hi = 0.0, lo = 0.0
        var n = partials.count
        if n > 0 {
            n -= 1
            hi = partials[n]
            while n > 0 {
                let x = hi
                n -= 1
                let y = partials[n]
                hi = x + y
                lo = y - (hi - x)
                if lo != 0 { break }
            }
            // Half-way between two floats across two partials: round to even by hand.
            if n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0)) {
                let y = lo * 2
                let x = hi + y
                if y == x - hi { hi = x }
            }
        }
        return hi
    }
}

extension MathModule {
    /// What `dir(math)` lists.
    static var names: [String] { Array(constants.keys) + Array(unary.keys) + Array(binary.keys) + Array(otherNames) }
}
