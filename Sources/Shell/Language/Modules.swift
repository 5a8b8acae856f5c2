import Foundation
import Tensor

/// The modules `import` knows: numpy (the shell's own namespace), and Python's `math`,
/// `time` (for timing loops), `random`, `itertools`, `functools`, `collections` and `__future__` (one file each). Anything else is Python's ModuleNotFoundError.
enum Modules {
    static let pythonModules: Set<String> = ["math", "time", "random", "itertools", "functools", "collections", "__future__"]

    static func isPythonModule(_ name: String) -> Bool { pythonModules.contains(name) }

    static func module(_ dotted: String) -> Value? {
        switch dotted {
        case "numpy": return .namespace("numpy")
        case "numpy.random": return .namespace("numpy.random")
        case "math", "time", "random", "itertools", "functools", "collections", "__future__": return .namespace(dotted)
        default: return TFModules.module(dotted)
        }
    }

    /// The first part of a dotted name that does not exist (`No module named 'foo'`).
    static func missingPart(_ dotted: String) -> String {
        let parts = dotted.split(separator: ".").map(String.init)
        var prefix = ""
        for p in parts {
            prefix = prefix.isEmpty ? p : prefix + "." + p
            if module(prefix) == nil { return prefix }
        }
        return dotted
    }

    static let mathFunctions: Set<String> = [
        "sqrt", "exp", "log", "log2", "log10", "log1p", "expm1", "sin", "cos", "tan", "asin", "acos", "atan", "atan2",
        "sinh", "cosh", "tanh", "floor", "ceil", "trunc", "fabs", "pow", "isnan", "isinf", "isfinite", "factorial", "gcd",
        "hypot", "isclose", "prod", "fsum", "comb", "perm", "degrees", "radians", "copysign", "fmod", "lcm",
    ]
    static let timeFunctions: Set<String> = ["time", "perf_counter", "monotonic", "process_time", "sleep", "time_ns", "perf_counter_ns"]

    static func attribute(_ module: String, _ name: String, span: Range<Int>) throws(ShellError) -> Value {
        if module == "math" {
            switch name {
            case "pi": return .float(Double.pi)
            case "e": return .float(M_E)
            case "tau": return .float(2 * Double.pi)
            case "inf": return .float(.infinity)
            case "nan": return .float(.nan)
            default: if mathFunctions.contains(name) { return .builtin(Builtin(name: "math." + name, receiver: nil)) }
            }
        }
        if module == "random" { return try RandomModule.attribute(name, span: span) }
        if module == "itertools" { return try ItertoolsModule.attribute(name, span: span) }
        if module == "functools" { return try FunctoolsModule.attribute(name, span: span) }
        if module == "collections" { return try CollectionsModule.attribute(name, span: span) }
        if module == "__future__" { return try FutureModule.attribute(name, span: span) }
        if module == "time", timeFunctions.contains(name) { return .builtin(Builtin(name: "time." + name, receiver: nil)) }
        throw ShellError("module '\(module)' has no attribute '\(name)'", span: span, kind: .attributeError)
    }

    static func double(_ v: Value, _ span: Range<Int>) throws(ShellError) -> Double {
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .scalar(let a), .array(let a):
            if a.size == 1, let s = a.scalars.first { return s.doubleValue }
        default: break
        }
        throw ShellError("must be real number, not \(v.typeName)", span: span, kind: .typeError)
    }

    static func call(_ name: String, _ args: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        let short = String(name.split(separator: ".").last ?? "")
        if name.hasPrefix("time.") {
            switch short {
            case "time": return .float(Date().timeIntervalSince1970)
            case "time_ns": return .int(Int(Date().timeIntervalSince1970 * 1e9))
            case "perf_counter", "monotonic":
                return .float(Double(DispatchTime.now().uptimeNanoseconds) / 1e9)
            case "process_time":
                // Python's: the CPU time (user + system) of the process, not the wall clock,
                // so a loop timed on a busy machine is not charged for the time it waited.
                var t = timespec()
                clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
                return .float(Double(t.tv_sec) + Double(t.tv_nsec) / 1e9)
            case "perf_counter_ns": return .int(Int(DispatchTime.now().uptimeNanoseconds))
            case "sleep":
                let s = try double(args.first ?? .int(0), span)
                if s < 0 { throw ShellError("sleep length must be non-negative", span: span, kind: .valueError) }
                var left = s
                while left > 0 {
                    if ev.interpreter.options.isInterrupted() { throw Interrupt.error }
                    let step = min(left, 0.05)
                    usleep(UInt32(step * 1e6))
                    left -= step
                }
                return .none
            default: break
            }
        }
        func arg(_ i: Int) throws(ShellError) -> Double {
            guard i < args.count else {
                throw ShellError("math.\(short)() takes exactly one argument (\(args.count) given)", span: span, kind: .typeError)
            }
            return try double(args[i], span)
        }
        func domain() -> ShellError { ShellError("math domain error", span: span, kind: .valueError) }
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
        case "sqrt": let x = try arg(0); if x < 0 { throw domain() }; return .float(x.squareRoot())
        case "exp":
            let x = try arg(0)
            let r = Foundation.exp(x)
            if r.isInfinite && x.isFinite { throw ShellError("math range error", span: span, kind: .overflowError) }
            return .float(r)
        case "log":
            let x = try arg(0)
            if x <= 0 { throw domain() }
            if args.count > 1 { return .float(Foundation.log(x) / Foundation.log(try arg(1))) }
            return .float(Foundation.log(x))
        case "log2": let x = try arg(0); if x <= 0 { throw domain() }; return .float(Foundation.log2(x))
        case "log10": let x = try arg(0); if x <= 0 { throw domain() }; return .float(Foundation.log10(x))
        case "log1p": let x = try arg(0); if x <= -1 { throw domain() }; return .float(Foundation.log1p(x))
        case "expm1": return .float(Foundation.expm1(try arg(0)))
        case "sin": return .float(Foundation.sin(try arg(0)))
        case "cos": return .float(Foundation.cos(try arg(0)))
        case "tan": return .float(Foundation.tan(try arg(0)))
        case "asin": let x = try arg(0); if Swift.abs(x) > 1 { throw domain() }; return .float(Foundation.asin(x))
        case "acos": let x = try arg(0); if Swift.abs(x) > 1 { throw domain() }; return .float(Foundation.acos(x))
        case "atan": return .float(Foundation.atan(try arg(0)))
        case "atan2": return .float(Foundation.atan2(try arg(0), try arg(1)))
        case "sinh": return .float(Foundation.sinh(try arg(0)))
        case "cosh": return .float(Foundation.cosh(try arg(0)))
        case "tanh": return .float(Foundation.tanh(try arg(0)))
        case "floor", "ceil", "trunc":
            if case .int(let i)? = args.first { return .int(i) }
            let x = try arg(0)
            let r = short == "floor" ? x.rounded(.down) : (short == "ceil" ? x.rounded(.up) : x.rounded(.towardZero))
            return .int(try PyNumbers.fromDouble(r, span))
        case "fabs": return .float(Swift.abs(try arg(0)))
        case "pow": return .float(Foundation.pow(try arg(0), try arg(1)))
        case "isnan": return .bool(try arg(0).isNaN)
        case "isinf": return .bool(try arg(0).isInfinite)
        case "isfinite": return .bool(try arg(0).isFinite)
        case "degrees": return .float(try arg(0) * 180 / Double.pi)
        case "radians": return .float(try arg(0) * Double.pi / 180)
        case "copysign": return .float(Foundation.copysign(try arg(0), try arg(1)))
        case "fmod": return .float(Foundation.fmod(try arg(0), try arg(1)))
        case "hypot":
            var s = 0.0
            for i in 0..<args.count { let x = try arg(i); s += x * x }
            return .float(s.squareRoot())
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
            let a = try arg(0), b = try arg(1)
            let rel = try Builtins.keyword(keywords, "rel_tol").map { (v) throws(ShellError) -> Double in try double(v, span) } ?? 1e-9
            let absTol = try Builtins.keyword(keywords, "abs_tol").map { (v) throws(ShellError) -> Double in try double(v, span) } ?? 0
            if a == b { return .bool(true) }
            if a.isInfinite || b.isInfinite { return .bool(false) }
            let diff = Swift.abs(a - b)
            return .bool(diff <= Swift.abs(rel * b) || diff <= Swift.abs(rel * a) || diff <= absTol)
        case "prod":
            var total: Value = Builtins.keyword(keywords, "start") ?? .int(1)
            for x in try ev.iterate(args.first ?? .list([]), span) { total = try ev.operate("*", total, x, span) }
            return total
        case "fsum":
            var parts: [Double] = []
            for x in try ev.iterate(args.first ?? .list([]), span) {
                var v = try double(x, span)
                var kept: [Double] = []
                for var p in parts {
                    if Swift.abs(v) < Swift.abs(p) { swap(&v, &p) }
                    let hi = v + p
                    let lo = p - (hi - v)
                    if lo != 0 { kept.append(lo) }
                    v = hi
                }
                kept.append(v)
                parts = kept
            }
            return .float(parts.reduce(0, +))
        default:
            throw ShellError("module 'math' has no attribute '\(short)'", span: span, kind: .attributeError)
        }
    }
}
