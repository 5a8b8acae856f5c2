/// numpy 2's dtype promotion (NEP 50) for the six dtypes, arrays and Python scalars.
///
/// Arrays (including 0-d ones) are "strong" and promote by `np.promote_types`; Python scalars
/// (`Operand.int/.float/.bool`) are "weak": they only decide the *kind* (bool < integer <
/// float) and otherwise take the other operand's dtype. So `int32 + 1 → int32`,
/// `float32 + 0.5 → float32`, `int32 + 0.5 → float64`, `bool + 1 → int64`.
extension DType {
    /// The kind order NEP 50 uses for weak scalars.
    var kindRank: Int { self == .bool ? 0 : (isInteger ? 1 : 2) }

    /// `np.promote_types(a, b)` restricted to rnnsh's dtypes (all results are among them).
    public static func promote(_ a: DType, _ b: DType) -> DType {
        if a == b { return a }
        if a == .bool { return b }
        if b == .bool { return a }
        switch (a, b) {
        case (.float64, _), (_, .float64): return .float64
        case (.float32, .uint8), (.uint8, .float32): return .float32
        case (.float32, _), (_, .float32): return .float64   // int32/int64 need float64
        case (.int64, _), (_, .int64): return .int64
        default: return .int32                                // uint8 with int32
        }
    }

    /// numpy's `result_type` of several arrays (e.g. for `concatenate`).
    public static func resultType(_ dtypes: [DType]) -> DType? {
        guard var r = dtypes.first else { return nil }
        for d in dtypes.dropFirst() { r = promote(r, d) }
        return r
    }
}

extension Operand {
    /// The rank of a Python scalar's kind: bool 0, int 1, float 2; nil for arrays.
    var weakKind: Int? {
        switch self {
        case .array: return nil
        case .bool: return 0
        case .int: return 1
        case .float: return 2
        }
    }

    /// numpy 2's `result_type` of two operands under NEP 50 (weak Python scalars).
    public static func resultType(_ a: Operand, _ b: Operand) -> DType {
        switch (a.weakKind, b.weakKind) {
        case (nil, nil): return DType.promote(a.defaultDType, b.defaultDType)
        case (nil, let k?): return weakPromote(a.defaultDType, kind: k)
        case (let k?, nil): return weakPromote(b.defaultDType, kind: k)
        case (let k1?, let k2?):
            // Two Python scalars: the higher kind's default dtype.
            return Swift.max(k1, k2) == 2 ? .float64 : (Swift.max(k1, k2) == 1 ? .int64 : .bool)
        }
    }

    /// A strong dtype combined with a weak Python scalar of `kind`.
    static func weakPromote(_ strong: DType, kind: Int) -> DType {
        if kind <= strong.kindRank { return strong }
        return kind == 1 ? .int64 : .float64
    }
}
