import Tensor

/// `x.flags`: numpy's flags object. Printed as numpy prints it; its fields read as attributes
/// (`x.flags.c_contiguous`, `x.flags.owndata`, ...).
struct FlagsObject: ShellObject {
    let array: NDArray

    var kind: String { "flagsobj" }
    var summary: String { "C_CONTIGUOUS=\(array.isCContiguous), OWNDATA=\(!array.isView)" }
    var detail: String { array.flagsDescription }

    var attributeNames: [String] { ["c_contiguous", "f_contiguous", "owndata", "writeable", "aligned", "writebackifcopy"] }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "c_contiguous", "contiguous": return .bool(array.isCContiguous)
        case "f_contiguous", "fortran": return .bool(array.isFContiguous)
        case "owndata": return .bool(!array.isView)
        case "writeable", "aligned": return .bool(true)
        case "writebackifcopy": return .bool(false)
        default: return nil
        }
    }
}
