/// The element types rnnsh supports, named as numpy names them.
///
/// The order of the cases is numpy's order within each kind (smaller before larger), which the
/// promotion table in `Promotion.swift` relies on only through `itemSize` and the kind tests.
public enum DType: String, CaseIterable, Sendable, Equatable {
    case bool
    case int8, int16, int32, int64
    case uint8, uint16, uint32, uint64
    case float16, float32, float64

    /// Bytes per element (numpy's `itemsize`).
    public var itemSize: Int {
        switch self {
        case .bool, .uint8, .int8: return 1
        case .int16, .uint16, .float16: return 2
        case .int32, .uint32, .float32: return 4
        case .int64, .uint64, .float64: return 8
        }
    }

    public var isFloat: Bool { self == .float16 || self == .float32 || self == .float64 }
    public var isInteger: Bool { isSignedInteger || isUnsignedInteger }
    public var isSignedInteger: Bool { self == .int8 || self == .int16 || self == .int32 || self == .int64 }
    public var isUnsignedInteger: Bool { self == .uint8 || self == .uint16 || self == .uint32 || self == .uint64 }

    /// numpy's name for the dtype (`np.dtype(...).name`).
    public var name: String { rawValue }

    /// numpy's one-letter kind (`dtype.kind`): `b`, `i`, `u` or `f`.
    public var kindCharacter: Character {
        if self == .bool { return "b" }
        if isSignedInteger { return "i" }
        if isUnsignedInteger { return "u" }
        return "f"
    }

    /// The smallest and largest value of an integer dtype (nil for bool and floats).
    public var integerBounds: (min: Int128, max: Int128)? {
        switch self {
        case .int8: return (Int128(Int8.min), Int128(Int8.max))
        case .int16: return (Int128(Int16.min), Int128(Int16.max))
        case .int32: return (Int128(Int32.min), Int128(Int32.max))
        case .int64: return (Int128(Int64.min), Int128(Int64.max))
        case .uint8: return (0, Int128(UInt8.max))
        case .uint16: return (0, Int128(UInt16.max))
        case .uint32: return (0, Int128(UInt32.max))
        case .uint64: return (0, Int128(UInt64.max))
        default: return nil
        }
    }

    /// Accepts numpy's spellings: `float32`, `np.float32`, `f4`, `<f4`, `int`, `float`, `bool`,
    /// the one-letter type codes (`'h'`, `'B'`, ...). A big-endian spelling (`>f4`) names the
    /// same dtype; `ByteOrder(numpyName:)` tells the byte order apart.
    public init?(numpyName: String) {
        var s = Substring(numpyName)
        if s.hasPrefix("np.") { s.removeFirst(3) }
        if s.hasPrefix("numpy.") { s.removeFirst(6) }
        // A byte-order prefix is only valid on the short `kind+size` codes (`<f4`, `>i2`, `|u1`).
        if let first = s.first, "<>|=".contains(first), s.count >= 2 {
            let rest = s.dropFirst()
            guard let k = rest.first, "biufe?BhHiIlLqQ".contains(k) else { return nil }
            s = rest
        }
        switch s {
        case "bool", "bool_", "?", "b1": self = .bool
        case "int8", "i1", "b", "byte": self = .int8
        case "int16", "i2", "h", "short": self = .int16
        case "int32", "i4", "intc", "i": self = .int32
        case "int64", "i8", "int", "int_", "intp", "long", "l", "q", "longlong": self = .int64
        case "uint8", "u1", "B", "ubyte": self = .uint8
        case "uint16", "u2", "H", "ushort": self = .uint16
        case "uint32", "u4", "uintc", "I": self = .uint32
        case "uint64", "u8", "uint", "uintp", "ulong", "L", "Q", "ulonglong": self = .uint64
        case "float16", "f2", "half", "e": self = .float16
        case "float32", "f4", "single", "f": self = .float32
        case "float64", "f8", "float", "double", "float_", "d": self = .float64
        default: return nil
        }
    }

    /// numpy's `dtype.str` on this (little-endian) machine: `<f4`, `|u1`, `|b1`.
    public var str: String { descr(bigEndian: false) }

    /// `dtype.str` in the given byte order (one-byte types have none: `|`).
    public func descr(bigEndian: Bool) -> String {
        let order = itemSize == 1 ? "|" : (bigEndian ? ">" : "<")
        return order + String(kindCharacter) + String(itemSize)
    }
}

/// A single element read out of an array, in the widest exact Swift type for its dtype.
public enum Scalar: Sendable, Equatable {
    case bool(Bool)
    case int(Int64)      // every integer dtype, except uint64 values above Int64.max
    case uint(UInt64)    // uint64 values above Int64.max (only those, so `.int` stays canonical)
    case float32(Float)  // float16 and float32 (a float16 widens exactly)
    case float64(Double)

    /// The value as a Double (exact for every dtype except 64-bit integers beyond 2^53).
    public var doubleValue: Double {
        switch self {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .uint(let u): return Double(u)
        case .float32(let f): return Double(f)
        case .float64(let d): return d
        }
    }

    /// The canonical scalar of an unsigned 64-bit value.
    static func of(_ u: UInt64) -> Scalar { u <= UInt64(Int64.max) ? .int(Int64(u)) : .uint(u) }
}
