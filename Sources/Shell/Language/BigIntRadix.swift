/// `hex()`, `oct()` and `bin()` of a big int (`hex(2**100)`), as CPython writes them: the sign,
/// the prefix, then the magnitude's digits. The radixes are powers of two, so each digit is a
/// run of the magnitude's bits: one pass over the bits, with no division (a decimal string
/// would be quadratic, and CPython's 4,300-digit limit does not apply to these bases).
extension BigInt {
    /// The magnitude in base 2^`bitsPerDigit` (1, 3 or 4), most significant digit first.
    func magnitudeDigits(bitsPerDigit: Int) -> String {
        let width = bitWidth
        if width == 0 { return "0" }
        let digitCount = (width + bitsPerDigit - 1) / bitsPerDigit
        let symbols = Array("0123456789abcdef".utf8)
        func bit(_ i: Int) -> UInt32 {
            let limb = i / 32
            guard limb < limbs.count else { return 0 }
            return (limbs[limb] >> UInt32(i % 32)) & 1
        }
        var out = [UInt8](repeating: 0, count: digitCount)
        for d in 0..<digitCount {
            var value: UInt32 = 0
            for b in stride(from: bitsPerDigit - 1, through: 0, by: -1) { value = value << 1 | bit(d * bitsPerDigit + b) }
            out[digitCount - 1 - d] = symbols[Int(value)]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `hex(n)` / `oct(n)` / `bin(n)` (radix 16, 8 or 2): `-0x…`, `0o…`, `0b…`.
    func prefixedText(radix: Int) -> String {
        let (prefix, bits) = radix == 16 ? ("0x", 4) : (radix == 8 ? ("0o", 3) : ("0b", 1))
        return (negative ? "-" : "") + prefix + magnitudeDigits(bitsPerDigit: bits)
    }
}
