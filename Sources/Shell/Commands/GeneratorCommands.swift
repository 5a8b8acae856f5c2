import Tensor

/// The methods of `rng = np.random.default_rng(seed)`: `rng.random(3)` calls the registry's
/// `Generator.random` with the generator as `self`. Each draws from that generator's PCG64.
extension RandomCommands {
    static func generatorMethod(_ name: String, summary: String, parameters: [Parameter], options: [Parameter] = [],
                                help: String, exampleCall: String,
                                body: @escaping @Sendable (Invocation, inout Generator) throws -> Value) -> Command {
        Command(name: "Generator.\(name)", category: "Random: Generator methods", summary: summary,
                parameters: [Parameter("self", .value, help: "the Generator (rng)")] + parameters, options: options,
                help: help, examples: [Example("rng = np.random.default_rng(42)\nrng.\(name)\(exampleCall)")],
                run: { call in
                    guard case .object(let o) = call.arguments["self"], let g = o as? GeneratorObject else {
                        throw call.error("descriptor '\(name)' for 'numpy.random._generator.Generator' objects doesn't apply to a '\(call.arguments["self"].typeName)' object",
                                         argument: "self", kind: .typeError)
                    }
                    return try drawing(&g.box.generator, call) { try body(call, &$0) }
                })
    }

    static let floatDtype = Parameter("dtype", .dtype, default: .dtype(.float64), help: "float64 or float32")

    /// A float32 sample with no size is a Python float too (numpy's float_fill).
    static func generatorFloats(_ a: NDArray, size: [Int]?) -> Value {
        if size == nil && a.ndim == 0, let s = a.scalars.first { return .float(s.doubleValue) }
        return .array(a)
    }

    static let generatorMethods: [Command] = [
        generatorMethod(
            "random", summary: "Uniform floats in [0, 1): rng.random(size, dtype).",
            parameters: [sizeParameter, floatDtype],
            help: "float64 from the top 53 bits of a 64-bit draw; float32 from the top 24 bits of a 32-bit draw (PCG64 hands out the two halves of a 64-bit draw in turn).",
            exampleCall: "(3)",
            body: { call, g in
                let s = try size(call)
                let d = call.arguments.dtype("dtype") ?? .float64
                return generatorFloats(try wrap { () throws(TensorError) in try g.random(s ?? [], dtype: d) }, size: s)
            }),
        generatorMethod(
            "standard_normal", summary: "Standard normal samples (ziggurat): rng.standard_normal(size, dtype).",
            parameters: [sizeParameter, floatDtype],
            help: "numpy's 256-strip ziggurat: one 64-bit draw per value almost always (a 32-bit draw for float32).",
            exampleCall: "((2, 3))",
            body: { call, g in
                let s = try size(call)
                let d = call.arguments.dtype("dtype") ?? .float64
                return generatorFloats(try wrap { () throws(TensorError) in try g.standardNormal(s ?? [], dtype: d) }, size: s)
            }),
        generatorMethod(
            "normal", summary: "Normal samples: rng.normal(loc, scale, size).",
            parameters: [Parameter("loc", .value, default: .float(0), help: "the mean (a number or an array)"),
                         Parameter("scale", .value, default: .float(1), help: "the standard deviation (≥ 0)"),
                         sizeParameter],
            help: "`loc + scale * z` with the ziggurat z; loc and scale broadcast.",
            exampleCall: "(0, 1, (2, 3))",
            body: { call, g in
                let s = try size(call)
                let loc = try parameter(call, "loc", default: 0), scale = try parameter(call, "scale", default: 1)
                return floats(try wrap { () throws(TensorError) in try g.normal(loc: loc, scale: scale, size: s) }, size: s)
            }),
        generatorMethod(
            "uniform", summary: "Uniform samples in [low, high): rng.uniform(low, high, size).",
            parameters: [Parameter("low", .value, default: .float(0), help: "lower bound"),
                         Parameter("high", .value, default: .float(1), help: "upper bound"),
                         sizeParameter],
            help: "`low + (high - low) * U`; high - low must be ≥ 0 and finite.",
            exampleCall: "(-1, 1, 4)",
            body: { call, g in
                let s = try size(call)
                let lo = try parameter(call, "low", default: 0), hi = try parameter(call, "high", default: 1)
                return floats(try wrap { () throws(TensorError) in try g.uniform(low: lo, high: hi, size: s) }, size: s)
            }),
        generatorMethod(
            "integers", summary: "Random integers: rng.integers(low, high, size, dtype, endpoint).",
            parameters: [Parameter("low", .value, help: "lowest value (or the exclusive upper bound when high is None)"),
                         Parameter("high", .value, default: .none, help: "one above the largest value (the largest with endpoint=True)"),
                         sizeParameter,
                         Parameter("dtype", .dtype, default: .dtype(.int64), help: "int64 (default), int32, uint8 or bool"),
                         Parameter("endpoint", .bool, default: .bool(false), help: "include high")],
            help: "Lemire's multiply-and-reject method; ranges under 2**32 use 32-bit draws, which PCG64 takes two at a time from one 64-bit output.",
            exampleCall: "(0, 10, 5)",
            body: { call, g in
                let s = try size(call)
                let (low, high) = try integerRange(call, lowWhenAlone: 0)
                let dtype = call.arguments.dtype("dtype") ?? .int64
                let a = try wrap { () throws(TensorError) in
                    try g.integers(low: low, high: high, shape: s ?? [], dtype: dtype, endpoint: call.arguments.bool("endpoint") ?? false)
                }
                return s == nil ? .scalar(a) : .array(a)
            }),
        generatorMethod(
            "choice", summary: "A random sample from a population: rng.choice(a, size, replace, p, axis, shuffle).",
            parameters: [Parameter("a", .value, help: "an int n (sample range(n)) or an array (sampled along axis)"),
                         sizeParameter,
                         Parameter("replace", .bool, default: .bool(true), help: "sample with replacement"),
                         Parameter("p", .value, default: .none, help: "probabilities of each entry (sum to 1)"),
                         Parameter("axis", .int, default: .int(0), help: "the axis of a to sample along"),
                         Parameter("shuffle", .bool, default: .bool(true), help: "shuffle a sample taken without replacement")],
            help: "With replacement: `integers` (or the running sum of p); without: Floyd's algorithm with a hash set, or a partial shuffle when sampling more than 1/50 of a population over 10,000.",
            exampleCall: "(10, 3, replace=False)",
            body: { call, g in
                let s = try size(call)
                let pop = try population(call, legacy: false)
                let (p, p32) = try probabilities(call, legacy: false)
                var n = 0, isInt = false, axis = 0
                switch pop {
                case .count(let c): n = c; isInt = true
                case .array(let a):
                    axis = try wrap { () throws(TensorError) in try RandomSampling.normalizeAxis(call.arguments.int("axis") ?? 0, a.ndim) }
                    n = a.shape[axis]
                }
                let picked = try wrap { () throws(TensorError) in
                    try g.choice(populationSize: n, isInteger: isInt, shape: s ?? [], replace: call.arguments.bool("replace") ?? true,
                                 p: p, pIsFloat32: p32, shuffle: call.arguments.bool("shuffle") ?? true)
                }
                return try choiceResult(picked, pop, size: s, axis: axis)
            }),
        generatorMethod(
            "permutation", summary: "A shuffled copy, or a shuffled arange(n): rng.permutation(x, axis).",
            parameters: [Parameter("x", .value, help: "an int n, or an array"),
                         Parameter("axis", .int, default: .int(0), help: "the axis to shuffle along")],
            help: "Fisher–Yates with masked-rejection partners; an array is copied, its slices along axis permuted.",
            exampleCall: "(10)",
            body: { call, g in
                let x = call.arguments["x"]
                if case .int(let n) = x { return .array(try wrap { () throws(TensorError) in try g.permutation(n) }) }
                if case .scalar(let a) = x, a.dtype.isInteger {
                    return .array(try wrap { () throws(TensorError) in try g.permutation(Int(a.scalars.first?.doubleValue ?? 0)) })
                }
                let a = try call.evaluator.toArray(x, span: call.arguments.span("x"))
                return .array(try wrap { () throws(TensorError) in try g.permutation(array: a, axis: call.arguments.int("axis") ?? 0) })
            }),
        generatorMethod(
            "shuffle", summary: "Shuffle an array in place: rng.shuffle(x, axis).",
            parameters: [Parameter("x", .value, help: "the array (changed in place)"),
                         Parameter("axis", .int, default: .int(0), help: "the axis to shuffle along")],
            help: "Returns None; slices of x along axis are permuted in its own memory.",
            exampleCall: "(np.arange(5))",
            body: { call, g in
                let a = try shuffleTarget(call)
                try wrap { () throws(TensorError) in try g.shuffle(a, axis: call.arguments.int("axis") ?? 0) }
                return .none
            }),
        generatorMethod(
            "permuted", summary: "Each lane shuffled independently: rng.permuted(x, axis).",
            parameters: [Parameter("x", .value, help: "the array (not changed)")],
            options: [Parameter("axis", .optionalInt, default: .none, help: "shuffle each lane along this axis; None: all elements")],
            help: "Unlike permutation, rows (or columns) are shuffled independently of each other; returns a new array.",
            exampleCall: "(np.arange(6).reshape(2, 3), axis=1)",
            body: { call, g in
                let a = try call.evaluator.toArray(call.arguments["x"], span: call.arguments.span("x"))
                return .array(try wrap { () throws(TensorError) in try g.permuted(a, axis: call.arguments.int("axis")) })
            }),
        generatorMethod(
            "exponential", summary: "Exponential samples (ziggurat): rng.exponential(scale, size).",
            parameters: [Parameter("scale", .value, default: .float(1), help: "the mean (≥ 0)"), sizeParameter],
            help: "`scale * E` with numpy's exponential ziggurat.",
            exampleCall: "(2.0, 3)",
            body: { call, g in
                let s = try size(call)
                let scale = try parameter(call, "scale", default: 1)
                return floats(try wrap { () throws(TensorError) in try g.exponential(scale: scale, size: s) }, size: s)
            }),
        generatorMethod(
            "standard_exponential", summary: "Standard exponential samples: rng.standard_exponential(size, dtype).",
            parameters: [sizeParameter, floatDtype],
            help: "The exponential ziggurat (method='zig'), float64 or float32.",
            exampleCall: "(3)",
            body: { call, g in
                let s = try size(call)
                let d = call.arguments.dtype("dtype") ?? .float64
                return generatorFloats(try wrap { () throws(TensorError) in try g.standardExponential(s ?? [], dtype: d) }, size: s)
            }),
    ]
}
