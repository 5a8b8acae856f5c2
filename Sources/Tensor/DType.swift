/// The element types rnnsh supports, named as numpy names them.
public enum DType: String, CaseIterable, Sendable, Equatable {
    case bool, uint8, int32, int64, float32, float64

    /// Bytes per element (numpy's `itemsize`).
    public var itemSize: Int {
        switch self {
        case .bool, .uint8: return 1
        case .int32, .float32: return 4
        case .int64, .float64: return 8
        }
    }

    public var isFloat: Bool { self == .float32 || self == .float64 }
    public var isInteger: Bool { self == .uint8 || self == .int32 || self == .int64 }

    /// numpy's name for the dtype (`np.dtype(...).name`).
    public var name: String { rawValue }

    /// Accepts numpy's spellings: `float32`, `np.float32`, `f4`, `int`, `float`, `bool`, ...
    public init?(numpyName: String) {
        var s = numpyName
        if s.hasPrefix("np.") { s.removeFirst(3) }
        if s.hasPrefix("numpy.") { s.removeFirst(6) }
        switch s {
        case "bool", "bool_", "?", "b1": self = .bool
        case "uint8", "u1", "B", "ubyte": self = .uint8
        case "int32", "i4", "intc": self = .int32
        case "int64", "i8", "int", "int_", "intp", "long": self = .int64
        case "float32", "f4", "single": self = .float32
        case "float64", "f8", "float", "double", "float_": self = .float64
        default: return nil
        }
    }
}

/// A single element read out of an array, in the widest exact Swift type for its dtype.
public enum Scalar: Sendable, Equatable {
    case bool(Bool)
    case int(Int64)      // uint8, int32 and int64 all fit exactly
    case float32(Float)
    case float64(Double)

    /// The value as a Double (exact for every dtype except int64 beyond 2^53).
    public var doubleValue: Double {
        switch self {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .float32(let f): return Double(f)
        case .float64(let d): return d
        }
    }
}
