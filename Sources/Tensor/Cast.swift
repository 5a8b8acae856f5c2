/// Element conversions with numpy's `astype` (unsafe casting) results, bit for bit, on x86-64.
///
/// C leaves float→int conversion of NaN, ±inf and out-of-range values undefined; numpy on x86-64
/// gets whatever `cvttsd2si` produces, and a Swift `Int(x)` would trap instead. We reproduce the
/// x86 results explicitly (measured with numpy 2.4 on x86-64):
/// - float → int64: truncation toward zero; NaN, ±inf or out of range → `Int64.min`.
/// - float → int32: the same with `Int32.min`.
/// - float → int8, int16, uint8, uint16: converted to int32 as above, then the low bits (so
///   300.7 → 44 as uint8, -1.5 → 255, NaN → 0).
/// - float → uint32 (uint64): values from 2^31 (2^63) up are converted after subtracting 2^31
///   (2^63) and the top bit is flipped back; smaller values convert as int64 (int64) and keep the
///   low bits. So -1.5 → 4294967295, 1e10 → 0, NaN → 2147483648 — the compiler's unsigned
///   conversion sequence, measured with numpy 2.4.
/// - float → float16: rounded to nearest even (overflow gives ±inf).
/// - int → smaller int: the low bits (two's complement wrap). int → float: round to nearest even.
/// - anything → bool: `x != 0` (NaN → true).
enum ElementValue {
    case bool(Bool)
    case int(Int64)
    /// A uint64 value above Int64.max (smaller ones are always `.int`).
    case uint(UInt64)
    case float(Double)

    /// The canonical value of an unsigned 64-bit integer.
    static func of(_ u: UInt64) -> ElementValue { u <= UInt64(Int64.max) ? .int(Int64(u)) : .uint(u) }

    /// The low 64 bits of an integer value (two's complement), for wrapping casts.
    var integerBits: UInt64? {
        switch self {
        case .int(let i): return UInt64(bitPattern: i)
        case .uint(let u): return u
        case .bool(let b): return b ? 1 : 0
        case .float: return nil
        }
    }
}

/// Element types that numpy's unsafe cast can convert between.
protocol CastableElement: TensorElement {
    var elementValue: ElementValue { get }
    init(numpyCast value: ElementValue)
}

@inline(__always) func x86Int64(_ d: Double) -> Int64 {
    guard d >= -9223372036854775808.0 && d < 9223372036854775808.0 else { return Int64.min }
    return Int64(d)
}

/// x86's conversion of a double to uint32 / uint64 (see `ElementValue`).
@inline(__always) func x86UInt32(_ d: Double) -> UInt32 {
    if d >= 2147483648.0 { return UInt32(bitPattern: x86Int32(d - 2147483648.0)) ^ 0x8000_0000 }
    return UInt32(truncatingIfNeeded: x86Int64(d))
}

@inline(__always) func x86UInt64(_ d: Double) -> UInt64 {
    if d >= 9223372036854775808.0 { return UInt64(bitPattern: x86Int64(d - 9223372036854775808.0)) ^ 0x8000_0000_0000_0000 }
    return UInt64(bitPattern: x86Int64(d))
}

@inline(__always) func x86Int32(_ d: Double) -> Int32 {
    guard d > -2147483649.0 && d < 2147483648.0 else { return Int32.min }
    return Int32(d)
}

extension Bool: CastableElement {
    var elementValue: ElementValue { .bool(self) }
    init(numpyCast v: ElementValue) {
        switch v {
        case .bool(let b): self = b
        case .int(let i): self = i != 0
        case .uint: self = true
        case .float(let d): self = d != 0 || d.isNaN
        }
    }
}
/// Integers narrower than 32 bits: floats go through int32 and keep the low bits.
protocol SmallIntegerElement: CastableElement, FixedWidthInteger {}
extension SmallIntegerElement {
    var elementValue: ElementValue { .int(Int64(self)) }
    init(numpyCast v: ElementValue) {
        switch v {
        case .bool(let b): self = b ? 1 : 0
        case .int(let i): self = Self(truncatingIfNeeded: i)
        case .uint(let u): self = Self(truncatingIfNeeded: u)
        case .float(let d): self = Self(truncatingIfNeeded: x86Int32(d))
        }
    }
}
extension Int8: SmallIntegerElement {}
extension Int16: SmallIntegerElement {}
extension UInt8: SmallIntegerElement {}
extension UInt16: SmallIntegerElement {}
extension Int32: CastableElement {
    var elementValue: ElementValue { .int(Int64(self)) }
    init(numpyCast v: ElementValue) {
        switch v {
        case .bool(let b): self = b ? 1 : 0
        case .int(let i): self = Int32(truncatingIfNeeded: i)
        case .uint(let u): self = Int32(truncatingIfNeeded: u)
        case .float(let d): self = x86Int32(d)
        }
    }
}
extension UInt32: CastableElement {
    var elementValue: ElementValue { .int(Int64(self)) }
    init(numpyCast v: ElementValue) {
        switch v {
        case .bool(let b): self = b ? 1 : 0
        case .int(let i): self = UInt32(truncatingIfNeeded: i)
        case .uint(let u): self = UInt32(truncatingIfNeeded: u)
        case .float(let d): self = x86UInt32(d)
        }
    }
}
extension Int64: CastableElement {
    var elementValue: ElementValue { .int(self) }
    init(numpyCast v: ElementValue) {
        switch v {
        case .bool(let b): self = b ? 1 : 0
        case .int(let i): self = i
        case .uint(let u): self = Int64(bitPattern: u)
        case .float(let d): self = x86Int64(d)
        }
    }
}
extension UInt64: CastableElement {
    var elementValue: ElementValue { .of(self) }
    init(numpyCast v: ElementValue) {
        switch v {
        case .bool(let b): self = b ? 1 : 0
        case .int(let i): self = UInt64(bitPattern: i)
        case .uint(let u): self = u
        case .float(let d): self = x86UInt64(d)
        }
    }
}
extension Float16: CastableElement {
    var elementValue: ElementValue { .float(Double(self)) }
    init(numpyCast v: ElementValue) {
        switch v {
        case .bool(let b): self = b ? 1 : 0
        case .int(let i): self = Float16(Double(i))
        case .uint(let u): self = Float16(Double(u))
        case .float(let d): self = Float16(d)
        }
    }
}
extension Float: CastableElement {
    var elementValue: ElementValue { .float(Double(self)) }
    init(numpyCast v: ElementValue) {
        switch v {
        case .bool(let b): self = b ? 1 : 0
        case .int(let i): self = Float(i)
        case .uint(let u): self = Float(u)
        case .float(let d): self = Float(d)
        }
    }
}
extension Double: CastableElement {
    var elementValue: ElementValue { .float(self) }
    init(numpyCast v: ElementValue) {
        switch v {
        case .bool(let b): self = b ? 1 : 0
        case .int(let i): self = Double(i)
        case .uint(let u): self = Double(u)
        case .float(let d): self = d
        }
    }
}

extension NDArray {
    /// numpy's `a.astype(dtype)`: always a new array (numpy's default `copy=True`) laid out in
    /// numpy's K order (a transposed input gives a Fortran-ordered result, as in numpy), with
    /// unsafe-casting results as documented on `ElementValue`.
    public func astype(_ dtype: DType) throws(TensorError) -> NDArray {
        let out = try NDArray.elementwiseResult(shape: shape, dtype: dtype, operands: [self])
        if dtype == self.dtype {
            NDArray.copyElements(from: self, into: out)
            try NDArray.checkStoppedFill()
            return out
        }
        switch self.dtype {
        case .bool: castInto(out, from: StoredBool.self)
        case .int8: castInto(out, from: Int8.self)
        case .int16: castInto(out, from: Int16.self)
        case .int32: castInto(out, from: Int32.self)
        case .int64: castInto(out, from: Int64.self)
        case .uint8: castInto(out, from: UInt8.self)
        case .uint16: castInto(out, from: UInt16.self)
        case .uint32: castInto(out, from: UInt32.self)
        case .uint64: castInto(out, from: UInt64.self)
        case .float16: castInto(out, from: Float16.self)
        case .float32: castInto(out, from: Float.self)
        case .float64: castInto(out, from: Double.self)
        }
        try NDArray.checkStoppedFill()
        return out
    }

    /// A fresh C-contiguous copy that shares nothing with `self` (numpy's `a.copy()`).
    /// Throws when the copy would exceed `Limits` — possible for broadcast views, whose size
    /// can be far larger than the storage they read.
    public func copy() throws(TensorError) -> NDArray {
        let out = try NDArray(zeros: shape, dtype: dtype)
        NDArray.copyElements(from: self, into: out)
        try NDArray.checkStoppedFill()
        return out
    }

    private func castInto<S: CastableElement>(_ out: NDArray, from: S.Type) {
        switch out.dtype {
        case .bool: castLoop(out, S.self, Bool.self)
        case .int8: castLoop(out, S.self, Int8.self)
        case .int16: castLoop(out, S.self, Int16.self)
        case .int32: castLoop(out, S.self, Int32.self)
        case .int64: castLoop(out, S.self, Int64.self)
        case .uint8: castLoop(out, S.self, UInt8.self)
        case .uint16: castLoop(out, S.self, UInt16.self)
        case .uint32: castLoop(out, S.self, UInt32.self)
        case .uint64: castLoop(out, S.self, UInt64.self)
        case .float16: castLoop(out, S.self, Float16.self)
        case .float32: castLoop(out, S.self, Float.self)
        case .float64: castLoop(out, S.self, Double.self)
        }
    }

    private func castLoop<S: CastableElement, D: CastableElement>(_ out: NDArray, _: S.Type, _: D.Type) {
        let src = storage.pointer.assumingMemoryBound(to: S.self)
        let dst = out.storage.pointer.assumingMemoryBound(to: D.self)
        if NDArray.denseStep(self, like: out) == 1 {
            let d = dst + out.offset, s = src + offset
            NDArray.inFlatBlocks(size) { r in for k in r { d[k] = D(numpyCast: s[k].elementValue) } }
            return
        }
        let loop = StridedLoop(shape: shape, operands: [(out.strides, out.offset), (strides, offset)])
        loop.run { starts, count, inner in
            var o = starts[0], i = starts[1]
            for _ in 0..<count {
                dst[o] = D(numpyCast: src[i].elementValue)
                o += inner[0]; i += inner[1]
            }
        }
    }

    /// The element at storage offset `off` as an `ElementValue` (exact for every dtype).
    func elementValue(atStorageOffset off: Int) -> ElementValue {
        switch scalar(atStorageOffset: off) {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .uint(let u): return .uint(u)
        case .float32(let f): return .float(Double(f))
        case .float64(let d): return .float(d)
        }
    }
}

/// How a bool element is *read*: as its byte, so that a stored value other than 0/1 (possible
/// in a foreign .npy file) is still read as numpy reads it (`!= 0`) instead of being an invalid
/// Swift `Bool`.
struct StoredBool: CastableElement {
    static var dtype: DType { .bool }
    let byte: UInt8
    var elementValue: ElementValue { .bool(byte != 0) }
    init(numpyCast v: ElementValue) { byte = Bool(numpyCast: v) ? 1 : 0 }
}

/// Writes `value` into element `index` of a buffer of `dtype`, with numpy's unsafe-cast results.
@inline(__always) func storeElement(_ value: ElementValue, dtype: DType, into p: UnsafeMutableRawPointer, at index: Int) {
    switch dtype {
    case .bool: p.assumingMemoryBound(to: Bool.self)[index] = Bool(numpyCast: value)
    case .int8: p.assumingMemoryBound(to: Int8.self)[index] = Int8(numpyCast: value)
    case .int16: p.assumingMemoryBound(to: Int16.self)[index] = Int16(numpyCast: value)
    case .int32: p.assumingMemoryBound(to: Int32.self)[index] = Int32(numpyCast: value)
    case .int64: p.assumingMemoryBound(to: Int64.self)[index] = Int64(numpyCast: value)
    case .uint8: p.assumingMemoryBound(to: UInt8.self)[index] = UInt8(numpyCast: value)
    case .uint16: p.assumingMemoryBound(to: UInt16.self)[index] = UInt16(numpyCast: value)
    case .uint32: p.assumingMemoryBound(to: UInt32.self)[index] = UInt32(numpyCast: value)
    case .uint64: p.assumingMemoryBound(to: UInt64.self)[index] = UInt64(numpyCast: value)
    case .float16: p.assumingMemoryBound(to: Float16.self)[index] = Float16(numpyCast: value)
    case .float32: p.assumingMemoryBound(to: Float.self)[index] = Float(numpyCast: value)
    case .float64: p.assumingMemoryBound(to: Double.self)[index] = Double(numpyCast: value)
    }
}
