/// numpy 2's dtype promotion (NEP 50) for rnnsh's dtypes, arrays and Python scalars.
///
/// Arrays (including 0-d ones) are "strong" and promote by `np.promote_types`; Python scalars
/// (`Operand.int/.float/.bool`) are "weak": they only decide the *kind* (bool < integer <
/// float) and otherwise take the other operand's dtype. So `int32 + 1 → int32`,
/// `float32 + 0.5 → float32`, `int32 + 0.5 → float64`, `bool + 1 → int64`.
extension DType {
    /// The kind order NEP 50 uses for weak scalars.
    var kindRank: Int { self == .bool ? 0 : (isInteger ? 1 : 2) }

    /// `np.promote_types(a, b)`: the smallest dtype that holds every value of both.
    /// - same kind: the larger; signed with a smaller unsigned: the signed one; signed with an
    ///   unsigned at least as wide: the signed type twice the unsigned's width (int16, int32,
    ///   int64), and for uint64 there is none, so float64 (`uint64 + int64 → float64`);
    /// - an integer with a float: the float if it holds every value of the integer exactly
    ///   enough by numpy's table (float16 takes 1-byte integers, float32 up to 2-byte ones),
    ///   otherwise the next float that does (float32, then float64).
    public static func promote(_ a: DType, _ b: DType) -> DType {
        if a == b { return a }
        if a == .bool { return b }
        if b == .bool { return a }
        if a.isFloat && b.isFloat { return a.itemSize >= b.itemSize ? a : b }
        if a.isFloat || b.isFloat {
            let (f, i) = a.isFloat ? (a, b) : (b, a)
            // The smallest float that numpy deems to hold the integer: 1 byte → float16,
            // 2 bytes → float32, wider → float64.
            let need: DType = i.itemSize == 1 ? .float16 : (i.itemSize == 2 ? .float32 : .float64)
            return f.itemSize >= need.itemSize ? f : need
        }
        if a.isSignedInteger == b.isSignedInteger { return a.itemSize >= b.itemSize ? a : b }
        let (s, u) = a.isSignedInteger ? (a, b) : (b, a)
        if s.itemSize > u.itemSize { return s }
        switch u.itemSize {
        case 1: return .int16
        case 2: return .int32
        case 4: return .int64
        default: return .float64
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
