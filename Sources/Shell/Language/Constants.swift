import Foundation
import Tensor

/// Names that mean something before the user assigns anything: the numpy namespace, dtypes,
/// and numpy's constants. A workspace variable of the same name wins.
enum Constants {
    static let table: [String: Value] = {
        var t: [String: Value] = [
            "np": .namespace("numpy"), "numpy": .namespace("numpy"),
            "pi": .float(Double.pi), "e": .float(M_E), "inf": .float(.infinity), "nan": .float(.nan),
            "newaxis": .none, "Ellipsis": .ellipsis,
            "s_": .object(IndexExpressionObject(makesTuple: false)), "index_exp": .object(IndexExpressionObject(makesTuple: true)),
            "r_": .object(IndexTrickObject(trick: .r)), "c_": .object(IndexTrickObject(trick: .c)),
            "mgrid": .object(IndexTrickObject(trick: .mgrid)), "ogrid": .object(IndexTrickObject(trick: .ogrid)),
            "int": .dtype(.int64), "float": .dtype(.float64), "bool": .dtype(.bool),
            "bool_": .dtype(.bool), "int_": .dtype(.int64), "float_": .dtype(.float64), "double": .dtype(.float64),
        ]
        for d in DType.allCases { t[d.name] = .dtype(d) }
        return t
    }()

    static func value(_ name: String) -> Value? { table[name] }

    static var names: [String] { table.keys.sorted() }
}

/// Read-only attributes of built-in values (`x.shape`, `x.T`, …).
enum Attributes {
    static let arrayNames = ["shape", "ndim", "size", "dtype", "T", "strides", "itemsize", "nbytes", "base", "flags", "mT", "flat"]

    static func names(of v: Value) -> [String] {
        switch v {
        case .array, .scalar: return arrayNames
        case .record(let r): return r.fields.map(\.name)
        case .object(let o): return o.attributeNames
        case .dtype: return DTypeAttributes.names
        case .namespace("math"): return MathModule.names
        case .namespace("time"): return TimeModule.names
        default: return []
        }
    }

    /// Values whose methods are commands (`x.reshape(...)` → `reshape x ...`).
    static func acceptsMethods(_ v: Value) -> Bool {
        switch v {
        case .array, .scalar: return true
        default: return false
        }
    }

    static func value(of v: Value, _ name: String, span: Range<Int>, evaluator: Evaluator) throws(ShellError) -> Value? {
        switch v {
        case .array(let a), .scalar(let a):
            switch name {
            case "shape": return .tuple(a.shape.map { .int($0) })
            case "ndim": return .int(a.ndim)
            case "size": return .int(a.size)
            case "dtype": return a.isBigEndian ? .object(ByteOrderDTypeObject(dtype: a.dtype)) : .dtype(a.dtype)
            case "strides": return .tuple(a.byteStrides.map { .int($0) })
            case "itemsize": return .int(a.itemSize)
            case "nbytes": return .int(a.nbytes)
            case "T": return .array(a.T)
            // numpy 2's matrix transpose (the last two axes), which array-API tutorials use.
            case "mT":
                do { return .array(try a.matrixTranspose()) } catch { throw ShellError(error.message, span: span, kind: error.kind) }
            // A numpy scalar owns its value (base None), whatever rnnsh keeps it in.
            case "base":
                if case .scalar = v { return .none }
                return a.base.map { .array($0) } ?? .none
            case "flags":
                if case .scalar = v { return .object(FlagsObject(array: a, isScalar: true)) }
                return .object(FlagsObject(array: a))
            case "flat": return .object(FlatIterObject(array: a))
            default: return nil
            }
        default:
            return nil
        }
    }
}
