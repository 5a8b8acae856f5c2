import Tensor

/// The one formatter an array's elements share, chosen by dtype and built from the displayed
/// elements (numpy's `_get_format_function`).
enum ElementFormatter: Sendable {
    case float(FloatFormatter)
    case int(IntFormatter)
    case bool(BoolFormatter)

    init(dtype: DType, displayed: [Scalar], ndim: Int, options: PrintOptions = .current) {
        if let kind = FloatKind(dtype) {
            self = .float(FloatFormatter(displayed: displayed.map(\.doubleValue), kind: kind, options: options))
        } else if dtype == .bool {
            self = .bool(BoolFormatter(ndim: ndim))
        } else {
            self = .int(IntFormatter(displayed: displayed.map(ElementFormatter.integer), sign: options.sign))
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
    static func integer(_ s: Scalar) -> Int128 {
        switch s {
        case .int(let i): return Int128(i)
        case .uint(let u): return Int128(u)
        case .bool(let b): return b ? 1 : 0
        case .float32(let f): return Int128(exactly: Double(f).rounded(.towardZero)) ?? 0
        case .float64(let d): return Int128(exactly: d.rounded(.towardZero)) ?? 0
        }
    }

    static func truth(_ s: Scalar) -> Bool {
        switch s {
        case .bool(let b): return b
        default: return s.doubleValue != 0
        }
    }
}

extension FloatKind {
    /// The float kind of a float dtype; nil for the others.
    init?(_ dtype: DType) {
        switch dtype {
        case .float16: self = .half
        case .float32: self = .single
        case .float64: self = .double
        default: return nil
        }
    }
}
