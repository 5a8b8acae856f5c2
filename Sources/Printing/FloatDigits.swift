import Foundation

/// The decimal digits of a non-negative finite number, `d₁.d₂d₃… × 10^exponent`.
///
/// numpy's Dragon4 output is reproduced from two primitives (docs/printing.md §4.1) rather than a bignum
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

/// The digit primitives of docs/printing.md §4.1, for float16, float32 and float64 values
/// carried as `Double` (widening is exact, so `Double` holds every value of the three types).
enum FloatDigits {
    /// SHORTEST: the fewest digits that read back to exactly `x` in its own type
    /// (float32 `0.1` gives `0.1`, not `0.10000000149011612`).
    static func shortest(_ x: Double, kind: FloatKind) -> DecimalDigits {
        if x == 0 { return .zero }
        return DecimalDigits(parsing: kind.shortestText(x))
    }

    /// ROUND positional: the exact binary value rounded half-to-even to `n` fraction digits.
    static func roundedFraction(_ x: Double, digits n: Int) -> DecimalDigits {
        // Past 1100 fraction digits every double's exact expansion has ended: only zeros follow.
        DecimalDigits(parsing: String(format: "%.\(min(n, 1100))f", abs(x)))
    }

    /// ROUND scientific: the exact value rounded to `n` digits after the mantissa's point.
    static func roundedScientific(_ x: Double, fractionDigits n: Int) -> DecimalDigits {
        DecimalDigits(parsing: String(format: "%.\(min(n, 1100))e", abs(x)))
    }

    /// What numpy's Dragon4 (`dragon4_positional` / `dragon4_scientific`) yields for the
    /// digits of `|x|` (docs/printing.md §4.1):
    /// - not `unique`: the exact value rounded to `precision` fraction digits;
    /// - `unique`: SHORTEST, unless it needs more than `precision` fraction digits (then the
    ///   exact value rounded to `precision` — never a second rounding of SHORTEST) or fewer than
    ///   `minDigits` (then the exact value carried on to `minDigits`: float32 `1.1` becomes
    ///   `1.10000002`, not `1.10000000`).
    /// The caller pads the fraction with zeros to `minDigits` when it writes the number.
    static func dragon4(_ x: Double, kind: FloatKind, scientific: Bool, precision: Int?, minDigits: Int, unique: Bool) -> DecimalDigits {
        func rounded(_ n: Int) -> DecimalDigits {
            if x == 0 { return .zero }
            return scientific ? roundedScientific(x, fractionDigits: n) : roundedFraction(x, digits: n)
        }
        if !unique { return rounded(max(precision ?? 0, 0)) }
        let s = shortest(x, kind: kind)
        let count = scientific ? s.scientificFractionCount : s.positionalFractionCount
        if let p = precision, count > p { return rounded(p) }
        if count < minDigits { return rounded(minDigits) }
        return s
    }

    /// The exponent written as numpy writes it: sign, then at least `width` digits.
    static func exponentText(_ e: Int, width: Int) -> String {
        let magnitude = String(e.magnitude)
        let pad = String(repeating: "0", count: max(0, width - magnitude.count))
        return (e < 0 ? "-" : "+") + pad + magnitude
    }
}
