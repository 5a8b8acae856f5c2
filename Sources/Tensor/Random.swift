import Foundation

/// The engine's own seeded generator (weight initialisation, batch order), documented here, so a
/// seed gives the same weights on every run. It is deliberately not numpy's stream: the array
/// language's `np.random` uses numpy's exact streams (Random/, docs/random.md), and keeping the
/// engine apart means training does not depend on what a user drew before.
///
/// - Bits: xoshiro256** (Blackman & Vigna), its 256-bit state filled by SplitMix64 from the seed.
/// - Uniform in [0, 1): the top 53 bits of a draw, times 2^-53.
/// - Normal: Box–Muller on two uniforms (u1 taken in (0, 1] so the log is finite), both outputs
///   used in turn; `mean + std * z`.
/// - Values are computed in float64 and rounded to the requested dtype (float32 by default, the
///   neural-network side's dtype), so a float32 uniform may round up to exactly `high`, as
///   `np.random.uniform(...).astype(np.float32)` can.
/// The normal uses glibc's `log`, `sqrt`, `cos`, `sin`; a different libm could change the last
/// bit of some values.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)
    private var spareNormal: Double?

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
        let result = rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0; s.3 ^= s.1; s.1 ^= s.2; s.0 ^= s.3
        s.2 ^= t
        s.3 = rotl(s.3, 45)
        return result
    }

    /// Uniform in [0, 1).
    public mutating func nextUniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Standard normal (Box–Muller).
    public mutating func nextNormal() -> Double {
        if let z = spareNormal { spareNormal = nil; return z }
        let u1 = Double((next() >> 11) + 1) * 0x1p-53   // (0, 1]
        let u2 = nextUniform()
        let r = (-2 * Foundation.log(u1)).squareRoot()
        let theta = 2 * Double.pi * u2
        spareNormal = r * Foundation.sin(theta)
        return r * Foundation.cos(theta)
    }
}

@inline(__always) private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

extension NDArray {
    /// Normal samples `mean + std * z` of `shape` (float32 unless `dtype` says float64).
    public static func randomNormal(_ shape: [Int], mean: Double = 0, std: Double = 1, seed: UInt64,
                                    dtype: DType = .float32) throws(TensorError) -> NDArray {
        var g = SeededGenerator(seed: seed)
        return try random(shape, dtype) { mean + std * g.nextNormal() }
    }

    /// Uniform samples in [low, high) of `shape` (float32 unless `dtype` says float64).
    public static func randomUniform(_ shape: [Int], low: Double = 0, high: Double = 1, seed: UInt64,
                                     dtype: DType = .float32) throws(TensorError) -> NDArray {
        var g = SeededGenerator(seed: seed)
        return try random(shape, dtype) { low + (high - low) * g.nextUniform() }
    }

    private static func random(_ shape: [Int], _ dtype: DType, _ draw: () -> Double) throws(TensorError) -> NDArray {
        guard dtype == .float32 || dtype == .float64 else {
            throw TensorError("random samples must be float32 or float64, not \(dtype.name)",
                              explanation: "draw floats, then convert with astype", kind: .typeError)
        }
        let out = try NDArray(zeros: shape, dtype: dtype)
        let n = out.size
        if dtype == .float32 {
            let p = out.storage.pointer.assumingMemoryBound(to: Float.self)
            for i in 0..<n { p[i] = Float(draw()) }
        } else {
            let p = out.storage.pointer.assumingMemoryBound(to: Double.self)
            for i in 0..<n { p[i] = draw() }
        }
        return out
    }
}
