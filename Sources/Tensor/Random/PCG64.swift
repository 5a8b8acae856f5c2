/// PCG64 (XSL-RR 128/64), the bit generator behind `np.random.default_rng`.
///
/// A 128-bit linear congruential state advances by `state = state * M + inc` (M is PCG's
/// default 128-bit multiplier, `inc` odd); each 64-bit output is the xor of the state's two
/// halves rotated right by the state's top 6 bits. numpy seeds it from four 64-bit words of a
/// `SeedSequence`: the first two are the initial state, the last two the stream (increment).
///
/// 32-bit draws are buffered: a 64-bit output gives its low half now and keeps its high half
/// for the next 32-bit request (`has_uint32`). The buffer survives across calls, so a 32-bit
/// draw left over by one call is used by the next one, exactly as in numpy.
public struct PCG64: BitGenerator, Sendable, Equatable {
    static let multiplier: UInt128 = (UInt128(2_549_297_995_355_413_924) << 64) | UInt128(4_865_540_595_714_422_341)

    public private(set) var state: UInt128
    public private(set) var increment: UInt128
    public private(set) var hasUInt32 = false
    public private(set) var uinteger: UInt32 = 0

    /// `pcg_setseq_128_srandom_r`: the generator for an initial state and stream.
    public init(state initState: UInt128, sequence: UInt128) {
        state = 0
        increment = (sequence << 1) | 1
        step()
        state &+= initState
        step()
    }

    /// numpy's `PCG64(seed)`: seeded through `SeedSequence(seed).generate_state(4, uint64)`.
    public init(seedSequence: SeedSequence) {
        let w = seedSequence.generateState64(4)
        self.init(state: UInt128(w[0]) << 64 | UInt128(w[1]), sequence: UInt128(w[2]) << 64 | UInt128(w[3]))
    }

    @inline(__always)
    private mutating func step() {
        state = state &* Self.multiplier &+ increment
    }

    @inline(__always)
    public mutating func nextUInt64() -> UInt64 {
        step()
        let hi = UInt64(truncatingIfNeeded: state >> 64)
        let lo = UInt64(truncatingIfNeeded: state)
        let rot = hi >> 58
        let x = hi ^ lo
        return (x >> rot) | (x << ((64 &- rot) & 63))
    }

    public mutating func nextUInt32() -> UInt32 {
        if hasUInt32 {
            hasUInt32 = false
            return uinteger
        }
        let next = nextUInt64()
        hasUInt32 = true
        uinteger = UInt32(truncatingIfNeeded: next >> 32)
        return UInt32(truncatingIfNeeded: next)
    }

    public mutating func nextDouble() -> Double {
        Double(nextUInt64() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }
}
