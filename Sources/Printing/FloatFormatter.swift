/// numpy's `FloatingFormat` under default print options (floatmode `maxprec`, precision 8):
/// one notation for the whole array, and the pad widths that line the elements up.
///
/// It is built from the *displayed* elements only (SPEC §2), so a summarised array's hidden
/// values never change how the visible ones look.
struct FloatFormatter: Sendable {
    /// numpy's `precision` print option: at most 8 digits after the point.
    static let precision = 8

    let single: Bool
    let scientific: Bool
    /// Characters before the point (sign included), the widest displayed element's.
    private(set) var padLeft = 0
    /// Positional: fraction characters. Scientific: `P + 2 + E` (fraction, `e±`, exponent).
    private(set) var padRight = 0
    /// Scientific only: the common fraction-digit count `P` and exponent width `E`.
    private(set) var fractionDigits = 0
    private(set) var exponentDigits = 2

    /// `values` are the displayed elements (float32 ones widened, which is exact);
    /// `single` says the array is float32, so comparisons and digits use float32's rules.
    init(displayed values: [Double], single: Bool) {
        self.single = single
        let finite = values.filter { $0.isFinite }
        scientific = FloatFormatter.choosesScientific(finite, single: single)

        if finite.isEmpty {
            padLeft = 0
            padRight = 0
        } else if scientific {
            var p = 0, e = 2, left = 1
            for x in finite {
                let d = FloatDigits.cappedScientific(x, single: single, maxFraction: FloatFormatter.precision)
                p = max(p, d.scientificFractionCount)
                e = max(e, String(d.exponent.magnitude).count)
                if x.sign == .minus { left = 2 }
            }
            fractionDigits = p
            exponentDigits = e
            padLeft = left
            padRight = p + 2 + e
        } else {
            var left = 0, right = 0
            for x in finite {
                let d = FloatDigits.cappedPositional(x, single: single, maxFraction: FloatFormatter.precision)
                let parts = d.positionalParts
                left = max(left, parts.whole.utf8.count + (x.sign == .minus ? 1 : 0))
                right = max(right, parts.fraction.utf8.count)
            }
            padLeft = left
            padRight = right
        }

        if finite.count != values.count {
            // nan/inf only ever widen the left side (SPEC §4.5).
            let negativeInfinity = values.contains { $0 == -.infinity }
            let offset = padRight + 1
            padLeft = max(padLeft, 3 - offset, 3 + (negativeInfinity ? 1 : 0) - offset)
        }
    }

    /// SPEC §4.2: scientific iff the largest nonzero magnitude is ≥ 1e8 (float32: 1e6), the
    /// smallest is < 1e-4, or their ratio exceeds 1000 — all computed in the array's own dtype,
    /// because float32 rounding of the constant and of the quotient changes the answer.
    static func choosesScientific(_ finite: [Double], single: Bool) -> Bool {
        var maxAbs = 0.0
        var minAbs = Double.infinity
        for x in finite where x != 0 {
            let m = abs(x)
            maxAbs = max(maxAbs, m)
            minAbs = min(minAbs, m)
        }
        if maxAbs == 0 { return false }
        if single {
            let mx = Float(maxAbs), mn = Float(minAbs)
            return mx >= Float(1e6) || mn < Float(0.0001) || mx / mn > Float(1000)
        }
        return maxAbs >= 1e8 || minAbs < 0.0001 || maxAbs / minAbs > 1000
    }

    /// The element as it appears in the array, padded to the common width.
    func string(_ x: Double) -> String {
        if !x.isFinite {
            let text = x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf")
            return leftPadded(text, to: padLeft + padRight + 1)
        }
        let sign = x.sign == .minus ? "-" : ""
        if scientific {
            let p = fractionDigits
            let shortest = FloatDigits.shortest(x, single: single)
            // Exactly P digits: SHORTEST if it has them, else the exact value rounded to P
            // (float32 `1.1` next to an 8-digit element becomes `1.10000002e+00`).
            let d = shortest.scientificFractionCount == p
                ? shortest
                : (x == 0 ? DecimalDigits.zero : FloatDigits.roundedScientific(x, fractionDigits: p))
            let mantissa = sign + d.leadingDigit + "." + d.scientificFraction(paddedTo: p)
            let text = mantissa + "e" + FloatDigits.exponentText(d.exponent, width: exponentDigits)
            return leftPadded(text, to: padLeft + 1 + padRight)
        }
        let d = FloatDigits.cappedPositional(x, single: single, maxFraction: FloatFormatter.precision)
        let parts = d.positionalParts
        let whole = sign + parts.whole
        return String(repeating: " ", count: max(0, padLeft - whole.utf8.count)) + whole + "."
            + parts.fraction + String(repeating: " ", count: max(0, padRight - parts.fraction.utf8.count))
    }
}

/// Right-aligns `text` in a field of `width` characters (ASCII only).
func leftPadded(_ text: String, to width: Int) -> String {
    let n = text.utf8.count
    return n >= width ? text : String(repeating: " ", count: width - n) + text
}
