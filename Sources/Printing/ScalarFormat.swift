import Tensor

/// numpy *scalar* text — `str(np.float64(x))`, `repr(np.int32(3))` — which is also what `str`
/// of a 0-d array shows (docs/printing.md §7). Its float rules differ from the array element rules:
/// always the shortest round-trip digits (no 8-digit cap), positional only for
/// `1e-4 <= |v| < 1e16` (float32: `1e6`), and at least one digit after the point.
enum ScalarFormat {
    static func str(_ s: Scalar, dtype: DType) -> String {
        switch dtype {
        case .bool:
            return ElementFormatter.truth(s) ? "True" : "False"
        case .int8, .int16, .int32, .int64, .uint8, .uint16, .uint32, .uint64:
            return String(ElementFormatter.integer(s))
        case .float16:
            return floatStr(Double(Float16(Float(s.doubleValue))), kind: .half)
        case .float32:
            return floatStr(Double(Float(s.doubleValue)), kind: .single)
        case .float64:
            return floatStr(s.doubleValue, kind: .double)
        }
    }

    /// numpy 2's scalar repr: `np.int64(3)`, `np.float32(0.5)`, `np.True_`.
    static func repr(_ s: Scalar, dtype: DType) -> String {
        if dtype == .bool { return ElementFormatter.truth(s) ? "np.True_" : "np.False_" }
        return "np." + dtype.name + "(" + str(s, dtype: dtype) + ")"
    }

    /// `x` holds a value of the scalar's own type (widened exactly).
    static func floatStr(_ x: Double, kind: FloatKind) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let sign = x.sign == .minus ? "-" : ""
        if x == 0 { return sign + "0.0" }
        let magnitude = abs(x)
        let d = FloatDigits.shortest(x, kind: kind)
        // Both bounds compare the exact value: double(1e-4) is the first double ≥ 10⁻⁴, and
        // the upper bounds are exact, so a Double comparison is an exact one.
        let upper: Double
        switch kind {
        case .half: upper = 1e3
        case .single: upper = 1e6
        case .double: upper = 1e16
        }
        if magnitude >= 1e-4 && magnitude < upper {
            let parts = d.positionalParts
            return sign + parts.whole + "." + (parts.fraction.isEmpty ? "0" : parts.fraction)
        }
        let fraction = d.scientificFraction(paddedTo: 0)
        return sign + d.leadingDigit + (fraction.isEmpty ? "" : "." + fraction)
            + "e" + FloatDigits.exponentText(d.exponent, width: 2)
    }
}
