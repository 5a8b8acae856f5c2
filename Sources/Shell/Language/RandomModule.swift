import Foundation
import Tensor

/// Python's `random` module: the module-level functions of CPython's hidden `Random()`
/// instance, drawing from the session's `PythonRandom` (the same MT19937 as `np.random`, seeded
/// and drawn by CPython's rules; docs/python-random.md). Each function consumes exactly the draws
/// CPython's does, in the same order, so `random.seed(42); random.shuffle(xs)` orders `xs` as
/// CPython does. Argument errors are CPython's (`Random.randint() missing 1 required …`).
enum RandomModule {
    static let functions: Set<String> = [
        "seed", "random", "getrandbits", "randrange", "randint", "choice", "shuffle", "sample", "choices",
        "uniform", "gauss", "normalvariate", "expovariate", "triangular", "lognormvariate", "getstate", "setstate",
    ]

    static func attribute(_ name: String, span: Range<Int>) throws(ShellError) -> Value {
        guard functions.contains(name) || name == "Random" else {
            throw ShellError("module 'random' has no attribute '\(name)'", span: span, kind: .attributeError)
        }
        return .builtin(Builtin(name: "random." + name, receiver: nil))
    }

    private static func signature(_ name: String, _ parameters: [String], required: Int, keywordOnly: [String] = []) -> PythonSignature {
        PythonSignature(name: "Random." + name, parameters: parameters, required: required, keywordOnly: keywordOnly, isMethod: true)
    }

    static func call(_ name: String, _ args: [Value], _ keywords: [(String, Value)], span: Range<Int>, evaluator ev: Evaluator) throws(ShellError) -> Value {
        let interpreter = ev.interpreter
        func draw() -> Double { interpreter.pythonRandom.random() }
        func below(_ n: Int) -> Int { Int(interpreter.pythonRandom.below(UInt64(n))) }
        func real(_ v: Value) throws(ShellError) -> Double { try MathModule.double(v, span, ev) }

        switch name {
        case "Random":
            return try PythonRandomObject.make(args, keywords, span: span, evaluator: ev)
        case "getstate":
            if !keywords.isEmpty { throw ShellError("Random.getstate() takes no keyword arguments", span: span, kind: .typeError) }
            if !args.isEmpty { throw ShellError("Random.getstate() takes 1 positional argument but \(args.count + 1) were given", span: span, kind: .typeError) }
            return state(interpreter.pythonRandom)
        case "setstate":
            let a = try signature("setstate", ["state"], required: 1).bind(args, keywords, span)
            try setState(a[0] ?? .none, span, ev)
            return .none
        case "random":
            if !keywords.isEmpty { throw ShellError("Random.random() takes no keyword arguments", span: span, kind: .typeError) }
            if !args.isEmpty { throw ShellError("Random.random() takes no arguments (\(args.count) given)", span: span, kind: .typeError) }
            return .float(draw())
        case "getrandbits":
            if !keywords.isEmpty { throw ShellError("Random.getrandbits() takes no keyword arguments", span: span, kind: .typeError) }
            guard args.count == 1 else {
                throw ShellError("Random.getrandbits() takes exactly one argument (\(args.count) given)", span: span, kind: .typeError)
            }
            if case .float = args[0] { throw ShellError("'float' object cannot be interpreted as an integer", span: span, kind: .typeError) }
            let k = try ArgumentBinder.integer(args[0], span)
            if k < 0 { throw ShellError("number of bits must be non-negative", span: span, kind: .valueError) }
            if k > 1 << 20 { throw PythonArithmetic.tooBig(span) }
            let words = interpreter.pythonRandom.randomWords(bitCount: k)
            if words.count <= 2 {
                var r: UInt64 = 0
                for (i, w) in words.enumerated() { r |= UInt64(w) << UInt64(32 * i) }
                if let i = Int(exactly: r) { return .int(i) }
            }
            return PythonArithmetic.normalized(BigInt(negative: false, limbs: words))
        case "seed":
            let a = try signature("seed", ["a", "version"], required: 0).bind(args, keywords, span)
            try seed(a[0] ?? .none, version: a[1] ?? .int(2), span, ev)
            return .none
        case "randrange":
            let a = try signature("randrange", ["start", "stop", "step"], required: 1).bind(args, keywords, span)
            return .int(try randrange(a[0] ?? .none, a[1], a[2], span, ev))
        case "randint":
            let a = try signature("randint", ["a", "b"], required: 2).bind(args, keywords, span)
            let stop = try ev.operate("+", a[1] ?? .none, .int(1), span)
            return .int(try randrange(a[0] ?? .none, stop, nil, span, ev))
        case "choice":
            let a = try signature("choice", ["seq"], required: 1).bind(args, keywords, span)
            let seq = a[0] ?? .none
            let n = try length(seq, span, ev)
            if n == 0 { throw ShellError("Cannot choose from an empty sequence", span: span, kind: .indexError) }
            return try ev.subscriptValue(seq, [.int(below(n))], span)
        case "shuffle":
            let a = try signature("shuffle", ["x"], required: 1).bind(args, keywords, span)
            try shuffle(a[0] ?? .none, span, ev)
            return .none
        case "sample":
            let a = try signature("sample", ["population", "k"], required: 2, keywordOnly: ["counts"]).bind(args, keywords, span)
            return .list(try sample(a[0] ?? .none, a[1] ?? .none, counts: a[2], span, ev))
        case "choices":
            let a = try signature("choices", ["population", "weights"], required: 1, keywordOnly: ["cum_weights", "k"]).bind(args, keywords, span)
            return .list(try choices(a[0] ?? .none, weights: a[1], cumulative: a[2], k: a[3] ?? .int(1), span, ev))
        case "uniform":
            let a = try signature("uniform", ["a", "b"], required: 2).bind(args, keywords, span)
            let lo = try real(a[0] ?? .none), hi = try real(a[1] ?? .none)
            return .float(lo + (hi - lo) * draw())
        case "triangular":
            let a = try signature("triangular", ["low", "high", "mode"], required: 0).bind(args, keywords, span)
            var low = try real(a[0] ?? .float(0)), high = try real(a[1] ?? .float(1))
            var u = draw()
            if high == low { return .float(low) }
            var c = 0.5
            if let m = a[2], !m.isNone { c = (try real(m) - low) / (high - low) }
            if u > c {
                u = 1.0 - u
                c = 1.0 - c
                swap(&low, &high)
            }
            return .float(low + (high - low) * (u * c).squareRoot())
        case "gauss", "normalvariate":
            let a = try signature(name, ["mu", "sigma"], required: 0).bind(args, keywords, span)
            let mu = try real(a[0] ?? .float(0)), sigma = try real(a[1] ?? .float(1))
            let z = name == "gauss" ? interpreter.pythonRandom.gauss() : interpreter.pythonRandom.normal()
            return .float(mu + z * sigma)
        case "lognormvariate":
            let a = try signature(name, ["mu", "sigma"], required: 2).bind(args, keywords, span)
            let mu = try real(a[0] ?? .none), sigma = try real(a[1] ?? .none)
            return .float(Foundation.exp(mu + interpreter.pythonRandom.normal() * sigma))
        case "expovariate":
            let a = try signature(name, ["lambd"], required: 1).bind(args, keywords, span)
            let lambd = try real(a[0] ?? .none)
            let u = draw()
            if lambd == 0 { throw ShellError("float division by zero", span: span, kind: .zeroDivisionError) }
            return .float(-Foundation.log(1.0 - u) / lambd)
        default:
            throw ShellError("module 'random' has no attribute '\(name)'", span: span, kind: .attributeError)
        }
    }

    // MARK: - Seeding

    /// `random.seed(a)`: None from entropy, an int by its magnitude's words, a float by its
    /// hash, a str by its UTF-8 bytes and their SHA-512 digest (CPython's version 2).
    static func seed(_ a: Value, version: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) {
        let state: PythonRandom
        switch a {
        case .none: state = .fromEntropy()
        case .int(let i): state = PythonRandom(seed: i)
        case .bool(let b): state = PythonRandom(seed: b ? 1 : 0)
        case .bigint(let b): state = PythonRandom(magnitude: b.limbs)
        case .float(let d):
            // CPython seeds a non-int by its hash read as an unsigned word (`(size_t)hash`), so a
            // negative hash is 2**64 + hash, not its absolute value.
            // A NaN's hash is its object's identity in CPython, so its seed is unpredictable there too.
            guard !d.isNaN else { state = .fromEntropy(); break }
            let h = PythonHash.ofDouble(d)
            let u = UInt64(bitPattern: Int64(h))
            state = PythonRandom(magnitude: [UInt32(truncatingIfNeeded: u), UInt32(truncatingIfNeeded: u >> 32)])
        case .string(let s):
            guard case .int(2) = version else {
                throw ShellError("random.seed(str, version=1) is not supported", explanation: "rnnsh seeds a str as CPython's default version 2 does",
                                 span: span, kind: .notImplementedError)
            }
            state = PythonRandom(seedBytes: Array(s.utf8))
        default:
            throw ShellError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.", span: span, kind: .typeError)
        }
        ev.interpreter.pythonRandom = state
    }

    // MARK: - Integers

    /// `randrange`'s `_index(arg)`: an int as is; an integral float (deprecated in CPython, still
    /// accepted); anything else converted by `int()` and refused unless equal to it.
    static func index(_ v: Value, _ which: String, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .bigint:
            throw ShellError("random ranges past 64 bits are not supported", span: span, kind: .notImplementedError)
        case .scalar(let a) where a.dtype.isInteger: return try ArgumentBinder.integer(v, span)
        default:
            let converted = try Builtins.construct("int", [v], [], span: span, evaluator: ev)
            guard case .int(let i) = converted else {
                throw ShellError("random ranges past 64 bits are not supported", span: span, kind: .notImplementedError)
            }
            if let equal = try ev.pyEquals(converted, v), !equal {
                throw ShellError("non-integer \(which) for randrange()", span: span, kind: .valueError)
            }
            return i
        }
    }

    static func randrange(_ start: Value, _ stop: Value?, _ step: Value?, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Int {
        let istart = try index(start, "arg 1", span, ev)
        func below(_ n: Int) -> Int { Int(ev.interpreter.pythonRandom.below(UInt64(n))) }
        guard let stop, !stop.isNone else {
            if step != nil { throw ShellError("Missing a non-None stop argument", span: span, kind: .typeError) }
            if istart > 0 { return below(istart) }
            throw ShellError("empty range for randrange()", span: span, kind: .valueError)
        }
        let istop = try index(stop, "stop", span, ev)
        let (width, overflow) = istop.subtractingReportingOverflow(istart)
        if overflow { throw ShellError("random ranges past 64 bits are not supported", span: span, kind: .notImplementedError) }
        let istep = try step.map { (s) throws(ShellError) -> Int in try index(s, "step", span, ev) } ?? 1
        if istep == 1 {
            if width > 0 { return istart + below(width) }
            throw ShellError("empty range for randrange() (\(istart), \(istop), \(width))", span: span, kind: .valueError)
        }
        if istep == 0 { throw ShellError("zero step for randrange()", span: span, kind: .valueError) }
        // Python's floor division of (width + step ∓ 1) by step, without overflowing.
        let n = PythonRange.count(istart, istop, istep)
        if n <= 0 { throw ShellError("empty range for randrange()", span: span, kind: .valueError) }
        return istart &+ istep &* below(n)
    }

    // MARK: - Sequences

    static func length(_ v: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Int {
        guard case .int(let n) = try Builtins.call("len", [v], [], span: span, evaluator: ev) else { return 0 }
        return n
    }

    /// CPython's shuffle: from the last item down, each swapped with one at or before it.
    static func shuffle(_ x: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) {
        let n = try length(x, span, ev)
        switch x {
        case .list(let list):
            guard n > 1 else { return }
            var items = list.items
            for i in stride(from: n - 1, through: 1, by: -1) {
                if i & 0xFFF == 0, Interrupt.isRequested { throw Interrupt.error }
                let j = Int(ev.interpreter.pythonRandom.below(UInt64(i + 1)))
                items.swapAt(i, j)
            }
            list.replaceAll(items)
        case .tuple, .string, .range:
            guard n > 1 else { return }
            _ = ev.interpreter.pythonRandom.below(UInt64(n))
            throw ShellError("'\(x.typeName)' object does not support item assignment", span: span, kind: .typeError)
        default:
            throw ShellError("random.shuffle of \(x.typeName) is not supported", explanation: "shuffle a list; for an array use np.random.shuffle",
                             span: span, kind: .notImplementedError)
        }
    }

    /// `population[i]` for the sequences `sample` accepts.
    static func item(_ population: Value, _ i: Int, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> Value {
        try ev.subscriptValue(population, [.int(i)], span)
    }

    static func sample(_ population: Value, _ kValue: Value, counts: Value?, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> [Value] {
        switch population {
        case .list, .tuple, .string, .range: break
        default:
            throw ShellError("Population must be a sequence.  For dicts or sets, use sorted(d).", span: span, kind: .typeError)
        }
        let n = try length(population, span, ev)
        if let counts, !counts.isNone {
            var cumulative: [Int] = []
            var total = 0
            var allInts = true
            for c in try ev.iterate(counts, span) {
                switch c {
                case .int(let i): total += i
                case .bool(let b): total += b ? 1 : 0
                default: allInts = false
                }
                cumulative.append(total)
            }
            if cumulative.count != n { throw ShellError("The number of counts does not match the population", span: span, kind: .valueError) }
            if !allInts { throw ShellError("Counts must be integers", span: span, kind: .typeError) }
            cumulative.removeLast()
            if total <= 0 { throw ShellError("Total of counts must be greater than zero", span: span, kind: .valueError) }
            let selections = try sample(.range(0, total, 1), kValue, counts: nil, span, ev)
            var out: [Value] = []
            for s in selections {
                guard case .int(let v) = s else { continue }
                // bisect_right: the first cumulative count above the selection.
                var lo = 0, hi = cumulative.count
                while lo < hi { let mid = (lo + hi) / 2; if v < cumulative[mid] { hi = mid } else { lo = mid + 1 } }
                out.append(try item(population, lo, span, ev))
            }
            return out
        }
        if case .float = kValue { throw ShellError("'float' object cannot be interpreted as an integer", span: span, kind: .typeError) }
        let k = try ArgumentBinder.integer(kValue, span)
        if k < 0 || k > n { throw ShellError("Sample larger than population or is negative", span: span, kind: .valueError) }
        if k > PythonLimits.maxItems { throw ShellError("sample of \(k) items is too large to build as a list", span: span, kind: .memoryError) }
        var setsize = 21
        if k > 5 {
            let e = Int((Foundation.log(Double(k * 3)) / Foundation.log(4.0)).rounded(.up))
            setsize += e < 31 ? 1 << (2 * e) : Int.max / 2
        }
        var result: [Value] = []
        result.reserveCapacity(k)
        if n <= setsize {
            var pool = try ev.iterate(population, span)
            for i in 0..<k {
                let j = Int(ev.interpreter.pythonRandom.below(UInt64(n - i)))
                result.append(pool[j])
                pool[j] = pool[n - i - 1]
            }
        } else {
            var selected = Set<Int>()
            for _ in 0..<k {
                if Interrupt.isRequested { throw Interrupt.error }
                var j = Int(ev.interpreter.pythonRandom.below(UInt64(n)))
                while selected.contains(j) { j = Int(ev.interpreter.pythonRandom.below(UInt64(n))) }
                selected.insert(j)
                result.append(try item(population, j, span, ev))
            }
        }
        return result
    }

    static func choices(_ population: Value, weights: Value?, cumulative: Value?, k kValue: Value, _ span: Range<Int>, _ ev: Evaluator) throws(ShellError) -> [Value] {
        let n = try length(population, span, ev)
        if case .float = kValue { throw ShellError("'float' object cannot be interpreted as an integer", span: span, kind: .typeError) }
        let k = max(0, try ArgumentBinder.integer(kValue, span))
        if k > PythonLimits.maxItems { throw ShellError("choices of \(k) items is too large to build as a list", span: span, kind: .memoryError) }
        var out: [Value] = []
        out.reserveCapacity(k)
        var cum: [Double]
        if cumulative == nil || cumulative?.isNone == true {
            guard let weights, !weights.isNone else {
                for _ in 0..<k {
                    let i = Int((ev.interpreter.pythonRandom.random() * Double(n)).rounded(.down))
                    out.append(try item(population, i, span, ev))
                }
                return out
            }
            if case .int(let given) = weights {
                throw ShellError("The number of choices must be a keyword argument: k=\(given)", span: span, kind: .typeError)
            }
            cum = []
            var total = 0.0
            for w in try ev.iterate(weights, span) {
                total += try MathModule.double(w, span, ev)
                cum.append(total)
            }
        } else {
            if let weights, !weights.isNone {
                throw ShellError("Cannot specify both weights and cumulative weights", span: span, kind: .typeError)
            }
            cum = []
            for w in try ev.iterate(cumulative ?? .none, span) { cum.append(try MathModule.double(w, span, ev)) }
        }
        if cum.count != n { throw ShellError("The number of weights does not match the population", span: span, kind: .valueError) }
        let total = cum.last ?? 0
        if total <= 0 { throw ShellError("Total of weights must be greater than zero", span: span, kind: .valueError) }
        if !total.isFinite { throw ShellError("Total of weights must be finite", span: span, kind: .valueError) }
        let hi = n - 1
        for _ in 0..<k {
            let x = ev.interpreter.pythonRandom.random() * total
            var lo = 0, top = hi
            while lo < top { let mid = (lo + top) / 2; if x < cum[mid] { top = mid } else { lo = mid + 1 } }
            out.append(try item(population, lo, span, ev))
        }
        return out
    }
}
