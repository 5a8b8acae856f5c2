import Tensor

/// numpy's scalar integer math (`np.int64(2**62) * 4`) checks what its array loops do not: a
/// result that does not fit the result type sets the overflow flag, a `//` or `%` by zero the
/// divide-by-zero flag (`npy_set_floatstatus_*`), and the ufunc machinery then reports them
/// under the session's error modes like any float error: `RuntimeWarning: overflow
/// encountered in scalar multiply`, or FloatingPointError under `np.errstate(over='raise')`.
/// rnnsh's integer kernels wrap silently, so the true result is recomputed here in 128 bits.
extension FloatWarnings {
    static func flagScalarIntegerErrors(_ op: String, _ l: Value, _ r: Value, _ result: Value) {
        guard case .scalar(let out) = result, let bounds = out.dtype.integerBounds,
              let x = integerOperand(l), let y = integerOperand(r) else { return }
        let exact: Int128?
        switch op {
        case "+": exact = x + y   // both operands are below 2^64 in magnitude: no Int128 overflow
        case "-": exact = x - y
        case "*":
            let (p, overflow) = x.multipliedReportingOverflow(by: y)
            exact = overflow ? nil : p
        case "//", "%":
            if y == 0 { FloatFlags.raise(divideByZeroFlag); return }
            // Only the most negative value over -1 leaves the type (its quotient); Python's
            // floor never moves a quotient outside the bounds otherwise.
            exact = op == "//" ? x / y : bounds.min
        default: return
        }
        guard let value = exact else { FloatFlags.raise(overflowFlag); return }
        if value < bounds.min || value > bounds.max { FloatFlags.raise(overflowFlag) }
    }

    /// An integer operand of numpy's scalar math: a numpy integer scalar, a Python int or bool.
    private static func integerOperand(_ v: Value) -> Int128? {
        switch v {
        case .int(let i): return Int128(i)
        case .bool(let b): return b ? 1 : 0
        case .scalar(let a):
            switch a.scalar(atStorageOffset: a.offset) {
            case .int(let i): return Int128(i)
            case .uint(let u): return Int128(u)
            case .bool(let b): return b ? 1 : 0
            default: return nil
            }
        default: return nil
        }
    }
}
