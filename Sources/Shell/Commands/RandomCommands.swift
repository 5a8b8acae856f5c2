import Tensor

/// `np.random`: seeded normal and uniform arrays from Tensor's generator. Every session starts
/// from seed 0 and each draw advances it, so a script prints the same numbers on every run
/// (they are rnnsh's numbers, not numpy's: numpy's PCG64 stream is not reproduced).
enum RandomCommands {
    static let all: [Command] = [seed, randn, rand, normal, uniform]

    /// The seed for the next draw, advancing the session's sequence.
    static func nextSeed(_ call: Invocation) -> UInt64 {
        let interpreter = call.interpreter
        defer { interpreter.randomDraws &+= 1 }
        return interpreter.randomSeed &* 0x9E37_79B9_7F4A_7C15 &+ interpreter.randomDraws
    }

    static let dtypeOption = Parameter("dtype", .dtype, default: .dtype(.float64), help: "float64 (numpy's) or float32")

    static func shape(_ v: Value, _ call: Invocation, _ name: String) throws(ShellError) -> [Int] {
        if v.isNone { return [] }
        return try ArgumentBinder.integers(v, call.arguments.span(name))
    }

    static let seed = Command(
        name: "seed", category: "Random",
        summary: "Restart the random sequence from a seed: np.random.seed.",
        parameters: [Parameter("seed", .int, help: "a non-negative integer")],
        help: "After `seed 42` the next draws are the same in every session. Sessions start from seed 0.",
        examples: [Example("seed 1\nrandn 2\nseed 1\nrandn 2")],
        run: { call in
            guard let s = call.arguments.int("seed"), s >= 0, s <= 0xFFFF_FFFF else {
                throw call.error("Seed must be between 0 and 2**32 - 1", argument: "seed")
            }
            call.interpreter.randomSeed = UInt64(s)
            call.interpreter.randomDraws = 0
            return .none
        })

    static let randn = Command(
        name: "randn", category: "Random",
        summary: "Standard normal samples of a shape: np.random.randn.",
        parameters: [Parameter("shape", .ints, default: .tuple([]), variadic: true, help: "the shape: `randn 2 3`")],
        options: [dtypeOption],
        help: "Samples from N(0, 1); with no shape, one number (a numpy scalar).",
        examples: [Example("seed 0\n(randn 2 3).shape")],
        run: { call in
            let s = call.arguments.ints("shape") ?? []
            let a = try NDArray.randomNormal(s, seed: nextSeed(call), dtype: call.arguments.dtype("dtype") ?? .float64)
            return s.isEmpty ? .scalar(a) : .array(a)
        })

    static let rand = Command(
        name: "rand", category: "Random",
        summary: "Uniform samples in [0, 1) of a shape: np.random.rand.",
        parameters: [Parameter("shape", .ints, default: .tuple([]), variadic: true, help: "the shape: `rand 2 3`")],
        options: [dtypeOption],
        help: "Samples from the uniform distribution on [0, 1); with no shape, one number.",
        examples: [Example("seed 0\n(rand 4).shape")],
        run: { call in
            let s = call.arguments.ints("shape") ?? []
            let a = try NDArray.randomUniform(s, seed: nextSeed(call), dtype: call.arguments.dtype("dtype") ?? .float64)
            return s.isEmpty ? .scalar(a) : .array(a)
        })

    static let normal = Command(
        name: "normal", category: "Random",
        summary: "Normal samples with a mean and spread: np.random.normal.",
        parameters: [Parameter("loc", .float, default: .float(0), help: "the mean"),
                     Parameter("scale", .float, default: .float(1), help: "the standard deviation"),
                     Parameter("size", .value, default: .none, help: "the shape (an int or a tuple); None: one number")],
        options: [dtypeOption],
        help: "`np.random.normal(0, 0.1, (3, 2))`: what the tutorial's `tf.random_normal` weights are drawn from.",
        examples: [Example("np.random.normal(0, 0.1, (3, 2)).shape")],
        run: { call in
            let a = call.arguments
            // numpy refuses a negative spread (NaN passes, as in numpy).
            if let scale = a.double("scale"), scale < 0 { throw call.error("scale < 0", argument: "scale") }
            let s = try shape(a["size"], call, "size")
            let r = try NDArray.randomNormal(s, mean: a.double("loc") ?? 0, std: a.double("scale") ?? 1,
                                             seed: nextSeed(call), dtype: a.dtype("dtype") ?? .float64)
            return a["size"].isNone ? .scalar(r) : .array(r)
        })

    static let uniform = Command(
        name: "uniform", category: "Random",
        summary: "Uniform samples in [low, high): np.random.uniform.",
        parameters: [Parameter("low", .float, default: .float(0), help: "lower bound (included)"),
                     Parameter("high", .float, default: .float(1), help: "upper bound (excluded)"),
                     Parameter("size", .value, default: .none, help: "the shape (an int or a tuple); None: one number")],
        options: [dtypeOption],
        help: "Samples spread evenly over [low, high).",
        examples: [Example("np.random.uniform(-1, 1, 5).shape")],
        run: { call in
            let a = call.arguments
            let s = try shape(a["size"], call, "size")
            let r = try NDArray.randomUniform(s, low: a.double("low") ?? 0, high: a.double("high") ?? 1,
                                              seed: nextSeed(call), dtype: a.dtype("dtype") ?? .float64)
            return a["size"].isNone ? .scalar(r) : .array(r)
        })
}
