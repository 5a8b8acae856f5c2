/// The Mersenne Twister MT19937 exactly as numpy's legacy `RandomState` runs it: 624 32-bit
/// words of state, regenerated in one pass when used up, each output word tempered.
///
/// Seeding (numpy's `_legacy_seeding`): an integer seed fills the state with Knuth's linear
/// recurrence `key[i] = 1812433253 * (key[i-1] ^ (key[i-1] >> 30)) + i`; an array seed uses the
/// reference implementation's `init_by_array`. Derived draws: 64 bits are two 32-bit draws
/// (the first is the high half); a double takes 27 bits of one draw and 26 of the next:
/// `(a >> 5) * 2^26 + (b >> 6)`, divided by 2^53.
public struct MT19937: BitGenerator, Sendable, Equatable {
    public static let stateLength = 624
    private static let m = 397
    private static let matrixA: UInt32 = 0x9908_B0DF
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7FFF_FFFF

    /// The 624 state words (numpy's `state['key']`).
    public private(set) var key: [UInt32]
    /// The index of the next word to use; 624 means "regenerate first" (numpy's `pos`).
    public private(set) var pos: Int

    /// `mt19937_seed`: the state of `np.random.seed(seed)` for an integer seed.
    public init(seed: UInt32) {
        var key = [UInt32](repeating: 0, count: Self.stateLength)
        var s = seed
        for i in 0..<Self.stateLength {
            key[i] = s
            s = 1_812_433_253 &* (s ^ (s >> 30)) &+ UInt32(i + 1)
        }
        self.key = key
        self.pos = Self.stateLength
    }

    /// `mt19937_init_by_array`: the state of `np.random.seed([a, b, ...])`.
    public init(seedArray initKey: [UInt32]) {
        self.init(seed: 19_650_218)
        pos = Self.stateLength
        let n = Self.stateLength
        var mt = key
        var i = 1, j = 0
        let length = initKey.count
        if length > 0 {
            for _ in 0..<max(n, length) {
                mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1_664_525)) &+ initKey[j] &+ UInt32(truncatingIfNeeded: j)
                i += 1; j += 1
                if i >= n { mt[0] = mt[n - 1]; i = 1 }
                if j >= length { j = 0 }
            }
        }
        for _ in 0..<(n - 1) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(truncatingIfNeeded: i)
            i += 1
            if i >= n { mt[0] = mt[n - 1]; i = 1 }
        }
        mt[0] = 0x8000_0000
        key = mt
    }

    /// A state given word for word (numpy's `set_state`); `nil` unless there are 624 words and
    /// `pos` is in 0...624.
    public init?(key: [UInt32], pos: Int) {
        guard key.count == Self.stateLength, (0...Self.stateLength).contains(pos) else { return nil }
        self.key = key
        self.pos = pos
    }

    /// `mt19937_gen`: regenerates all 624 words.
    private mutating func generate() {
        let n = Self.stateLength, m = Self.m
        key.withUnsafeMutableBufferPointer { k in
            @inline(__always) func twist(_ i: Int, _ next: Int, _ far: Int) {
                let y = (k[i] & Self.upperMask) | (k[next] & Self.lowerMask)
                k[i] = k[far] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : Self.matrixA)
            }
            for i in 0..<(n - m) { twist(i, i + 1, i + m) }
            for i in (n - m)..<(n - 1) { twist(i, i + 1, i + m - n) }
            twist(n - 1, 0, m - 1)
        }
        pos = 0
    }

    @inline(__always)
    public mutating func nextUInt32() -> UInt32 {
        if pos == Self.stateLength { generate() }
        var y = key[pos]
        pos += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    public mutating func nextUInt64() -> UInt64 {
        let hi = UInt64(nextUInt32())
        return hi << 32 | UInt64(nextUInt32())
    }

    public mutating func nextDouble() -> Double {
        let a = Int32(bitPattern: nextUInt32() >> 5), b = Int32(bitPattern: nextUInt32() >> 6)
        return (Double(a) * 67_108_864.0 + Double(b)) / 9_007_199_254_740_992.0
    }
}
