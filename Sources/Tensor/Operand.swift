/// An operand of numpy math: an array, or a *Python* scalar.
///
/// The distinction matters because numpy 2 (NEP 50) treats Python scalars as "weak": they take
/// the array's dtype instead of widening it. `int32_array + 1` stays int32, `float32_array + 0.5`
/// stays float32, while a 0-d *array* (or a numpy scalar such as `np.float64(1)`) is "strong"
/// and promotes like any array (`float32_array + np.float64(1)` is float64). So the shell passes
/// literals it parsed as `.int`/`.float`/`.bool` and arrays (including 0-d ones) as `.array`.
public enum Operand: Sendable {
    case array(NDArray)
    case int(Int64)
    case float(Double)
    case bool(Bool)

    /// A strong 0-d array holding the value a Python scalar would default to
    /// (`int` → int64, `float` → float64, `bool` → bool).
    public var asArray: NDArray {
        switch self {
        case .array(let a): return a
        case .int(let i): return NDArray(scalar: i)
        case .float(let d): return NDArray(scalar: d)
        case .bool(let b): return NDArray(scalar: b)
        }
    }

    /// The dtype numpy would give this operand on its own (`np.asarray(x).dtype`).
    public var defaultDType: DType {
        switch self {
        case .array(let a): return a.dtype
        case .int: return .int64
        case .float: return .float64
        case .bool: return .bool
        }
    }
}

extension Operand {
    /// The value of a Python scalar, or of a 0-d array (for arguments numpy reads with
    /// `int()`/`float()`, such as `arange`'s).
    func scalarValue(argument: String) throws(TensorError) -> ElementValue {
        switch self {
        case .int(let i): return .int(i)
        case .float(let d): return .float(d)
        case .bool(let b): return .bool(b)
        case .array(let a):
            // numpy reads a one-element array as its value (`int(np.array([5]))`).
            guard a.size == 1 else {
                throw TensorError("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()",
                                  explanation: "\(argument) must be a single number, not an array of shape \(shapeString(a.shape))", kind: .valueError)
            }
            var value = ElementValue.bool(false)
            a.forEachOffset { value = a.elementValue(atStorageOffset: $0) }
            return value
        }
    }
}

/// Converts a Python scalar to an element of `dtype` the way numpy does when it *stores* one
/// (`np.array([v], dtype=...)`, `arr[i] = v`, `arange`'s first values): Python ints are
/// range-checked (`Python integer 300 out of bounds for uint8`), Python floats going to an
/// integer dtype are truncated by `int()` first (NaN and ±inf refused with Python's words).
func storePythonScalar(_ value: ElementValue, as dtype: DType) throws(TensorError) -> ElementValue {
    switch (value, dtype) {
    case (.int(let i), _) where dtype.isInteger:
        try checkPythonInt(i, fits: dtype)
        return .int(i)
    case (.float(let d), _) where dtype.isInteger:
        if d.isNaN { throw TensorError("cannot convert float NaN to integer", kind: .valueError) }
        if d.isInfinite { throw TensorError("cannot convert float infinity to integer", kind: .overflowError) }
        let t = d.rounded(.towardZero)
        guard t >= -9223372036854775808.0 && t < 9223372036854775808.0 else {
            throw TensorError("Python int too large to convert to C long", kind: .overflowError)
        }
        let i = Int64(t)
        try checkPythonInt(i, fits: dtype)
        return .int(i)
    default:
        return value
    }
}

/// numpy's NEP 50 check that a Python int fits the integer dtype it is about to become.
func checkPythonInt(_ i: Int64, fits dtype: DType) throws(TensorError) {
    guard let bounds = dtype.integerBounds else { return }
    if Int128(i) < bounds.min || Int128(i) > bounds.max { throw TensorError("Python integer \(i) out of bounds for \(dtype.name)", kind: .overflowError) }
}
