import Tensor

/// The one formatter an array's elements share, chosen by dtype and built from the displayed
/// elements (numpy's `_get_format_function`).
enum ElementFormatter: Sendable {
    case float(FloatFormatter)
    case int(IntFormatter)
    case bool(BoolFormatter)

    init(dtype: DType, displayed: [Scalar], ndim: Int) {
        switch dtype {
        case .float32, .float64:
            self = .float(FloatFormatter(displayed: displayed.map(\.doubleValue), single: dtype == .float32))
        case .uint8, .int32, .int64:
            self = .int(IntFormatter(displayed: displayed.map(ElementFormatter.integer)))
        case .bool:
            self = .bool(BoolFormatter(ndim: ndim))
        }
    }

    func string(_ s: Scalar) -> String {
        switch self {
        case .float(let f): return f.string(s.doubleValue)
        case .int(let f): return f.string(ElementFormatter.integer(s))
        case .bool(let f): return f.string(ElementFormatter.truth(s))
        }
    }

    /// An element of an integer array; other cases cannot occur for an integer dtype, but are
    /// converted rather than trapped.
    static func integer(_ s: Scalar) -> Int64 {
        switch s {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .float32(let f): return Int64(exactly: f.rounded(.towardZero)) ?? 0
        case .float64(let d): return Int64(exactly: d.rounded(.towardZero)) ?? 0
        }
    }

    static func truth(_ s: Scalar) -> Bool {
        switch s {
        case .bool(let b): return b
        default: return s.doubleValue != 0
        }
    }
}
