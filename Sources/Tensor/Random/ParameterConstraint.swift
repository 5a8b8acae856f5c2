/// What a distribution parameter must satisfy, with numpy's error texts (`_common.pyx`'s
/// `check_constraint` / `check_array_constraint`).
///
/// numpy words a failure differently for a scalar parameter ("p < 0, p > 1 or p is NaN") and an
/// array one ("... or p contains NaNs"), and some checks let NaN through (`scale < 0` tests the
/// sign bit of non-NaN values only). Each case below keeps both texts and the NaN behaviour.
public enum ParameterConstraint: Sendable, Equatable {
    case none
    /// `name < 0`: the sign bit of a non-NaN value (so -0.0 fails too).
    case nonNegative
    /// `name <= 0`.
    case positive
    /// `name must not be NaN`, then `name <= 0`.
    case positiveNotNaN
    /// [0, 1].
    case bounded01
    /// (0, 1].
    case boundedAbove0To1
    /// [0, 1).
    case bounded0ToBelow1
    /// > 1.
    case greaterThan1
    /// ≥ 1.
    case atLeast1
    /// 0 ≤ lam ≤ 2⁶³ − 10·√(2⁶³) (numpy's POISSON_LAM_MAX; the legacy bound is the same on LP64).
    case poisson
    /// An integer parameter of the legacy API: ≥ 0 and within C long.
    case legacyLong

    static let poissonLamMax = 9.223372036854775807e18 - 3.0370004999760496e10

    /// `check_constraint` for a scalar parameter.
    public func check(_ v: Double, _ name: String) throws(TensorError) {
        switch self {
        case .none: return
        case .nonNegative:
            if !v.isNaN && v.sign == .minus { throw TensorError("\(name) < 0", kind: .valueError) }
        case .positive:
            if v <= 0 { throw TensorError("\(name) <= 0", kind: .valueError) }
        case .positiveNotNaN:
            if v.isNaN { throw TensorError("\(name) must not be NaN", kind: .valueError) }
            if v <= 0 { throw TensorError("\(name) <= 0", kind: .valueError) }
        case .bounded01:
            if !(v >= 0) || !(v <= 1) { throw TensorError("\(name) < 0, \(name) > 1 or \(name) is NaN", kind: .valueError) }
        case .boundedAbove0To1:
            if !(v > 0) || !(v <= 1) { throw TensorError("\(name) <= 0, \(name) > 1 or \(name) contains NaNs", kind: .valueError) }
        case .bounded0ToBelow1:
            if !(v >= 0) || !(v < 1) { throw TensorError("\(name) < 0, \(name) >= 1 or \(name) is NaN", kind: .valueError) }
        case .greaterThan1:
            if !(v > 1) { throw TensorError("\(name) <= 1 or \(name) is NaN", kind: .valueError) }
        case .atLeast1:
            if !(v >= 1) { throw TensorError("\(name) < 1 or \(name) is NaN", kind: .valueError) }
        case .poisson:
            if !(v >= 0) { throw TensorError("\(name) < 0 or \(name) is NaN", kind: .valueError) }
            if !(v <= Self.poissonLamMax) { throw TensorError("\(name) value too large", kind: .valueError) }
        case .legacyLong:
            if v < 0 { throw TensorError("\(name) < 0", kind: .valueError) }
            if v > 9.223372036854775807e18 {
                throw TensorError("\(name) is out of bounds for long, consider using the new generator API for 64bit integers.", kind: .valueError)
            }
        }
    }

    /// `check_array_constraint` for an array parameter (all of its values).
    public func check(array v: [Double], _ name: String) throws(TensorError) {
        switch self {
        case .none: return
        case .nonNegative:
            if v.contains(where: { !$0.isNaN && $0.sign == .minus }) { throw TensorError("\(name) < 0", kind: .valueError) }
        case .positive:
            if v.contains(where: { $0 <= 0 }) { throw TensorError("\(name) <= 0", kind: .valueError) }
        case .positiveNotNaN:
            if v.contains(where: \.isNaN) { throw TensorError("\(name) must not be NaN", kind: .valueError) }
            if v.contains(where: { $0 <= 0 }) { throw TensorError("\(name) <= 0", kind: .valueError) }
        case .bounded01:
            if v.contains(where: { !($0 >= 0) || !($0 <= 1) }) { throw TensorError("\(name) < 0, \(name) > 1 or \(name) contains NaNs", kind: .valueError) }
        case .boundedAbove0To1:
            if v.contains(where: { !($0 > 0) || !($0 <= 1) }) { throw TensorError("\(name) <= 0, \(name) > 1 or \(name) contains NaNs", kind: .valueError) }
        case .bounded0ToBelow1:
            if v.contains(where: { !($0 >= 0) || !($0 < 1) }) { throw TensorError("\(name) < 0, \(name) >= 1 or \(name) contains NaNs", kind: .valueError) }
        case .greaterThan1:
            if v.contains(where: { !($0 > 1) }) { throw TensorError("\(name) <= 1 or \(name) contains NaNs", kind: .valueError) }
        case .atLeast1:
            if v.contains(where: { !($0 >= 1) }) { throw TensorError("\(name) < 1 or \(name) contains NaNs", kind: .valueError) }
        case .poisson:
            if v.contains(where: { !($0 <= Self.poissonLamMax) }) { throw TensorError("\(name) value too large", kind: .valueError) }
            if v.contains(where: { !($0 >= 0) }) { throw TensorError("\(name) < 0 or \(name) contains NaNs", kind: .valueError) }
        case .legacyLong:
            if v.contains(where: { !($0 >= 0) }) { throw TensorError("\(name) < 0", kind: .valueError) }
            if v.contains(where: { $0 > 9.223372036854775807e18 }) {
                throw TensorError("\(name) is out of bounds for long, consider using the new generator API for 64bit integers.", kind: .valueError)
            }
        }
    }
}
