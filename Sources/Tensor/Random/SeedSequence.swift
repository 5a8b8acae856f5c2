/// numpy's `SeedSequence`: turns any amount of user entropy (an int of any size, or a list of
/// ints) into well-mixed seed words for a bit generator.
///
/// The entropy is cut into 32-bit words (little end first). A pool of 4 words is filled by
/// hashing each entropy word (`hashmix`: xor with a running constant, multiply, xor-shift by 16,
/// the constant itself multiplied by `MULT_A` at every use); then every pool word is mixed into
/// every other (`mix(x, y) = (L*x - R*y) ^ >>16`), then any entropy beyond 4 words is mixed into
/// all pool words. `generate_state(n)` cycles over the pool, hashing each word with a second
/// running constant (`INIT_B`, `MULT_B`); 64-bit words are pairs of 32-bit ones, low word first.
public struct SeedSequence: Sendable, Equatable {
    static let poolSize = 4
    static let initA: UInt32 = 0x43B0_D7E5
    static let multA: UInt32 = 0x931E_8875
    static let initB: UInt32 = 0x8B51_F9DD
    static let multB: UInt32 = 0x58F3_8DED
    static let mixMultL: UInt32 = 0xCA01_F9DD
    static let mixMultR: UInt32 = 0x4973_F715

    public let pool: [UInt32]

    /// From entropy already cut into 32-bit words (`wordsOf` for a non-negative integer).
    public init(entropy: [UInt32]) {
        var hashConst = Self.initA
        func hashmix(_ v: UInt32) -> UInt32 {
            var value = v ^ hashConst
            hashConst = hashConst &* Self.multA
            value = value &* hashConst
            return value ^ (value >> 16)
        }
        func mix(_ x: UInt32, _ y: UInt32) -> UInt32 {
            let r = Self.mixMultL &* x &- Self.mixMultR &* y
            return r ^ (r >> 16)
        }
        var pool = [UInt32](repeating: 0, count: Self.poolSize)
        for i in 0..<Self.poolSize {
            pool[i] = hashmix(i < entropy.count ? entropy[i] : 0)
        }
        for src in 0..<Self.poolSize {
            for dst in 0..<Self.poolSize where src != dst {
                pool[dst] = mix(pool[dst], hashmix(pool[src]))
            }
        }
        if entropy.count > Self.poolSize {
            for src in Self.poolSize..<entropy.count {
                for dst in 0..<Self.poolSize {
                    pool[dst] = mix(pool[dst], hashmix(entropy[src]))
                }
            }
        }
        self.pool = pool
    }

    /// A non-negative integer as numpy cuts it: 32-bit words, least significant first; 0 is [0].
    public static func words(of n: UInt64) -> [UInt32] {
        if n == 0 { return [0] }
        var out: [UInt32] = []
        var x = n
        while x > 0 {
            out.append(UInt32(truncatingIfNeeded: x))
            x >>= 32
        }
        return out
    }

    /// `generate_state(n, np.uint32)`.
    public func generateState32(_ n: Int) -> [UInt32] {
        var hashConst = Self.initB
        var out: [UInt32] = []
        out.reserveCapacity(n)
        for i in 0..<n {
            var v = pool[i % Self.poolSize] ^ hashConst
            hashConst = hashConst &* Self.multB
            v = v &* hashConst
            out.append(v ^ (v >> 16))
        }
        return out
    }

    /// `generate_state(n, np.uint64)`: 2n 32-bit words read as little-endian pairs.
    public func generateState64(_ n: Int) -> [UInt64] {
        let w = generateState32(2 * n)
        return (0..<n).map { UInt64(w[2 * $0]) | UInt64(w[2 * $0 + 1]) << 32 }
    }
}
