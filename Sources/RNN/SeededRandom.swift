import Foundation
import Tensor

/// The engine's seeded randomness (initial weights, batch order): Tensor's `SeededGenerator`
/// bits (xoshiro256** seeded through SplitMix64), so the same seed gives the same weights and
/// batch order on every machine and run, with the float32 draws the engine needs on top.
/// (TensorFlow's own generator is not reproduced: the same seed does not give TF's numbers.)
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var bits: SeededGenerator

    public init(seed: UInt64) { bits = SeededGenerator(seed: seed) }

    public mutating func next() -> UInt64 { bits.next() }

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
