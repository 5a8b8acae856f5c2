/// Array creation with numpy's defaults: `zeros`, `ones`, `full`, `arange`.
extension NDArray {
    /// `np.zeros(shape, dtype)`; numpy's default dtype is float64.
    public static func zeros(_ shape: [Int], dtype: DType = .float64) throws(TensorError) -> NDArray {
        try NDArray(zeros: shape, dtype: dtype)
    }

    /// `np.ones(shape, dtype)`.
    public static func ones(_ shape: [Int], dtype: DType = .float64) throws(TensorError) -> NDArray {
        try full(shape, .int(1), dtype: dtype)
    }

    /// `np.full(shape, fill_value, dtype)`. Without `dtype` the fill value decides it (Python int
    /// → int64, float → float64, bool → bool, an array → its dtype). A Python int must fit the
    /// dtype (`Python integer 300 out of bounds for uint8`); floats are cast unsafely, as
    /// numpy's `copyto(casting='unsafe')` does (see `astype`). An array fill value is
    /// broadcast to `shape`.
    public static func full(_ shape: [Int], _ fillValue: Operand, dtype: DType? = nil) throws(TensorError) -> NDArray {
        let dt = dtype ?? fillValue.defaultDType
        if case .array(let a) = fillValue, a.size != 1 || a.ndim > shape.count {
            let b = try a.broadcastForAssignment(to: shape)
            return try b.astype(dt)
        }
        var value: ElementValue
        switch fillValue {
        case .int(let i):
            if dt.isInteger { try checkPythonInt(i, fits: dt) }
            value = dt == .float32 ? .float(Double(i)) : .int(i)
        case .float(let d): value = .float(d)
        case .bool(let b): value = .bool(b)
        case .array(let a):
            value = .bool(false)
            a.forEachOffset { value = a.elementValue(atStorageOffset: $0) }
        }
        let out = try NDArray(zeros: shape, dtype: dt)
        out.fill(with: value)
        return out
    }

    /// Writes `value` (cast unsafely to this array's dtype) into every element of a freshly
    /// allocated contiguous array. Only for arrays this module has just created.
    func fill(with value: ElementValue) {
        let n = size
        if n == 0 { return }
        let p = storage.pointer
        storeElement(value, dtype: dtype, into: p, at: 0)
        let w = dtype.itemSize
        var filled = 1
        // Doubling copies: log2(n) memcpy calls instead of n stores.
        while filled < n {
            let chunk = Swift.min(filled, n - filled)
            p.advanced(by: filled * w).copyMemory(from: p, byteCount: chunk * w)
            filled += chunk
        }
    }

    /// `np.arange(stop)`.
    public static func arange(_ stop: Operand, dtype: DType? = nil) throws(TensorError) -> NDArray {
        try arange(start: .int(0), stop: stop, step: .int(1), dtype: dtype)
    }

    /// `np.arange(start, stop, step, dtype=)`, following numpy's `PyArray_ArangeObj`:
    /// - dtype: int64 when every argument is an integer (or bool), float64 when any is a float;
    /// - length `ceil((stop - start) / step)` computed with Python's arithmetic (exact for ints,
    ///   a double quotient otherwise), negative lengths giving an empty array;
    /// - the first value is `start`, the second `start + step` (Python arithmetic), both stored
    ///   with numpy's checks; the rest are `first + i * (second - first)` in the dtype's own
    ///   arithmetic (so integer results wrap and float32 steps accumulate in float32, as numpy's).
    /// Errors use numpy's/Python's words: `division by zero` (int step 0), `float division by
    /// zero`, `arange: cannot compute length` (NaN), `Maximum allowed size exceeded`.
    public static func arange(start: Operand, stop: Operand, step: Operand = .int(1), dtype: DType? = nil) throws(TensorError) -> NDArray {
        let s0 = try start.scalarValue(argument: "start")
        let s1 = try stop.scalarValue(argument: "stop")
        let st = try step.scalarValue(argument: "step")
        let anyFloat = [s0, s1, st].contains { if case .float = $0 { return true } else { return false } }
        let dt = dtype ?? (anyFloat ? .float64 : .int64)

        let length: Int
        if anyFloat {
            let d = s1.pythonDouble - s0.pythonDouble
            let stepD = st.pythonDouble
            if stepD == 0 { throw TensorError("float division by zero", kind: .zeroDivisionError) }
            let q = (d / stepD).rounded(.up)
            if q.isNaN { throw TensorError("arange: cannot compute length", kind: .valueError) }
            guard q >= -9223372036854775808.0 && q <= 9223372036854775808.0 else {
                throw TensorError("Maximum allowed size exceeded", kind: .valueError)
            }
            // numpy converts with a C cast; 2^63 itself becomes INT64_MIN (an empty result) on x86.
            length = Int(x86Int64(q))
        } else {
            let a = Int128(s0.pythonInt), b = Int128(s1.pythonInt), c = Int128(st.pythonInt)
            if c == 0 { throw TensorError("division by zero", kind: .zeroDivisionError) }
            let diff = b - a
            // ceil(diff / c) with exact integers.
            var q = diff / c
            if diff % c != 0 && ((diff > 0) == (c > 0)) { q += 1 }
            guard q >= Int128(Int.min) && q <= Int128(Int.max) else {
                throw TensorError("Maximum allowed size exceeded", kind: .valueError)
            }
            length = Int(q)
        }
        if length <= 0 { return try NDArray(zeros: [0], dtype: dt) }
        if dt == .bool && length > 2 {
            throw TensorError("arange() is only supported for booleans when the result has at most length 2.", kind: .typeError)
        }
        let out = try NDArray(zeros: [length], dtype: dt)
        let p = out.storage.pointer
        let first = try storePythonScalar(s0.forStorage(in: dt), as: dt)
        storeElement(first, dtype: dt, into: p, at: 0)
        if length == 1 { return out }
        let second = try storePythonScalar(try pythonAdd(s0, st).forStorage(in: dt), as: dt)
        storeElement(second, dtype: dt, into: p, at: 1)
        if length == 2 { return out }
        switch dt {
        case .bool: break
        case .int8: fillIntegerRange(p.assumingMemoryBound(to: Int8.self), length)
        case .int16: fillIntegerRange(p.assumingMemoryBound(to: Int16.self), length)
        case .int32: fillIntegerRange(p.assumingMemoryBound(to: Int32.self), length)
        case .int64: fillIntegerRange(p.assumingMemoryBound(to: Int64.self), length)
        case .uint8: fillIntegerRange(p.assumingMemoryBound(to: UInt8.self), length)
        case .uint16: fillIntegerRange(p.assumingMemoryBound(to: UInt16.self), length)
        case .uint32: fillIntegerRange(p.assumingMemoryBound(to: UInt32.self), length)
        case .uint64: fillIntegerRange(p.assumingMemoryBound(to: UInt64.self), length)
        case .float16:
            // numpy's half `fill` computes in float32 and rounds each element.
            let b = p.assumingMemoryBound(to: Float16.self)
            let s = Float(b[0]), delta = Float(b[1]) - Float(b[0])
            for i in 2..<length { b[i] = Float16(s + Float(i) * delta) }
        case .float32:
            let b = p.assumingMemoryBound(to: Float.self)
            let s = b[0], delta = b[1] - b[0]
            for i in 2..<length { b[i] = s + Float(i) * delta }
        case .float64:
            let b = p.assumingMemoryBound(to: Double.self)
            let s = b[0], delta = b[1] - b[0]
            for i in 2..<length { b[i] = s + Double(i) * delta }
        }
        return out
    }

    /// numpy's integer `fill`: `start + i*delta` in 64-bit arithmetic, stored truncated.
    private static func fillIntegerRange<T: FixedWidthInteger>(_ b: UnsafeMutablePointer<T>, _ length: Int) {
        let s = Int64(truncatingIfNeeded: b[0])
        let delta = Int64(truncatingIfNeeded: b[1]) &- s
        for i in 2..<length { b[i] = T(truncatingIfNeeded: s &+ Int64(i) &* delta) }
    }
}

/// Python's `a + b` for the scalars `arange` adds (int + int stays int unless it overflows
/// 64 bits, where numpy would go on to refuse it anyway).
private func pythonAdd(_ a: ElementValue, _ b: ElementValue) throws(TensorError) -> ElementValue {
    switch (a, b) {
    case (.float, _), (_, .float): return .float(a.pythonDouble + b.pythonDouble)
    default:
        let (s, o) = a.pythonInt.addingReportingOverflow(b.pythonInt)
        if o { throw TensorError("Python int too large to convert to C long", kind: .overflowError) }
        return .int(s)
    }
}

extension ElementValue {
    /// Python's `float(x)`.
    var pythonDouble: Double {
        switch self {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .uint(let u): return Double(u)
        case .float(let d): return d
        }
    }
    /// Python's `int(x)` for bool and int values (floats are never passed here).
    var pythonInt: Int64 {
        switch self {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return i
        case .uint(let u): return Int64(bitPattern: u)
        case .float(let d): return x86Int64(d)
        }
    }
    /// numpy stores a Python int into a float32 via a double (`(float)PyFloat_AsDouble(x)`).
    func forStorage(in dtype: DType) -> ElementValue {
        if dtype == .float32, case .int(let i) = self { return .float(Double(i)) }
        return self
    }
}
