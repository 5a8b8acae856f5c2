/// Element conversions with numpy's `astype` (unsafe casting) results, bit for bit, on x86-64.
///
/// C leaves float→int conversion of NaN, ±inf and out-of-range values undefined; numpy on x86-64
/// gets whatever `cvttsd2si` produces, and a Swift `Int(x)` would trap instead. We reproduce the
/// x86 results explicitly (measured with numpy 2.4 on x86-64):
/// - float → int64: truncation toward zero; NaN, ±inf or out of range → `Int64.min`.
/// - float → int32: the same with `Int32.min`.
/// - float → uint8: converted to int32 as above, then the low 8 bits (so 300.7 → 44, -1.5 → 255,
///   NaN → 0).
/// - int → smaller int: the low bits (two's complement wrap). int → float: round to nearest even.
/// - anything → bool: `x != 0` (NaN → true).
enum ElementValue {
    case bool(Bool)
    case int(Int64)
    case float(Double)
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
        case .float(let d): self = d != 0 || d.isNaN
        }
    }
}
extension UInt8: CastableElement {
    var elementValue: ElementValue { .int(Int64(self)) }
    init(numpyCast v: ElementValue) {
        switch v {
        case .bool(let b): self = b ? 1 : 0
        case .int(let i): self = UInt8(truncatingIfNeeded: i)
        case .float(let d): self = UInt8(truncatingIfNeeded: x86Int32(d))
        }
    }
}
extension Int32: CastableElement {
    var elementValue: ElementValue { .int(Int64(self)) }
    init(numpyCast v: ElementValue) {
        switch v {
        case .bool(let b): self = b ? 1 : 0
        case .int(let i): self = Int32(truncatingIfNeeded: i)
        case .float(let d): self = x86Int32(d)
        }
    }
}
extension Int64: CastableElement {
    var elementValue: ElementValue { .int(self) }
    init(numpyCast v: ElementValue) {
        switch v {
        case .bool(let b): self = b ? 1 : 0
        case .int(let i): self = i
        case .float(let d): self = x86Int64(d)
        }
    }
}
extension Float: CastableElement {
    var elementValue: ElementValue { .float(Double(self)) }
    init(numpyCast v: ElementValue) {
        switch v {
        case .bool(let b): self = b ? 1 : 0
        case .int(let i): self = Float(i)
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
            return out
        }
        switch self.dtype {
        case .bool: castInto(out, from: StoredBool.self)
        case .uint8: castInto(out, from: UInt8.self)
        case .int32: castInto(out, from: Int32.self)
        case .int64: castInto(out, from: Int64.self)
        case .float32: castInto(out, from: Float.self)
        case .float64: castInto(out, from: Double.self)
        }
        return out
    }

    /// A fresh C-contiguous copy that shares nothing with `self` (numpy's `a.copy()`).
    /// Throws when the copy would exceed `Limits` — possible for broadcast views, whose size
    /// can be far larger than the storage they read.
    public func copy() throws(TensorError) -> NDArray {
        let out = try NDArray(zeros: shape, dtype: dtype)
        NDArray.copyElements(from: self, into: out)
        return out
    }

    private func castInto<S: CastableElement>(_ out: NDArray, from: S.Type) {
        switch out.dtype {
        case .bool: castLoop(out, S.self, Bool.self)
        case .uint8: castLoop(out, S.self, UInt8.self)
        case .int32: castLoop(out, S.self, Int32.self)
        case .int64: castLoop(out, S.self, Int64.self)
        case .float32: castLoop(out, S.self, Float.self)
        case .float64: castLoop(out, S.self, Double.self)
        }
    }

    private func castLoop<S: CastableElement, D: CastableElement>(_ out: NDArray, _: S.Type, _: D.Type) {
        let src = storage.pointer.assumingMemoryBound(to: S.self)
        let dst = out.storage.pointer.assumingMemoryBound(to: D.self)
        if NDArray.denseStep(self, like: out) == 1 {
            let d = dst + out.offset, s = src + offset
            for k in 0..<size { d[k] = D(numpyCast: s[k].elementValue) }
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
    case .uint8: p.assumingMemoryBound(to: UInt8.self)[index] = UInt8(numpyCast: value)
    case .int32: p.assumingMemoryBound(to: Int32.self)[index] = Int32(numpyCast: value)
    case .int64: p.assumingMemoryBound(to: Int64.self)[index] = Int64(numpyCast: value)
    case .float32: p.assumingMemoryBound(to: Float.self)[index] = Float(numpyCast: value)
    case .float64: p.assumingMemoryBound(to: Double.self)[index] = Double(numpyCast: value)
    }
}
