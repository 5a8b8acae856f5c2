/// A source of random bits in the shape numpy's samplers consume them. numpy's distributions
/// are written against three primitive draws — 32 bits, 64 bits, and a double in [0, 1) — and
/// each bit generator defines all three itself (MT19937 builds 64 bits from two 32-bit draws;
/// PCG64 splits a 64-bit draw into two 32-bit halves). Reproducing numpy's streams means
/// reproducing exactly which primitive each sampler calls, so the samplers here are generic
/// over this protocol and call the same primitives numpy's C code calls.
public protocol BitGenerator: Sendable {
    /// numpy's `next_uint32`.
    mutating func nextUInt32() -> UInt32
    /// numpy's `next_uint64`.
    mutating func nextUInt64() -> UInt64
    /// numpy's `next_double`: uniform in [0, 1) with 53 significant bits.
    mutating func nextDouble() -> Double
}

extension BitGenerator {
    /// numpy's `next_float`: the top 24 bits of one 32-bit draw, scaled to [0, 1).
    @inline(__always)
    public mutating func nextFloat() -> Float {
        Float(nextUInt32() >> 8) * (1.0 / 16777216.0)
    }
}
