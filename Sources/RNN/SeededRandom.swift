import Foundation

/// A small, fast, seedable generator (xoshiro256**, seeded through SplitMix64) so that the same
/// seed gives the same initial weights and the same batch order on every machine and run.
/// (TensorFlow's own generator is not reproduced: the same seed does not give TF's numbers.)
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var x = seed
        func splitmix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (splitmix(), splitmix(), splitmix(), splitmix())
    }

    public mutating func next() -> UInt64 {
        let result = ((s.1 &* 5) << 7 | (s.1 &* 5) >> 57) &* 9
        let t = s.1 << 17
        s.2 ^= s.0; s.3 ^= s.1; s.1 ^= s.2; s.0 ^= s.3
        s.2 ^= t
        s.3 = (s.3 << 45) | (s.3 >> 19)
        return result
    }

    /// Uniform in [0, 1) with 53 random bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in [-limit, limit) as float32.
    public mutating func uniform(limit: Float) -> Float { Float((unit() * 2 - 1) * Double(limit)) }

    /// Standard normal (Box–Muller), scaled.
    public mutating func normal(mean: Float = 0, stddev: Float = 1) -> Float {
        var u1 = unit()
        while u1 <= 0 { u1 = unit() }
        let u2 = unit()
        return mean + stddev * Float((-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2))
    }

    /// A uniformly random permutation of 0..<n (Fisher–Yates).
    public mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<max(n, 0))
        if n < 2 { return p }
        for i in stride(from: n - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            p.swapAt(i, j)
        }
        return p
    }
}

/// The initialisers TF1 uses for this model.
enum Initializers {
    /// `glorot_uniform_initializer`, TF1's default for variables (and so for the LSTM kernel):
    /// uniform in ±sqrt(6 / (fan_in + fan_out)) with fan_in, fan_out the two dimensions.
    static func glorotUniform(rows: Int, columns: Int, rng: inout SeededRandom) -> [Float] {
        let limit = Float((6.0 / Double(max(rows + columns, 1))).squareRoot())
        return (0..<(rows * columns)).map { _ in rng.uniform(limit: limit) }
    }

    /// `tf.random.normal(shape)`: mean 0, standard deviation 1 (the tutorial's output layer).
    static func randomNormal(count: Int, rng: inout SeededRandom) -> [Float] {
        (0..<count).map { _ in rng.normal() }
    }
}
