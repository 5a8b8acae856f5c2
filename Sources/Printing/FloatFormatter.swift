import Tensor

/// numpy's `FloatingFormat` under any print options: one notation for the whole array, the
/// digit rules of the float mode, and the pad widths that line the elements up
/// (docs/printing.md §4).
///
/// It is built from the *displayed* elements only (docs/printing.md §2), so a summarised
/// array's hidden values never change how the visible ones look.
struct FloatFormatter: Sendable {
    let kind: FloatKind
    let options: PrintOptions
    private(set) var scientific = false
    /// Characters before the point (sign included), the widest displayed element's.
    private(set) var padLeft = 0
    /// Positional: fraction characters. Scientific: `P + 2 + E` (fraction, `e±`, exponent).
    private(set) var padRight = 0
    /// What each element's Dragon4 call gets (numpy's `precision`, `min_digits`, `unique`).
    private(set) var precision: Int?
    private(set) var minDigits = 0
    private(set) var unique = true
    /// Scientific only: the common exponent width `E`.
    private(set) var exponentDigits = 2

    /// `values` are the displayed elements (widened to Double, which is exact).
    init(displayed values: [Double], kind: FloatKind, options: PrintOptions = .current) {
        self.kind = kind
        self.options = options
        let mode = options.floatMode
        precision = mode == .unique ? nil : options.precision
        let finite = values.filter { $0.isFinite }
        scientific = FloatFormatter.choosesScientific(finite, kind: kind, suppress: options.suppress)
        let plus = options.sign == .plus

        if finite.isEmpty {
            padLeft = 0
            padRight = 0
            unique = true
            minDigits = 0
        } else if scientific {
            // Pass 1: every element's own digits (capped, or fixed), trailing zeros dropped.
            let fixed = mode == .fixed
            var p = 0, e = 2, left = 1
            for (i, x) in finite.enumerated() {
                if i & 0xFFF == 0xFFF && Cancellation.isRequested && !Cancellation.isDeferred { break }
                let d = FloatDigits.dragon4(x, kind: kind, scientific: true, precision: precision,
                                            minDigits: fixed ? (precision ?? 0) : 0, unique: !fixed)
                p = max(p, fixed ? (precision ?? 0) : d.scientificFractionCount)
                e = max(e, String(d.exponent.magnitude).count)
                if x.sign == .minus || plus { left = 2 }
            }
            // Pass 2 writes every element with exactly P fraction digits.
            precision = p
            minDigits = p
            unique = !fixed
            exponentDigits = e
            padLeft = left
            padRight = p + 2 + e
        } else {
            let fixed = mode == .fixed
            var left = 0, right = 0
            for (i, x) in finite.enumerated() {
                if i & 0xFFF == 0xFFF && Cancellation.isRequested && !Cancellation.isDeferred { break }
                let d = FloatDigits.dragon4(x, kind: kind, scientific: false, precision: precision,
                                            minDigits: fixed ? (precision ?? 0) : 0, unique: !fixed)
                let parts = d.positionalParts
                let fraction = fixed ? max(precision ?? 0, parts.fraction.utf8.count) : parts.fraction.utf8.count
                left = max(left, parts.whole.utf8.count + (x.sign == .minus || plus ? 1 : 0))
                right = max(right, fraction)
            }
            padLeft = left
            padRight = right
            unique = !fixed
            if mode == .fixed || mode == .maxprec_equal {
                // One common digit count: every element gets exactly R fraction digits.
                precision = right
                minDigits = right
            } else {
                minDigits = 0
            }
        }

        // sign=' ': room for the space a positive value's sign stands in.
        if options.sign == .space && !finite.contains(where: { $0.sign == .minus }) {
            padLeft += 1
        }
        if finite.count != values.count {
            // nan/inf only ever widen the left side (docs/printing.md §4.5).
            let negativeInfinity = options.sign != .minus || values.contains { $0 == -.infinity }
            let offset = padRight + 1
            padLeft = max(padLeft, options.nanString.count - offset,
                          options.infString.count + (negativeInfinity ? 1 : 0) - offset)
        }
    }

    /// docs/printing.md §4.2: scientific iff the largest nonzero magnitude reaches the type's
    /// cutoff, or (unless `suppress`) the smallest is below 1e-4 or the ratio exceeds 1000 —
    /// all computed in the array's own type, because rounding of the constant and of the
    /// quotient changes the answer.
    static func choosesScientific(_ finite: [Double], kind: FloatKind, suppress: Bool) -> Bool {
        var maxAbs = 0.0
        var minAbs = Double.infinity
        for x in finite where x != 0 {
            let m = abs(x)
            maxAbs = max(maxAbs, m)
            minAbs = min(minAbs, m)
        }
        if maxAbs == 0 { return false }
        if maxAbs >= kind.scientificCutoff { return true }
        if suppress { return false }
        return minAbs < kind.round(0.0001) || kind.divide(maxAbs, minAbs) > 1000
    }

    /// The element as it appears in the array, padded to the common width.
    func string(_ x: Double) -> String {
        let plus = options.sign == .plus
        if !x.isFinite {
            let text: String
            if x.isNaN {
                text = (plus ? "+" : "") + options.nanString
            } else {
                text = (x < 0 ? "-" : (plus ? "+" : "")) + options.infString
            }
            return leftPadded(text, to: padLeft + padRight + 1)
        }
        let sign = x.sign == .minus ? "-" : (plus ? "+" : "")
        let d = FloatDigits.dragon4(x, kind: kind, scientific: scientific, precision: precision,
                                    minDigits: minDigits, unique: unique)
        if scientific {
            let mantissa = sign + d.leadingDigit + "." + d.scientificFraction(paddedTo: minDigits)
            let text = mantissa + "e" + FloatDigits.exponentText(d.exponent, width: exponentDigits)
            return leftPadded(text, to: padLeft + 1 + padRight)
        }
        let parts = d.positionalParts
        var fraction = parts.fraction
        if fraction.utf8.count < minDigits {
            fraction += String(repeating: "0", count: minDigits - fraction.utf8.count)
        }
        let whole = sign + parts.whole
        return String(repeating: " ", count: max(0, padLeft - whole.utf8.count)) + whole + "."
            + fraction + String(repeating: " ", count: max(0, padRight - fraction.utf8.count))
    }
}

/// Right-aligns `text` in a field of `width` characters (ASCII only).
func leftPadded(_ text: String, to width: Int) -> String {
    let n = text.utf8.count
    return n >= width ? text : String(repeating: " ", count: width - n) + text
}
