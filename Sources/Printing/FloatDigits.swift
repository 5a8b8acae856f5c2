import Foundation

/// The decimal digits of a non-negative finite number, `d₁.d₂d₃… × 10^exponent`.
///
/// numpy's Dragon4 output is reproduced from two primitives (SPEC §4.1) rather than a bignum
/// Dragon4 port: Swift's `description` already yields the shortest round-trip digits, and C's
/// `printf("%.Ne"/"%.Nf")` rounds the exact binary value half-to-even. Both only differ from
/// numpy in *layout*, so everything goes through this neutral digits-plus-exponent form.
struct DecimalDigits: Equatable, Sendable {
    /// ASCII digits, no leading zeros, no trailing zeros; zero is `["0"]` with exponent 0.
    var digits: [UInt8]
    /// Decimal exponent of the first digit.
    var exponent: Int

    static let ascii0: UInt8 = 48
    static let zero = DecimalDigits(digits: [ascii0], exponent: 0)

    var isZero: Bool { digits.count == 1 && digits[0] == DecimalDigits.ascii0 }

    init(digits: [UInt8], exponent: Int) {
        self.digits = digits
        self.exponent = exponent
    }

    /// Reads Swift's or printf's rendering of a finite number (`123.45`, `1e-05`, `-1.5e+16`,
    /// `0.00001000`) and normalises it; the sign is ignored.
    init(parsing text: String) {
        var mantissa: [UInt8] = []
        mantissa.reserveCapacity(24)
        var pointPosition: Int? = nil
        var exponentPart = 0
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let c = bytes[index]
            if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                var sign = 1
                var j = index + 1
                if j < bytes.count, bytes[j] == UInt8(ascii: "-") {
                    sign = -1
                    j += 1
                } else if j < bytes.count, bytes[j] == UInt8(ascii: "+") {
                    j += 1
                }
                var e = 0
                while j < bytes.count, bytes[j] >= 48, bytes[j] <= 57, e < 100_000 {
                    e = e * 10 + Int(bytes[j] - 48)
                    j += 1
                }
                exponentPart = sign * e
                break
            } else if c == UInt8(ascii: ".") {
                pointPosition = mantissa.count
            } else if c >= 48 && c <= 57 {
                mantissa.append(c)
            }
            index += 1
        }
        let intDigits = pointPosition ?? mantissa.count
        // Leading zeros move the first significant digit to the right.
        var first = 0
        while first < mantissa.count && mantissa[first] == DecimalDigits.ascii0 { first += 1 }
        if first == mantissa.count {
            self = .zero
            return
        }
        var last = mantissa.count
        while last > first && mantissa[last - 1] == DecimalDigits.ascii0 { last -= 1 }
        self.digits = Array(mantissa[first..<last])
        self.exponent = intDigits - 1 - first + exponentPart
    }

    /// Digits after the decimal point when written positionally (`12.5` → 1, `100` → 0).
    var positionalFractionCount: Int { max(0, digits.count - 1 - exponent) }

    /// Digits after the point of the scientific mantissa (`1.25e+03` → 2).
    var scientificFractionCount: Int { digits.count - 1 }

    /// Positional text split at the point, fraction without trailing zeros: (`12`, `5`).
    var positionalParts: (whole: String, fraction: String) {
        if exponent >= 0 {
            var whole = [UInt8]()
            whole.reserveCapacity(exponent + 1)
            for i in 0...exponent { whole.append(i < digits.count ? digits[i] : DecimalDigits.ascii0) }
            let fraction = digits.count > exponent + 1 ? Array(digits[(exponent + 1)...]) : []
            return (String(decoding: whole, as: UTF8.self), String(decoding: fraction, as: UTF8.self))
        }
        let zeros = [UInt8](repeating: DecimalDigits.ascii0, count: -exponent - 1)
        return ("0", String(decoding: zeros + digits, as: UTF8.self))
    }

    /// The scientific mantissa's fraction digits, padded with zeros to at least `count`.
    func scientificFraction(paddedTo count: Int) -> String {
        var fraction = Array(digits.dropFirst())
        if fraction.count < count {
            fraction += [UInt8](repeating: DecimalDigits.ascii0, count: count - fraction.count)
        }
        return String(decoding: fraction, as: UTF8.self)
    }

    /// The leading digit of the scientific mantissa.
    var leadingDigit: String { String(decoding: digits.prefix(1), as: UTF8.self) }
}

/// The digit primitives of SPEC §4.1, for float32 and float64 values carried as `Double`
/// (widening a float32 is exact, so `Double` holds every value of both types).
enum FloatDigits {
    /// SHORTEST: the fewest digits that read back to exactly `x` in its own type.
    /// `single` selects float32's precision (`0.1` rather than `0.10000000149011612`).
    static func shortest(_ x: Double, single: Bool) -> DecimalDigits {
        if x == 0 { return .zero }
        let text = single ? Float(x).description : x.description
        return DecimalDigits(parsing: text)
    }

    /// ROUND positional: the exact binary value rounded half-to-even to `n` fraction digits.
    static func roundedFraction(_ x: Double, digits n: Int) -> DecimalDigits {
        DecimalDigits(parsing: String(format: "%.\(n)f", abs(x)))
    }

    /// ROUND scientific: the exact value rounded to `n` digits after the mantissa's point.
    static func roundedScientific(_ x: Double, fractionDigits n: Int) -> DecimalDigits {
        DecimalDigits(parsing: String(format: "%.\(n)e", abs(x)))
    }

    /// CAP positional: SHORTEST when it fits in `p` fraction digits, else ROUND — never a
    /// rounding of the shortest string (that double rounding is wrong, SPEC §4.1).
    static func cappedPositional(_ x: Double, single: Bool, maxFraction p: Int) -> DecimalDigits {
        let s = shortest(x, single: single)
        return s.positionalFractionCount <= p ? s : roundedFraction(x, digits: p)
    }

    /// CAP scientific: SHORTEST when its mantissa needs at most `p` fraction digits, else ROUND.
    static func cappedScientific(_ x: Double, single: Bool, maxFraction p: Int) -> DecimalDigits {
        let s = shortest(x, single: single)
        return s.scientificFractionCount <= p ? s : roundedScientific(x, fractionDigits: p)
    }

    /// The exponent written as numpy writes it: sign, then at least `width` digits.
    static func exponentText(_ e: Int, width: Int) -> String {
        let magnitude = String(e.magnitude)
        let pad = String(repeating: "0", count: max(0, width - magnitude.count))
        return (e < 0 ? "-" : "+") + pad + magnitude
    }
}
