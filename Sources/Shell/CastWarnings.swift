import Tensor

/// numpy's casts report float errors like its ufuncs, under the name `cast`: a float that
/// has no integer value of the target type (NaN, ±inf, out of range) is `RuntimeWarning:
/// invalid value encountered in cast`, a float64 too large for float32 `overflow encountered
/// in cast`. numpy gets them from the x86 conversion instructions' flags; rnnsh's casts
/// compute those instructions' results without executing them (Tensor/Cast.swift), so which
/// values the instructions would flag is decided here, by the same conversion sequences.
enum CastWarnings {
    /// `a.astype(dtype)` with numpy's float error report (the session's error modes apply).
    static func casting(_ call: Invocation, _ a: NDArray, to dtype: DType) throws -> NDArray {
        let ev = call.evaluator
        let checking = ev.beginFloatCheck()
        defer { if checking { ev.floatCheckActive = false } }
        let out = try a.astype(dtype)
        guard checking else { return out }
        if a.dtype.isFloat, dtype.isInteger, try a.doubleValues().contains(where: { !converts($0, to: dtype) }) {
            FloatFlags.raise(FloatWarnings.invalidFlag)
        }
        try ev.endFloatCheck("cast", span: call.span)
        return out
    }

    /// Whether the instruction sequence numpy's cast compiles to converts `d` without raising
    /// the invalid flag: int64 and uint32 go through a 64-bit conversion, the narrower types
    /// through a 32-bit one, uint64 through a 64-bit one after taking 2⁶³ off large values
    /// (measured with numpy 2.4: 300.7 → uint8 and 1e10 → uint32 are silent, 1e10 → int16 is
    /// not). NaN fails every comparison, so it is invalid everywhere.
    static func converts(_ d: Double, to dtype: DType) -> Bool {
        let two63 = 9223372036854775808.0
        switch dtype {
        case .int64, .uint32: return d >= -two63 && d < two63
        case .uint64: return d >= two63 ? d - two63 < two63 : d >= -two63
        case .int8, .int16, .int32, .uint8, .uint16: return d > -2147483649.0 && d < 2147483648.0
        case .bool, .float16, .float32, .float64: return true
        }
    }
}
