/// Python's arbitrary-precision integer, for the values that do not fit in 64 bits (`2**100`,
/// a factorial loop, `int('123456789012345678901234567890')`). Python's ints are unbounded;
/// rnnsh keeps `Value.int(Int)` for the common case and moves to `Value.bigint` only when an
/// operation overflows (`PythonArithmetic.integer`), and back when a result fits again.
///
/// Sign and magnitude, the magnitude in base 2^32 limbs, least significant first, with no
/// trailing zero limbs (zero is the empty magnitude, never negative). Schoolbook product and
/// Knuth's word-at-a-time division: the numbers a learner meets are hundreds or thousands of
/// bits, where these are instant; near `maxBits` they take seconds and stop on Ctrl-C.
public struct BigInt: Sendable, Equatable, Hashable, CustomStringConvertible {
    public private(set) var negative: Bool
    /// Base 2^32 digits, least significant first.
    public private(set) var limbs: [UInt32]

    /// The largest magnitude rnnsh builds (about 1.3 million decimal digits): a result beyond it
    /// is refused before it is computed (`10**10**9` would take CPython minutes and gigabytes).
    public static let maxBits = 1 << 22

    init(negative: Bool, limbs: [UInt32]) {
        var l = limbs
        while l.last == 0 { l.removeLast() }
        self.limbs = l
        self.negative = l.isEmpty ? false : negative
    }

    public init(_ v: Int) {
        let m = v.magnitude
        self.init(negative: v < 0, limbs: [UInt32(truncatingIfNeeded: m), UInt32(truncatingIfNeeded: m >> 32)])
    }

    public var isZero: Bool { limbs.isEmpty }

    /// The value as an `Int` when it fits.
    public var asInt: Int? {
        guard limbs.count <= 2 else { return nil }
        var m: UInt64 = 0
        for (i, l) in limbs.enumerated() { m |= UInt64(l) << (32 * UInt64(i)) }
        if negative {
            if m <= UInt64(Int.max) { return -Int(m) }
            if m == UInt64(Int.max) + 1 { return Int.min }
            return nil
        }
        return m <= UInt64(Int.max) ? Int(m) : nil
    }

    /// Number of bits of the magnitude (0 for zero): Python's `int.bit_length()`.
    public var bitWidth: Int {
        guard let top = limbs.last else { return 0 }
        return (limbs.count - 1) * 32 + (32 - top.leadingZeroBitCount)
    }

    // MARK: Magnitudes

    static func compareMagnitude(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var i = a.count - 1
        while i >= 0 {
            if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            i -= 1
        }
        return 0
    }

    static func addMagnitude(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(max(a.count, b.count) + 1)
        var carry: UInt64 = 0
        for i in 0..<max(a.count, b.count) {
            let s = UInt64(i < a.count ? a[i] : 0) + UInt64(i < b.count ? b[i] : 0) + carry
            out.append(UInt32(truncatingIfNeeded: s))
            carry = s >> 32
        }
        if carry > 0 { out.append(UInt32(carry)) }
        return out
    }

    /// a - b for |a| >= |b|.
    static func subtractMagnitude(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out = a
        var borrow: Int64 = 0
        for i in 0..<a.count {
            var d = Int64(a[i]) - Int64(i < b.count ? b[i] : 0) - borrow
            if d < 0 { d += 1 << 32; borrow = 1 } else { borrow = 0 }
            out[i] = UInt32(d)
        }
        while out.last == 0 { out.removeLast() }
        return out
    }

    /// Schoolbook product. A product of two numbers near `maxBits` is ~10^10 limb products
    /// (seconds), so it stops early on Ctrl-C and returns a wrong value the caller never uses
    /// (`PythonArithmetic.bigInteger` throws `Interrupt.error` after any operation that saw
    /// the request).
    static func multiplyMagnitude(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        if a.isEmpty || b.isEmpty { return [] }
        var out = [UInt32](repeating: 0, count: a.count + b.count)
        out.withUnsafeMutableBufferPointer { o in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    for i in 0..<a.count {
                        if i & 15 == 15 && Interrupt.isRequested { return }
                        let x = UInt64(a[i])
                        if x == 0 { continue }
                        var carry: UInt64 = 0
                        for j in 0..<b.count {
                            // < 2^64: (2^32-1)^2 + 2 (2^32-1) = 2^64 - 1.
                            let t = x &* UInt64(b[j]) &+ UInt64(o[i + j]) &+ carry
                            o[i + j] = UInt32(truncatingIfNeeded: t)
                            carry = t >> 32
                        }
                        // out[i + b.count] is still 0 here: row i is the first to reach it.
                        o[i + b.count] = UInt32(truncatingIfNeeded: carry)
                    }
                }
            }
        }
        while out.last == 0 { out.removeLast() }
        return out
    }

    /// Quotient and remainder of a magnitude by one limb.
    static func divideMagnitude(_ a: [UInt32], by d: UInt32) -> ([UInt32], UInt32) {
        var q = [UInt32](repeating: 0, count: a.count)
        var r: UInt64 = 0
        var i = a.count - 1
        while i >= 0 {
            let cur = (r << 32) | UInt64(a[i])
            q[i] = UInt32(cur / UInt64(d))
            r = cur % UInt64(d)
            i -= 1
        }
        while q.last == 0 { q.removeLast() }
        return (q, UInt32(r))
    }

    static func shiftLeft(_ a: [UInt32], _ n: Int) -> [UInt32] {
        if a.isEmpty { return [] }
        let limbShift = n / 32, bitShift = n % 32
        var out = [UInt32](repeating: 0, count: limbShift)
        if bitShift == 0 {
            out += a
        } else {
            var carry: UInt32 = 0
            for l in a {
                out.append((l << UInt32(bitShift)) | carry)
                carry = l >> UInt32(32 - bitShift)
            }
            if carry > 0 { out.append(carry) }
        }
        return out
    }

    static func shiftRight(_ a: [UInt32], _ n: Int) -> [UInt32] {
        let limbShift = n / 32, bitShift = n % 32
        if limbShift >= a.count { return [] }
        var out = Array(a[limbShift...])
        if bitShift > 0 {
            for i in 0..<out.count {
                let hi: UInt32 = i + 1 < out.count ? out[i + 1] << UInt32(32 - bitShift) : 0
                out[i] = (out[i] >> UInt32(bitShift)) | hi
            }
        }
        while out.last == 0 { out.removeLast() }
        return out
    }

    /// Truncated quotient and remainder of magnitudes (b not zero): Knuth's algorithm D (TAOCP
    /// vol. 2, 4.3.1), one quotient limb per step, or one limb at a time for a one-limb
    /// divisor. Like the product, it stops early on Ctrl-C with a value that is never used.
    static func divModMagnitude(_ a: [UInt32], _ b: [UInt32]) -> ([UInt32], [UInt32]) {
        if compareMagnitude(a, b) < 0 { return ([], a) }
        if b.count == 1 {
            let (q, r) = divideMagnitude(a, by: b[0])
            return (q, r == 0 ? [] : [r])
        }
        let n = b.count, m = a.count - n
        // Normalise: shift both so the divisor's top limb has its high bit set; then each
        // estimated quotient limb is at most 2 too large.
        let shift = b[n - 1].leadingZeroBitCount
        let v = shiftLeft(b, shift)
        var u = shiftLeft(a, shift)
        while u.count < a.count + 1 { u.append(0) }
        var q = [UInt32](repeating: 0, count: m + 1)
        let base: UInt64 = 1 << 32
        u.withUnsafeMutableBufferPointer { u in
            v.withUnsafeBufferPointer { v in
                let vTop = UInt64(v[n - 1]), vNext = UInt64(v[n - 2])
                var j = m
                while j >= 0 {
                    if j & 15 == 0 && Interrupt.isRequested { return }
                    // Estimate q̂ from the top two limbs of the remainder and correct it with
                    // the third (at most two decrements).
                    let top = (UInt64(u[j + n]) << 32) | UInt64(u[j + n - 1])
                    var qhat = top / vTop
                    var rhat = top % vTop
                    while qhat >= base || qhat * vNext > ((rhat << 32) | UInt64(u[j + n - 2])) {
                        qhat -= 1
                        rhat += vTop
                        if rhat >= base { break }
                    }
                    // u[j ... j+n] -= q̂ · v
                    var borrow: UInt64 = 0, carry: UInt64 = 0
                    for i in 0..<n {
                        let p = qhat &* UInt64(v[i]) &+ carry
                        carry = p >> 32
                        let sub = (p & 0xFFFF_FFFF) &+ borrow
                        let ui = UInt64(u[i + j])
                        u[i + j] = UInt32(truncatingIfNeeded: ui &- sub)
                        borrow = ui < sub ? 1 : 0
                    }
                    let sub = carry &+ borrow
                    let ut = UInt64(u[j + n])
                    u[j + n] = UInt32(truncatingIfNeeded: ut &- sub)
                    if ut < sub {
                        // q̂ was one too large (rare: probability about 2/2^32): add v back.
                        qhat -= 1
                        var c: UInt64 = 0
                        for i in 0..<n {
                            let t = UInt64(u[i + j]) &+ UInt64(v[i]) &+ c
                            u[i + j] = UInt32(truncatingIfNeeded: t)
                            c = t >> 32
                        }
                        u[j + n] = UInt32(truncatingIfNeeded: UInt64(u[j + n]) &+ c)
                    }
                    q[j] = UInt32(truncatingIfNeeded: qhat)
                    j -= 1
                }
            }
        }
        while q.last == 0 { q.removeLast() }
        return (q, shiftRight(Array(u.prefix(n)), shift))
    }

    // MARK: Arithmetic (Python's semantics)

    public static prefix func - (a: BigInt) -> BigInt { BigInt(negative: !a.negative, limbs: a.limbs) }

    public static func + (a: BigInt, b: BigInt) -> BigInt {
        if a.negative == b.negative { return BigInt(negative: a.negative, limbs: addMagnitude(a.limbs, b.limbs)) }
        let c = compareMagnitude(a.limbs, b.limbs)
        if c == 0 { return BigInt(0) }
        if c > 0 { return BigInt(negative: a.negative, limbs: subtractMagnitude(a.limbs, b.limbs)) }
        return BigInt(negative: b.negative, limbs: subtractMagnitude(b.limbs, a.limbs))
    }

    public static func - (a: BigInt, b: BigInt) -> BigInt { a + (-b) }

    public static func * (a: BigInt, b: BigInt) -> BigInt {
        BigInt(negative: a.negative != b.negative, limbs: multiplyMagnitude(a.limbs, b.limbs))
    }

    /// Python's `divmod`: the quotient rounded toward minus infinity, the remainder with the
    /// divisor's sign. nil when `b` is zero.
    public static func floorDivMod(_ a: BigInt, _ b: BigInt) -> (BigInt, BigInt)? {
        if b.isZero { return nil }
        let (qm, rm) = divModMagnitude(a.limbs, b.limbs)
        var q = BigInt(negative: a.negative != b.negative, limbs: qm)
        var r = BigInt(negative: a.negative, limbs: rm)
        if !r.isZero && (r.negative != b.negative) {
            q = q - BigInt(1)
            r = r + b
        }
        return (q, r)
    }

    /// `a ** e` for e >= 0; nil when the result would pass `maxBits`.
    public static func power(_ a: BigInt, _ e: Int) -> BigInt? {
        if e == 0 { return BigInt(1) }
        if a.isZero { return a }
        if a.limbs == [1] { return a.negative && e % 2 == 1 ? a : BigInt(1) }
        let (bits, overflow) = (a.bitWidth - 1).multipliedReportingOverflow(by: e)
        if overflow || bits > maxBits { return nil }
        var result = BigInt(1), base = a, n = e
        while n > 0 {
            if Interrupt.isRequested { return result }
            if n & 1 == 1 { result = result * base }
            n >>= 1
            if n > 0 { base = base * base }
        }
        return result
    }

    /// `a << n` (n >= 0); nil past `maxBits`.
    public static func shiftedLeft(_ a: BigInt, _ n: Int) -> BigInt? {
        if a.isZero { return a }
        if n > maxBits || a.bitWidth + n > maxBits { return nil }
        return BigInt(negative: a.negative, limbs: shiftLeft(a.limbs, n))
    }

    /// `a >> n` (n >= 0), rounding toward minus infinity as Python does.
    public static func shiftedRight(_ a: BigInt, _ n: Int) -> BigInt {
        if !a.negative { return BigInt(negative: false, limbs: shiftRight(a.limbs, n)) }
        // -((-a - 1) >> n) - 1
        let m = BigInt(negative: false, limbs: subtractMagnitude(a.limbs, [1]))
        return -BigInt(negative: false, limbs: shiftRight(m.limbs, n)) - BigInt(1)
    }

    public static func compare(_ a: BigInt, _ b: BigInt) -> Int {
        if a.negative != b.negative { return a.negative ? -1 : 1 }
        let c = compareMagnitude(a.limbs, b.limbs)
        return a.negative ? -c : c
    }

    // MARK: Conversions

    /// Python's `float(n)`: correctly rounded (half to even); nil when it is too large.
    public var asDouble: Double? {
        let bits = bitWidth
        if bits <= 64 {
            var m: UInt64 = 0
            for (i, l) in limbs.enumerated() { m |= UInt64(l) << (32 * UInt64(i)) }
            let d = Double(m)
            return negative ? -d : d
        }
        let (m, shift) = stickyTop64
        let d = Double(m) * Double(sign: .plus, exponent: shift, significand: 1)
        if !d.isFinite { return nil }
        return negative ? -d : d
    }

    /// The magnitude's top 64 bits, the lowest of them set when any bit below them is (a
    /// sticky bit), and how far they were shifted down. `Double(m)` rounds exactly as the whole
    /// number would: the sticky bit lies far below the 53-bit rounding point. For numbers of
    /// more than 64 bits (`float(n)`, `math.frexp`, logarithms of huge ints).
    public var stickyTop64: (m: UInt64, shift: Int) {
        let shift = Swift.max(0, bitWidth - 64)
        let top = BigInt.shiftRight(limbs, shift)
        var m: UInt64 = 0
        for (i, l) in top.enumerated() where i < 2 { m |= UInt64(l) << (32 * UInt64(i)) }
        if BigInt.compareMagnitude(BigInt.shiftLeft(top, shift), limbs) != 0 { m |= 1 }
        return (m, shift)
    }

    /// `a / b` correctly rounded (half to even), as CPython's int true division; nil when the
    /// quotient is too large for a float. `b` must not be zero.
    public static func trueDivide(_ a: BigInt, _ b: BigInt) -> Double? {
        if a.isZero { return (a.negative != b.negative) ? -0.0 : 0.0 }
        // A quotient of 64 to 66 bits, then the rest folded into a sticky bit.
        var k = 65 - (a.bitWidth - b.bitWidth)
        let num = k >= 0 ? shiftLeft(a.limbs, k) : a.limbs
        let den = k >= 0 ? b.limbs : shiftLeft(b.limbs, -k)
        var (q, r) = divModMagnitude(num, den)
        var sticky = !r.isEmpty
        let qBits = BigInt(negative: false, limbs: q).bitWidth
        if qBits > 64 {
            let extra = qBits - 64
            if compareMagnitude(shiftLeft(shiftRight(q, extra), extra), q) != 0 { sticky = true }
            q = shiftRight(q, extra)
            k -= extra
        }
        var m: UInt64 = 0
        for (i, l) in q.enumerated() where i < 2 { m |= UInt64(l) << (32 * UInt64(i)) }
        if sticky { m |= 1 }
        let d = Double(sign: .plus, exponent: -k, significand: Double(m))
        if !d.isFinite { return nil }
        return a.negative != b.negative ? -d : d
    }

    /// The integer part of a finite double (Python's `int(x)`).
    public init?(exactly d: Double) {
        guard d.isFinite else { return nil }
        let t = d.rounded(.towardZero)
        if let i = Int(exactly: t) { self.init(i); return }
        // |t| >= 2^63: significand * 2^exponent exactly.
        let m = t.significandBitPattern | (1 << 52)
        let e = Int(t.exponent) - 52
        var v = BigInt(negative: false, limbs: BigInt.shiftLeft([UInt32(truncatingIfNeeded: m), UInt32(truncatingIfNeeded: m >> 32)], e))
        if t < 0 { v = -v }
        self = v
    }

    /// Parses decimal digits (with an optional sign; `_` between digits as Python allows).
    public init?(decimal text: String) {
        var s = Substring(text)
        var neg = false
        if s.first == "-" || s.first == "+" { neg = s.first == "-"; s = s.dropFirst() }
        guard !s.isEmpty, s.first != "_", s.last != "_", !s.contains("__") else { return nil }
        var limbs: [UInt32] = []
        for c in s where c != "_" {
            guard let d = c.wholeNumberValue, c.isASCII else { return nil }
            // limbs = limbs * 10 + d
            var carry = UInt64(d)
            for i in 0..<limbs.count {
                let t = UInt64(limbs[i]) * 10 + carry
                limbs[i] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            if carry > 0 { limbs.append(UInt32(carry)) }
        }
        self.init(negative: neg, limbs: limbs)
    }

    /// Decimal digits (CPython refuses more than 4,300 digits: see `PythonArithmetic`).
    public var description: String {
        if limbs.isEmpty { return "0" }
        var chunks: [UInt32] = []
        var m = limbs
        while !m.isEmpty {
            let (q, r) = BigInt.divideMagnitude(m, by: 1_000_000_000)
            chunks.append(r)
            m = q
        }
        var s = negative ? "-" : ""
        s += String(chunks.last ?? 0)
        for c in chunks.dropLast().reversed() {
            let d = String(c)
            s += String(repeating: "0", count: 9 - d.count) + d
        }
        return s
    }

    /// Number of decimal digits, estimated from the bit width without converting (for the
    /// 4,300-digit limit before the conversion is paid for).
    public var approximateDigits: Int { Int(Double(bitWidth) * 0.30103) + 1 }
}
