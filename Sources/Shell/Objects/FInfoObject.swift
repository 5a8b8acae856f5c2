import Foundation
import Printing
import Tensor

/// `np.finfo(dtype)`: the limits of a float dtype, each a numpy scalar of that dtype
/// (`np.finfo(np.float32).eps` is `np.float32(1.1920929e-07)`), derived from the format's
/// mantissa and exponent widths as numpy's `getlimits` does. Printed as numpy's table; its repr is
/// numpy's one line.
struct FInfoObject: ShellObject, ReprObject {
    let dtype: DType

    /// Mantissa bits (without the implicit one) and exponent bits of the IEEE format.
    private var nmant: Int { dtype == .float16 ? 10 : (dtype == .float32 ? 23 : 52) }
    private var nexp: Int { dtype == .float16 ? 5 : (dtype == .float32 ? 8 : 11) }
    private var machep: Int { -nmant }
    private var negep: Int { -nmant - 1 }
    private var minexp: Int { 2 - (1 << (nexp - 1)) }
    private var maxexp: Int { 1 << (nexp - 1) }
    /// numpy's `int(-log10(eps))`: the decimal digits the format holds.
    private var precision: Int { Int((Double(nmant) * log10(2.0)).rounded(.down)) }

    private func value(_ d: Double) -> NDArray {
        let a = NDArray(scalar: d)
        return (try? a.astype(dtype)) ?? a
    }

    private var values: [String: Double] {
        let eps = Double(sign: .plus, exponent: machep, significand: 1)
        return ["eps": eps, "epsneg": Double(sign: .plus, exponent: negep, significand: 1),
                "max": (2 - eps) * Double(sign: .plus, exponent: maxexp - 1, significand: 1),
                "min": -(2 - eps) * Double(sign: .plus, exponent: maxexp - 1, significand: 1),
                "tiny": Double(sign: .plus, exponent: minexp, significand: 1),
                "smallest_normal": Double(sign: .plus, exponent: minexp, significand: 1),
                "smallest_subnormal": Double(sign: .plus, exponent: minexp - nmant, significand: 1),
                "resolution": Foundation.pow(10.0, Double(-precision))]
    }

    private func str(_ name: String) -> String { ArrayText.scalarStr(value(values[name] ?? 0)) }

    var kind: String { "numpy.finfo" }
    var summary: String { "finfo(\(dtype.name))" }
    var detail: String {
        """
        Machine parameters for \(dtype.name)
        ---------------------------------------------------------------
        precision = \(precision)   resolution = \(str("resolution"))
        machep = \(machep)   eps =        \(str("eps"))
        negep =  \(negep)   epsneg =     \(str("epsneg"))
        minexp = \(minexp)   tiny =       \(str("tiny"))
        maxexp = \(maxexp)   max =        \(str("max"))
        nexp =   \(nexp)   min =        -max
        smallest_normal = \(str("smallest_normal"))   smallest_subnormal = \(str("smallest_subnormal"))
        ---------------------------------------------------------------

        """
    }
    /// numpy writes float16's max in its table's `%12.5e` form, the others as their str.
    var reprText: String {
        let maxText = dtype == .float16 ? String(format: "%.5e", values["max"] ?? 0) : str("max")
        return "finfo(resolution=\(str("resolution")), min=-\(maxText), max=\(maxText), dtype=\(dtype.name))"
    }

    var attributeNames: [String] {
        ["bits", "dtype", "eps", "epsneg", "iexp", "machep", "max", "maxexp", "min", "minexp", "negep", "nexp", "nmant",
         "precision", "resolution", "smallest_normal", "smallest_subnormal", "tiny"]
    }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "bits": return .int(dtype.itemSize * 8)
        case "dtype": return .dtype(dtype)
        case "iexp", "nexp": return .int(nexp)
        case "machep": return .int(machep)
        case "maxexp": return .int(maxexp)
        case "minexp": return .int(minexp)
        case "negep": return .int(negep)
        case "nmant": return .int(nmant)
        case "precision": return .int(precision)
        default: return values[name].map { .scalar(value($0)) }
        }
    }

    /// numpy's refusal of a dtype that is not a float.
    static func refusal(_ d: DType) -> ShellError {
        ShellError("data type <class 'numpy.\(d.name)'> not inexact", kind: .valueError)
    }
}
