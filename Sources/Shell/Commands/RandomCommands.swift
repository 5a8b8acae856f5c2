import Tensor

/// `np.random`: numpy's random streams, bit for bit (the algorithms live in Tensor/Random and
/// are described in docs/random.md).
///
/// - The global functions (`np.random.seed`, `rand`, `randn`, `randint`, `choice`, ...) and the
///   command forms (`seed 0`, `randn 2 3`) draw from the session's legacy `RandomState`.
/// - `np.random.RandomState(seed)` makes a legacy state of its own; its methods are the same
///   commands under `RandomState.NAME`, each declared once here for both uses.
/// - `np.random.default_rng(seed)` makes a `Generator` (PCG64); its methods are `Generator.NAME`.
///
/// What numpy returns is kept: a Python float or int when no size is given (a numpy scalar for
/// an explicit integer dtype), an array otherwise.
enum RandomCommands {
    static var all: [Command] {
        legacyFunctions.map { $0.global } + [randomStateCommand, defaultRNG] + legacyFunctions.map { $0.method }
            + generatorCommands
    }

    /// What `np.random.NAME` names: the legacy functions and constructors registered under their
    /// plain names (`rand`, `seed`, `default_rng`), and the samplers registered as `random.NAME`
    /// (their plain names would clash with numpy's `power`, or make `beta`/`gamma`/`f` command
    /// words). Nothing else: the shell's one namespace also holds `power` and `log`.
    static func moduleFunction(_ name: String, in registry: Registry) -> String? {
        if registry["random." + name] != nil { return "random." + name }
        if plainModuleNames.contains(name), registry[name] != nil { return name }
        return nil
    }

    static var plainModuleNames: Set<String> { Set(legacyFunctions.filter { !$0.qualified }.map(\.name) + ["RandomState", "default_rng"]) }

    static func moduleNames(in registry: Registry) -> [String] {
        plainModuleNames.sorted() + registry.names.filter { $0.hasPrefix("random.") }.map { String($0.dropFirst("random.".count)) }
    }

    // MARK: - Argument helpers

    /// numpy's `size`: None (one value), an int, or a shape.
    static func size(_ call: Invocation, _ name: String = "size") throws(ShellError) -> [Int]? {
        let v = call.arguments[name]
        if v.isNone { return nil }
        let dims = try ArgumentBinder.integers(v, call.arguments.span(name))
        if dims.contains(where: { $0 < 0 }) { throw call.error("negative dimensions are not allowed", argument: name, kind: .valueError) }
        return dims
    }

    /// A distribution parameter as an array (a number, list or array), or its default.
    static func parameter(_ call: Invocation, _ name: String, default d: Double) throws(ShellError) -> NDArray {
        let v = call.arguments[name]
        if case .float(let x) = v { return NDArray(scalar: x) }
        if case .int(let i) = v { return NDArray(scalar: Double(i)) }
        if v.isNone { return NDArray(scalar: d) }
        return try call.evaluator.toArray(v, span: call.arguments.span(name))
    }

    /// A float result: a Python float when numpy returns one (no size, scalar parameters).
    static func floats(_ a: NDArray, size: [Int]?) -> Value {
        if size == nil && a.ndim == 0, let s = a.scalars.first { return .float(s.doubleValue) }
        return .array(a)
    }

    /// An integer result: a Python int when no size was given.
    static func ints(_ a: NDArray, size: [Int]?) -> Value {
        if size == nil && a.ndim == 0, case .int(let i)? = a.scalars.first { return .int(Int(i)) }
        return .array(a)
    }

    /// An integer bound of randint/integers: a Python int or integer scalar (floats truncate,
    /// as numpy's `int(low)` does).
    static func bound(_ call: Invocation, _ v: Value, _ name: String) throws(ShellError) -> Int128 {
        switch v {
        case .int(let i): return Int128(i)
        case .bool(let b): return b ? 1 : 0
        case .float(let d) where d.isFinite && Swift.abs(d) < 1e30: return Int128(d.rounded(.towardZero))
        case .scalar(let a) where a.size == 1:
            if let s = a.scalars.first {
                if case .int(let i) = s { return Int128(i) }
                let d = s.doubleValue
                if d.isFinite && Swift.abs(d) < 1e30 { return Int128(d.rounded(.towardZero)) }
            }
        case .array(let a) where a.ndim == 0:
            return try bound(call, .scalar(a), name)
        default: break
        }
        throw call.error("rnnsh's \(name) must be one integer (array bounds are not supported yet)", argument: name)
    }

    /// A probability vector `p` (None → nil) and whether it was a float32 array.
    static func probabilities(_ call: Invocation, legacy: Bool) throws(ShellError) -> (p: [Double]?, float32: Bool) {
        let v = call.arguments["p"]
        if v.isNone { return (nil, false) }
        let a = try call.evaluator.toArray(v, span: call.arguments.span("p"))
        if a.ndim != 1 { throw call.error(legacy ? "'p' must be 1-dimensional" : "p must be 1-dimensional", argument: "p", kind: .valueError) }
        // As float64 elements, not boxed scalars (10^8 of those were a minute Ctrl-C could not stop).
        let d = try wrap { () throws(TensorError) in a.dtype == .float64 ? a : try a.astype(.float64) }
        try wrap { () throws(TensorError) in try Cancellation.check() }
        return (d.elements(as: Double.self) ?? [], a.dtype == .float32)
    }

    /// `choice`'s population: a positive int, or a 1-d (legacy) / n-d (Generator) array.
    enum Population {
        case count(Int)
        case array(NDArray)
    }

    static func population(_ call: Invocation, legacy: Bool) throws(ShellError) -> Population {
        let v = call.arguments["a"]
        switch v {
        case .int(let n): return .count(n)
        case .bool(let b): return .count(b ? 1 : 0)
        default: break
        }
        let a = try call.evaluator.toArray(v, span: call.arguments.span("a"))
        if a.ndim == 0 {
            if a.dtype.isInteger || a.dtype == .bool, let s = a.scalars.first { return .count(Int(s.doubleValue)) }
            throw call.error(legacy ? "a must be 1-dimensional or an integer"
                                    : "a must be a sequence or an integer, not \(v.typeName == "float" ? "<class 'float'>" : "<class '\(v.typeName)'>")",
                             argument: "a", kind: legacy ? .valueError : .valueError)
        }
        if legacy && a.ndim != 1 { throw call.error("a must be 1-dimensional", argument: "a", kind: .valueError) }
        return .array(a)
    }

    /// The value picked by `choice`: indices (a population count) or elements of the array.
    static func choiceResult(_ picked: [Int], _ pop: Population, size: [Int]?, axis: Int = 0) throws(ShellError) -> Value {
        let shape = size ?? []
        switch pop {
        case .count:
            if size == nil, let first = picked.first { return .int(first) }
            return .array(try wrap { () throws(TensorError) in try NDArray(picked.map { Int64($0) }, shape: shape) })
        case .array(let a):
            let taken = try wrap { () throws(TensorError) in
                try RandomSampling.take(a, picked, indexShape: shape, axis: axis)
            }
            return size == nil && taken.ndim == 0 ? .scalar(taken) : .array(taken)
        }
    }

    /// Runs a draw on `state`. A draw that Ctrl-C stopped leaves the stream where it was, so
    /// the interrupted statement changes nothing (the next draw gives what it would have).
    static func drawing<S>(_ state: inout S, _ call: Invocation, _ body: (inout S) throws -> Value) throws -> Value {
        let saved = state
        do {
            let value = try body(&state)
            if call.isInterrupted { state = saved; throw Interrupt.error }
            return value
        } catch {
            if call.isInterrupted { state = saved }
            throw error
        }
    }

    static func wrap<T>(_ body: () throws(TensorError) -> T) throws(ShellError) -> T {
        do { return try body() } catch { throw ShellError(error.message, explanation: error.explanation, kind: error.kind ?? .valueError) }
    }

    /// The array a `shuffle` changes in place (a list cannot be: rnnsh's lists are values).
    static func shuffleTarget(_ call: Invocation) throws(ShellError) -> NDArray {
        switch call.arguments["x"] {
        case .array(let a): return a
        case .list:
            throw call.error("rnnsh shuffles arrays in place, not lists", argument: "x",
                             explanation: "make it an array first: x = np.array(x); np.random.shuffle(x)", kind: .typeError)
        case let v:
            throw call.error("object of type '\(v.typeName)' has no len()", argument: "x", kind: .typeError)
        }
    }

    /// `random`, `random_sample`, `sample` and `ranf`: four names for one draw of doubles in [0, 1).
    static func uniformSample(_ name: String, summary: String, help: String, exampleCall: String, qualified: Bool = false) -> LegacyFunction {
        LegacyFunction(name: name, summary: summary, parameters: [sizeParameter], help: help, exampleCall: exampleCall,
                       body: { call, state in
                           let s = try size(call)
                           return floats(try wrap { () throws(TensorError) in try state.randomSample(s ?? []) }, size: s)
                       },
                       qualified: qualified)
    }

    /// The `low`/`high` pair of randint, random_integers and Generator.integers: with high None,
    /// the one bound given is the top and the range starts at `lowWhenAlone` (0, or 1 for
    /// random_integers).
    static func integerRange(_ call: Invocation, lowWhenAlone: Int128) throws(ShellError) -> (low: Int128, high: Int128) {
        let first = try bound(call, call.arguments["low"], "low")
        if call.arguments["high"].isNone { return (lowWhenAlone, first) }
        return (first, try bound(call, call.arguments["high"], "high"))
    }

    // MARK: - Legacy functions, declared once for np.random.NAME and RandomState.NAME

    struct LegacyFunction {
        var name: String
        var summary: String
        var parameters: [Parameter]
        var options: [Parameter] = []
        var help: String
        /// Arguments of the example call, e.g. `(2, 3)`.
        var exampleCall: String
        /// A command-form example, when the command form reads naturally.
        var commandExample: String?
        var body: @Sendable (Invocation, inout LegacyRandomState) throws -> Value
        /// Registered as `random.NAME` (reached only as `np.random.NAME`), not as a plain command.
        var qualified = false

        var global: Command {
            let body = self.body
            let example = commandExample.map { "seed 0\n\($0)" } ?? "np.random.seed(0)\nnp.random.\(name)\(exampleCall)"
            return Command(name: qualified ? "random.\(name)" : name, category: "Random", summary: summary, parameters: parameters, options: options,
                           help: help, examples: [Example(example)],
                           run: { call in try drawing(&call.interpreter.randomState, call) { try body(call, &$0) } })
        }

        var method: Command {
            let body = self.body
            return Command(name: "RandomState.\(name)", category: "Random: RandomState methods",
                           summary: "`rs.\(name)\(exampleCall)` on a RandomState's own stream, as np.random.\(name).",
                           parameters: [Parameter("self", .value, help: "the RandomState")] + parameters, options: options,
                           help: "The same as `np.random.\(name)`, drawing from this RandomState instead of the global one.",
                           examples: [Example("rs = np.random.RandomState(0)\nrs.\(name)\(exampleCall)")],
                           run: { call in
                               guard case .object(let o) = call.arguments["self"], let rs = o as? RandomStateObject else {
                                   throw call.error("descriptor '\(name)' requires a 'RandomState' object", argument: "self", kind: .typeError)
                               }
                               return try drawing(&rs.box.state, call) { try body(call, &$0) }
                           })
        }
    }

    static var legacyMethodNames: [String] { legacyFunctions.map(\.name) }

    /// Every RandomState function: the stream's own (seed, rand, choice, ...) and the distributions.
    static let legacyFunctions: [LegacyFunction] = legacy + legacyDistributions + legacyMultivariate

    static let generatorCommands: [Command] = generatorMethods + generatorDistributions + generatorMultivariate

    static var generatorMethodNames: [String] { generatorCommands.map { String($0.name.dropFirst("Generator.".count)) } }

    static let sizeParameter = Parameter("size", .value, default: .none, help: "the output shape (an int or a tuple); None: one value")

    static let legacy: [LegacyFunction] = [
        LegacyFunction(
            name: "seed", summary: "Reseed the global random state: np.random.seed (MT19937, as numpy).",
            parameters: [Parameter("seed", .value, default: .none, help: "an int in [0, 2**32), a 1-d list of such ints, or None (fresh OS entropy)")],
            help: "After `np.random.seed(0)` every draw gives numpy's numbers: `np.random.rand(3)` prints `[0.5488135  0.71518937 0.60276338]`. An int seeds MT19937 with Knuth's recurrence, a list with init_by_array; seeding also clears the cached second Gaussian.",
            exampleCall: "", commandExample: "rand 3",
            body: { call, state in
                state = try legacySeeded(call.arguments["seed"], call)
                return .none
            }),
        LegacyFunction(
            name: "rand", summary: "Uniform samples in [0, 1) of a shape: np.random.rand.",
            parameters: [Parameter("shape", .ints, default: .tuple([]), variadic: true, help: "the shape: `rand 2 3`")],
            help: "`np.random.rand(2, 3)` is `np.random.random((2, 3))`; with no shape, one Python float.",
            exampleCall: "(2, 3)", commandExample: "rand 2 3",
            body: { call, state in
                let s = try shapeArgument(call)
                return floats(try wrap { () throws(TensorError) in try state.randomSample(s ?? []) }, size: s)
            }),
        LegacyFunction(
            name: "randn", summary: "Standard normal samples of a shape: np.random.randn.",
            parameters: [Parameter("shape", .ints, default: .tuple([]), variadic: true, help: "the shape: `randn 2 3`")],
            help: "Gaussians by Marsaglia's polar method; every other value comes from a cache, so an odd count leaves one for the next call (exactly as numpy).",
            exampleCall: "(2, 3)", commandExample: "randn 2 3",
            body: { call, state in
                let s = try shapeArgument(call)
                return floats(try wrap { () throws(TensorError) in try state.standardNormal(s ?? []) }, size: s)
            }),
        uniformSample("random", summary: "Uniform samples in [0, 1): np.random.random(size).",
                      help: "Takes the shape as one tuple: `np.random.random((2, 3))`.", exampleCall: "((2, 3))"),
        uniformSample("random_sample", summary: "Uniform samples in [0, 1): np.random.random_sample(size).",
                      help: "The same as `np.random.random`.", exampleCall: "(3)"),
        uniformSample("sample", summary: "Uniform samples in [0, 1): np.random.sample(size), another name for random_sample.",
                      help: "The same as `np.random.random_sample`.", exampleCall: "(3)", qualified: true),
        uniformSample("ranf", summary: "Uniform samples in [0, 1): np.random.ranf(size), another name for random_sample.",
                      help: "The same as `np.random.random_sample`.", exampleCall: "(3)", qualified: true),
        LegacyFunction(
            name: "standard_normal", summary: "Standard normal samples: np.random.standard_normal(size).",
            parameters: [sizeParameter], help: "The same stream as `randn` (shares its cached Gaussian).",
            exampleCall: "(3)",
            body: { call, state in
                let s = try size(call)
                return floats(try wrap { () throws(TensorError) in try state.standardNormal(s ?? []) }, size: s)
            }),
        LegacyFunction(
            name: "normal", summary: "Normal samples with a mean and spread: np.random.normal.",
            parameters: [Parameter("loc", .value, default: .float(0), help: "the mean (a number or an array)"),
                         Parameter("scale", .value, default: .float(1), help: "the standard deviation (≥ 0)"),
                         sizeParameter],
            help: "`np.random.normal(0, 0.1, (3, 2))`: `loc + scale * gauss` with the legacy Gaussian; loc and scale broadcast.",
            exampleCall: "(0, 0.1, (3, 2))",
            body: { call, state in
                let s = try size(call)
                let loc = try parameter(call, "loc", default: 0), scale = try parameter(call, "scale", default: 1)
                return floats(try wrap { () throws(TensorError) in try state.normal(loc: loc, scale: scale, size: s) }, size: s)
            }),
        LegacyFunction(
            name: "uniform", summary: "Uniform samples in [low, high): np.random.uniform.",
            parameters: [Parameter("low", .value, default: .float(0), help: "lower bound (included)"),
                         Parameter("high", .value, default: .float(1), help: "upper bound (excluded)"),
                         sizeParameter],
            help: "`low + (high - low) * U` with one 53-bit uniform per value; low and high broadcast.",
            exampleCall: "(-1, 1, 5)",
            body: { call, state in
                let s = try size(call)
                let lo = try parameter(call, "low", default: 0), hi = try parameter(call, "high", default: 1)
                return floats(try wrap { () throws(TensorError) in try state.uniform(low: lo, high: hi, size: s) }, size: s)
            }),
        LegacyFunction(
            name: "randint", summary: "Random integers in [low, high): np.random.randint.",
            parameters: [Parameter("low", .value, help: "lowest value (or the exclusive upper bound when high is None)"),
                         Parameter("high", .value, default: .none, help: "one above the largest value"),
                         sizeParameter,
                         Parameter("dtype", .dtype, default: .dtype(.int64), help: "int64 (default), int32, uint8 or bool")],
            help: "Masked rejection sampling, as numpy's legacy randint: draw 32 (or 64) bits, keep the bits under the smallest all-ones mask covering the range, retry if too big.",
            exampleCall: "(0, 10, 5)",
            body: { call, state in
                let s = try size(call)
                let (low, high) = try integerRange(call, lowWhenAlone: 0)
                let dtype = call.arguments.dtype("dtype") ?? .int64
                let a = try wrap { () throws(TensorError) in try state.randint(low: low, high: high, shape: s ?? [], dtype: dtype) }
                if s == nil && !call.arguments.isGiven("dtype") { return ints(a, size: s) }
                return s == nil ? .scalar(a) : .array(a)
            }),
        LegacyFunction(
            name: "random_integers", summary: "Random integers in [low, high] (closed): np.random.random_integers.",
            parameters: [Parameter("low", .value, help: "lowest value (or the largest, from 1, when high is None)"),
                         Parameter("high", .value, default: .none, help: "the largest value (included)"),
                         sizeParameter],
            help: "numpy's deprecated closed-interval form: randint(low, high + 1) (with high None: randint(1, low + 1)), the same draws. numpy's DeprecationWarning goes to stderr; rnnsh prints none.",
            exampleCall: "(1, 6, 3)",
            body: { call, state in
                let s = try size(call)
                let (low, high) = try integerRange(call, lowWhenAlone: 1)
                let a = try wrap { () throws(TensorError) in try state.randint(low: low, high: high + 1, shape: s ?? [], dtype: .int64) }
                return ints(a, size: s)
            },
            qualified: true),
        LegacyFunction(
            name: "choice", summary: "A random sample from a population: np.random.choice.",
            parameters: [Parameter("a", .value, help: "an int n (sample range(n)) or a 1-d array"),
                         sizeParameter,
                         Parameter("replace", .bool, default: .bool(true), help: "sample with replacement"),
                         Parameter("p", .value, default: .none, help: "probabilities of each entry (sum to 1)")],
            help: "Uniform picks use randint; with `p`, one uniform per pick is looked up in the running sum of p; without replacement and no p, the first `size` items of a permutation.",
            exampleCall: "(5, 3)",
            body: { call, state in
                let s = try size(call)
                let pop = try population(call, legacy: true)
                let (p, p32) = try probabilities(call, legacy: true)
                let n: Int
                switch pop { case .count(let c): n = c; case .array(let a): n = a.shape[0] }
                var isInt = false
                if case .count = pop { isInt = true }
                let picked = try wrap { () throws(TensorError) in
                    try state.choice(populationSize: n, isInteger: isInt, shape: s ?? [], isScalar: s == nil,
                                     replace: call.arguments.bool("replace") ?? true, p: p, pIsFloat32: p32)
                }
                return try choiceResult(picked, pop, size: s)
            }),
        LegacyFunction(
            name: "permutation", summary: "A shuffled copy, or a shuffled arange(n): np.random.permutation.",
            parameters: [Parameter("x", .value, help: "an int n, or an array (shuffled along axis 0)")],
            help: "Fisher–Yates from the end, each swap partner drawn by masked rejection; the input is not changed.",
            exampleCall: "(10)",
            body: { call, state in
                let x = call.arguments["x"]
                switch x {
                case .int(let n):
                    return .array(try wrap { () throws(TensorError) in try state.permutation(n) })
                case .scalar(let a) where a.dtype.isInteger:
                    return .array(try wrap { () throws(TensorError) in try state.permutation(Int(a.scalars.first?.doubleValue ?? 0)) })
                default:
                    let a = try call.evaluator.toArray(x, span: call.arguments.span("x"))
                    return .array(try wrap { () throws(TensorError) in try state.permutation(array: a) })
                }
            }),
        LegacyFunction(
            name: "shuffle", summary: "Shuffle an array in place along its first axis: np.random.shuffle.",
            parameters: [Parameter("x", .value, help: "the array to shuffle (changed in place)")],
            help: "Returns None; the rows of x (and of every view sharing its memory) are permuted.",
            exampleCall: "(np.arange(5))",
            body: { call, state in
                let a = try shuffleTarget(call)
                try wrap { () throws(TensorError) in try state.shuffle(a) }
                return .none
            }),
        LegacyFunction(
            name: "get_state", summary: "The global random state as numpy's tuple: np.random.get_state.",
            parameters: [],
            help: "('MT19937', key, pos, has_gauss, cached_gaussian): hand it to `set_state` to replay the same draws. (The 624 key words are shown as int64; numpy's array is uint32.)",
            exampleCall: "()[2]",
            body: { _, state in
                let key = state.bits.key.map { Int64($0) }
                return .tuple([.string("MT19937"), .array(NDArray(key)), .int(state.bits.pos),
                               .int(state.hasGauss ? 1 : 0), .float(state.gauss)])
            }),
        LegacyFunction(
            name: "set_state", summary: "Restore a state from get_state: np.random.set_state.",
            parameters: [Parameter("state", .value, help: "a tuple from get_state")],
            help: "`st = np.random.get_state(); ...; np.random.set_state(st)` replays the same numbers (the usual way to shuffle two arrays alike).",
            exampleCall: "(np.random.get_state())",
            body: { call, state in
                state = try restoredState(call.arguments["state"], call)
                return .none
            }),
    ]

    static func shapeArgument(_ call: Invocation) throws(ShellError) -> [Int]? {
        let dims = call.arguments.ints("shape") ?? []
        if dims.contains(where: { $0 < 0 }) { throw call.error("negative dimensions are not allowed", argument: "shape", kind: .valueError) }
        return call.arguments.isGiven("shape") ? dims : nil
    }

    /// numpy's `_legacy_seeding`: None → OS entropy; an int (or a 0-d/1-element array) →
    /// `mt19937_seed`; a list → `init_by_array`, every word in [0, 2**32).
    static func legacySeeded(_ v: Value, _ call: Invocation) throws(ShellError) -> LegacyRandomState {
        let range: ClosedRange<Int> = 0...0xFFFF_FFFF
        func check(_ i: Int) throws(ShellError) -> UInt32 {
            guard range.contains(i) else { throw call.error("Seed must be between 0 and 2**32 - 1", argument: "seed", kind: .valueError) }
            return UInt32(i)
        }
        switch v {
        case .none: return LegacyRandomState.fromEntropy()
        case .int(let i): return LegacyRandomState(seed: try check(i))
        case .bool(let b): return LegacyRandomState(seed: b ? 1 : 0)
        case .float:
            throw call.error("Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'", argument: "seed", kind: .typeError)
        case .array(let a), .scalar(let a):
            // numpy squeezes an array seed first: one element seeds like an int.
            if a.size == 1, a.dtype.isInteger || a.dtype == .bool, let s = a.scalars.first {
                return LegacyRandomState(seed: try check(Int(s.doubleValue)))
            }
            return try seedArray(a, call)
        case .list, .tuple:
            let a = try call.evaluator.toArray(v, span: call.arguments.span("seed"))
            return try seedArray(a, call)
        default:
            throw call.error("Cannot cast scalar from dtype('O') to dtype('int64') according to the rule 'safe'", argument: "seed", kind: .typeError)
        }
    }

    static func seedArray(_ a: NDArray, _ call: Invocation) throws(ShellError) -> LegacyRandomState {
        if a.size == 0 { throw call.error("Seed must be non-empty", argument: "seed", kind: .valueError) }
        guard a.dtype.isInteger || a.dtype == .bool else {
            throw call.error("Cannot cast array data from dtype('\(a.dtype.name)') to dtype('int64') according to the rule 'safe'", argument: "seed", kind: .typeError)
        }
        if a.ndim != 1 { throw call.error("Seed array must be 1-d", argument: "seed", kind: .valueError) }
        var words: [UInt32] = []
        for s in a.scalars {
            let d = s.doubleValue
            guard d >= 0 && d <= 4_294_967_295 else { throw call.error("Seed must be between 0 and 2**32 - 1", argument: "seed", kind: .valueError) }
            words.append(UInt32(d))
        }
        return LegacyRandomState(seedArray: words)
    }

    static func restoredState(_ v: Value, _ call: Invocation) throws(ShellError) -> LegacyRandomState {
        guard let items = v.sequenceItems else { throw call.error("state must be a dict or a tuple.", argument: "state", kind: .typeError) }
        guard items.count >= 3, case .string(let name) = items[0] else {
            throw call.error("state must be a tuple ('MT19937', key, pos[, has_gauss, gauss])", argument: "state", kind: .valueError)
        }
        guard name == "MT19937" else {
            throw call.error("set_state can only be used with legacy MT19937 state instances.", argument: "state", kind: .valueError)
        }
        let key = try call.evaluator.toArray(items[1], span: call.arguments.span("state")).scalars.map(\.doubleValue)
        let pos = try ArgumentBinder.integer(items[2], call.arguments.span("state"))
        guard key.allSatisfy({ $0 >= 0 && $0 <= 4_294_967_295 }),
              let bits = MT19937(key: key.map { UInt32($0) }, pos: pos) else {
            throw call.error("state must be 624 32-bit integers", argument: "state", kind: .valueError)
        }
        var hasGauss = false, gauss = 0.0
        if items.count > 4 {
            hasGauss = (try ArgumentBinder.integer(items[3], nil)) != 0
            if case .float(let g) = items[4] { gauss = g } else if case .int(let g) = items[4] { gauss = Double(g) }
        }
        return LegacyRandomState(bits: bits, hasGauss: hasGauss, gauss: gauss)
    }

    // MARK: - Constructors

    static let randomStateCommand = Command(
        name: "RandomState", category: "Random",
        summary: "A legacy random state of its own: np.random.RandomState(seed).",
        parameters: [Parameter("seed", .value, default: .none, help: "as for np.random.seed")],
        help: "`rs = np.random.RandomState(42)`; `rs.rand(3)`, `rs.randint(0, 10, 5)`, ... draw numpy's numbers without touching the global state.",
        examples: [Example("rs = np.random.RandomState(42)\nrs.rand(3)")],
        run: { call in .object(RandomStateObject(try legacySeeded(call.arguments["seed"], call))) })

    static let defaultRNG = Command(
        name: "default_rng", category: "Random",
        summary: "numpy's recommended generator: np.random.default_rng(seed) (PCG64).",
        parameters: [Parameter("seed", .value, default: .none, help: "a non-negative int or a list of them; None: fresh OS entropy")],
        help: "`rng = np.random.default_rng(42)`; then `rng.random(3)`, `rng.normal(0, 1, (2, 3))`, `rng.integers(0, 10, 5)`, `rng.choice(...)`, `rng.permutation(...)`, `rng.shuffle(x)`, `rng.permuted(x, axis=1)`. The seed goes through SeedSequence into PCG64, as in numpy.",
        examples: [Example("rng = np.random.default_rng(42)\nrng.random(3)")],
        run: { call in
            let v = call.arguments["seed"]
            if v.isNone { return .object(GeneratorObject(Generator.fromEntropy())) }
            if case .object(let o) = v, o is GeneratorObject { return v }
            return .object(GeneratorObject(Generator(entropy: try seedWords(v, call))))
        })

    /// SeedSequence's entropy words for a seed: an int cut into 32-bit words, or a list of ints.
    static func seedWords(_ v: Value, _ call: Invocation) throws(ShellError) -> [UInt32] {
        func words(_ i: Int) throws(ShellError) -> [UInt32] {
            guard i >= 0 else { throw call.error("expected non-negative integer", argument: "seed", kind: .valueError) }
            return SeedSequence.words(of: UInt64(i))
        }
        switch v {
        case .int(let i): return try words(i)
        case .bool(let b): return try words(b ? 1 : 0)
        case .scalar(let a) where a.dtype.isInteger:
            return try words(Int(a.scalars.first?.doubleValue ?? 0))
        case .list, .tuple:
            let items = (v).sequenceItems ?? []
            var out: [UInt32] = []
            for item in items {
                if item.sequenceItems != nil { throw call.error("SeedSequence does not accept nested sequences.", argument: "seed", kind: .typeError) }
                out += try seedWords(item, call)
            }
            return out
        case .array(let a) where a.dtype.isInteger && a.ndim <= 1:
            var out: [UInt32] = []
            for s in a.scalars { out += try words(Int(s.doubleValue)) }
            return out
        case .float(let d):
            throw call.error("SeedSequence expects int or sequence of ints for entropy not \(ValueFormatter.pythonFloat(d))", argument: "seed", kind: .typeError)
        default:
            throw call.error("SeedSequence expects int or sequence of ints for entropy not \(ValueFormatter.str(v))", argument: "seed", kind: .typeError)
        }
    }
}
