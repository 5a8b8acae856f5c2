import Tensor

/// `np.iinfo(dtype)`: the smallest and largest value of an integer dtype, as Python ints.
struct IInfoObject: ShellObject, ReprObject {
    let dtype: DType
    let bounds: (min: Int128, max: Int128)

    private static func python(_ v: Int128) -> Value {
        if let i = Int(exactly: v) { return .int(i) }
        return BigInt(decimal: String(v)).map { .bigint($0) } ?? .float(Double(v))
    }

    var kind: String { "numpy.iinfo" }
    var summary: String { "iinfo(\(dtype.name))" }
    var detail: String {
        """
        Machine parameters for \(dtype.name)
        ---------------------------------------------------------------
        min = \(bounds.min)
        max = \(bounds.max)
        ---------------------------------------------------------------

        """
    }
    var reprText: String { "iinfo(min=\(bounds.min), max=\(bounds.max), dtype=\(dtype.name))" }

    var attributeNames: [String] { ["bits", "dtype", "kind", "max", "min"] }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "bits": return .int(dtype.itemSize * 8)
        case "dtype": return .dtype(dtype)
        case "kind": return .string(String(dtype.kindCharacter))
        case "min": return Self.python(bounds.min)
        case "max": return Self.python(bounds.max)
        default: return nil
        }
    }
}
