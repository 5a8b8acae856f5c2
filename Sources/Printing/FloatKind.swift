import Foundation

/// Which binary float an array holds. numpy does its formatter's comparisons and divisions in
/// the array's own type and asks Dragon4 for that type's shortest digits, so the printer needs
/// to round to each type (docs/printing.md §4.2).
enum FloatKind: Sendable {
    case half, single, double

    /// `x` rounded to this type (exact for values that already are of it).
    func round(_ x: Double) -> Double {
        switch self {
        case .half: return Double(Float16(x))
        case .single: return Double(Float(x))
        case .double: return x
        }
    }

    /// `a / b` as numpy computes it for this type: float16 divides in float32 and rounds back.
    func divide(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .half: return Double(Float16(Float(a) / Float(b)))
        case .single: return Double(Float(a) / Float(b))
        case .double: return a / b
        }
    }

    /// numpy's `10.**min(8, finfo.precision)`: from here on, array elements go scientific.
    var scientificCutoff: Double {
        switch self {
        case .half: return 1e3
        case .single: return 1e6
        case .double: return 1e8
        }
    }

    /// The shortest round-trip text in this type (Swift's `description`, same digits as
    /// numpy's Dragon4 in unique mode). Swift prints an integer-valued Float16 in full
    /// (`32768.0`), which is not the shortest (`3.277e+04` reads back as the same half), so
    /// float16 searches the digit count itself: the first count whose correctly rounded digits
    /// read back to the same half.
    func shortestText(_ x: Double) -> String {
        switch self {
        case .half:
            let h = Float16(x)
            guard h.isFinite, h != 0 else { return h.description }
            for n in 1...5 {
                let text = String(format: "%.\(n - 1)e", Double(h))
                if let back = Double(text), Float16(back) == h { return text }
            }
            return h.description
        case .single: return Float(x).description
        case .double: return x.description
        }
    }
}
