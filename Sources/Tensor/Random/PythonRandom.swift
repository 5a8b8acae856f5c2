import Foundation

/// CPython's `random.Random` (the generator behind `random.seed`, `random.random`,
/// `random.shuffle`, …): the same MT19937 numpy's legacy `RandomState` runs, seeded and drawn
/// from by CPython's own rules (docs/python-random.md), so a seeded program gives the numbers
/// CPython gives.
///
/// Seeding always goes through `init_by_array`: an int seed's magnitude is cut into 32-bit words,
/// least significant first (0 is the one word 0); a str seed is first made an int from its UTF-8
/// bytes followed by their SHA-512 digest, read big-endian (CPython's version 2 seeding).
/// Draws: `random()` is MT19937's 53-bit double (the same two words numpy uses);
/// `getrandbits(k)` fills 32-bit words least significant first, the last word keeping its top
/// bits; integers below `n` are `getrandbits(n.bit_length())` redrawn until below `n`.
public struct PythonRandom: Sendable, Equatable {
    public var bits: MT19937
    /// `gauss`'s second value, kept for the next call (reset by seeding).
    public var gaussNext: Double?

    /// `init_by_array(words)`: `words` is a seed's magnitude, least significant word first.
    /// High zero words are dropped (CPython uses only as many words as the int has bits).
    public init(magnitude words: [UInt32]) {
        var key = words
        while key.count > 1, key.last == 0 { key.removeLast() }
        if key.isEmpty { key = [0] }
        bits = MT19937(seedArray: key)
        gaussNext = nil
    }

    /// `seed(n)` for an int that fits 64 bits (its absolute value is used).
    public init(seed: Int) {
        let m = seed.magnitude
        self.init(magnitude: [UInt32(truncatingIfNeeded: m), UInt32(truncatingIfNeeded: m >> 32)])
    }

    /// `seed(s)` for a str or bytes: the int `from_bytes(s + sha512(s), 'big')`.
    public init(seedBytes bytes: [UInt8]) {
        let all = bytes + SHA512.digest(bytes)
        // Big-endian bytes to little-endian 32-bit words.
        var words: [UInt32] = []
        var word: UInt32 = 0
        var shift: UInt32 = 0
        for b in all.reversed() {
            word |= UInt32(b) << shift
            shift += 8
            if shift == 32 {
                words.append(word)
                word = 0
                shift = 0
            }
        }
        if shift > 0 { words.append(word) }
        self.init(magnitude: words)
    }

    /// CPython seeds a new generator (and `seed()`/`seed(None)`) from the system's entropy.
    public static func fromEntropy() -> PythonRandom {
        var sys = SystemRandomNumberGenerator()
        return PythonRandom(magnitude: (0..<MT19937.stateLength).map { _ in UInt32.random(in: .min ... .max, using: &sys) })
    }

    /// `random()`: a double in [0, 1) from two 32-bit draws (`genrand_res53`).
    public mutating func random() -> Double { bits.nextDouble() }

    /// `getrandbits(k)` as 32-bit words, least significant first.
    public mutating func randomWords(bitCount k: Int) -> [UInt32] {
        guard k > 0 else { return [] }
        var left = k
        var words: [UInt32] = []
        words.reserveCapacity((k - 1) / 32 + 1)
        while left > 0 {
            var r = bits.nextUInt32()
            if left < 32 { r >>= UInt32(32 - left) }
            words.append(r)
            left -= 32
        }
        return words
    }

    /// `getrandbits(k)` for k ≤ 64.
    public mutating func randomBits(_ k: Int) -> UInt64 {
        let w = randomWords(bitCount: k)
        var r: UInt64 = 0
        for (i, x) in w.enumerated() { r |= UInt64(x) << UInt64(32 * i) }
        return r
    }

    /// `_randbelow_with_getrandbits(n)`: uniform in [0, n), n > 0.
    public mutating func below(_ n: UInt64) -> UInt64 {
        let k = 64 - n.leadingZeroBitCount
        var r = randomBits(k)
        while r >= n { r = randomBits(k) }
        return r
    }

    /// `gauss(0, 1)`: Box–Muller on two draws, the sine half kept for the next call.
    public mutating func gauss() -> Double {
        if let z = gaussNext {
            gaussNext = nil
            return z
        }
        let x2pi = random() * (2 * Double.pi)
        let g2rad = (-2.0 * Foundation.log(1.0 - random())).squareRoot()
        gaussNext = Foundation.sin(x2pi) * g2rad
        return Foundation.cos(x2pi) * g2rad
    }

    /// CPython's `NV_MAGICCONST`, `4 * exp(-0.5) / sqrt(2.0)`.
    static let normalMagic = 4 * Foundation.exp(-0.5) / 2.0.squareRoot()

    /// `normalvariate(0, 1)`: Kinderman and Monahan's ratio of uniforms.
    public mutating func normal() -> Double {
        while true {
            let u1 = random()
            let u2 = 1.0 - random()
            let z = Self.normalMagic * (u1 - 0.5) / u2
            let zz = z * z / 4.0
            if zz <= -Foundation.log(u2) { return z }
        }
    }
}
