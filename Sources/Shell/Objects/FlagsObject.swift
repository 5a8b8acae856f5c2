import Tensor

/// `x.flags`: numpy's flags object. Printed as numpy prints it; read by key as numpy's mapping
/// (`x.flags['C_CONTIGUOUS']`, the one-letter and combined keys, `KeyError: 'Unknown flag'`
/// otherwise) and by attribute (`x.flags.c_contiguous`, `x.flags.owndata`, `x.flags.num`).
/// rnnsh arrays are always aligned and writeable and never write back, as numpy's fresh arrays.
struct FlagsObject: ShellObject, ReprObject {
    let array: NDArray

    /// numpy's class path, which its AttributeError names.
    var kind: String { "numpy._core.multiarray.flagsobj" }
    var summary: String { "C_CONTIGUOUS=\(c), OWNDATA=\(owndata)" }
    var detail: String { array.flagsDescription }
    /// numpy's repr and str are the same table.
    var reprText: String { array.flagsDescription }

    private var c: Bool { array.isCContiguous }
    private var f: Bool { array.isFContiguous }
    private var owndata: Bool { !array.isView }
    private var aligned: Bool { true }
    private var writeable: Bool { true }
    private var behaved: Bool { aligned && writeable }

    /// numpy's `flags.num`: the flag bits (C 0x1, F 0x2, OWNDATA 0x4, ALIGNED 0x100, WRITEABLE 0x400).
    private var num: Int {
        (c ? 0x1 : 0) | (f ? 0x2 : 0) | (owndata ? 0x4 : 0) | (aligned ? 0x100 : 0) | (writeable ? 0x400 : 0)
    }

    var attributeNames: [String] {
        ["c_contiguous", "f_contiguous", "contiguous", "fortran", "owndata", "writeable", "aligned", "writebackifcopy",
         "behaved", "carray", "farray", "fnc", "forc", "num"]
    }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "c_contiguous", "contiguous": return .bool(c)
        case "f_contiguous", "fortran": return .bool(f)
        case "owndata": return .bool(owndata)
        case "writeable": return .bool(writeable)
        case "aligned": return .bool(aligned)
        case "writebackifcopy": return .bool(false)
        case "behaved": return .bool(behaved)
        case "carray": return .bool(behaved && c)
        // numpy tests `flags & (ALIGNED|WRITEABLE|F_CONTIGUOUS) != 0` here (any of the three,
        // not all), so a strided view that is neither C nor F contiguous is an "farray".
        case "farray": return .bool((aligned || writeable || f) && !c)
        case "fnc": return .bool(f && !c)
        case "forc": return .bool(f || c)
        case "num": return .int(num)
        default: return nil
        }
    }

    /// numpy's `arrayflags_getitem`: upper-case names and their one- or two-letter short forms.
    func item(_ key: Value) throws(ShellError) -> Value? {
        let name: String?
        switch key {
        case .string(let s):
            switch s {
            case "C", "CONTIGUOUS", "C_CONTIGUOUS": name = "c_contiguous"
            case "F", "FORTRAN", "F_CONTIGUOUS": name = "f_contiguous"
            case "O", "OWNDATA": name = "owndata"
            case "W", "WRITEABLE": name = "writeable"
            case "A", "ALIGNED": name = "aligned"
            case "X", "WRITEBACKIFCOPY": name = "writebackifcopy"
            case "B", "BEHAVED": name = "behaved"
            case "CA", "CARRAY": name = "carray"
            case "FA", "FARRAY": name = "farray"
            case "FNC": name = "fnc"
            case "FORC": name = "forc"
            default: name = nil
            }
        default: name = nil
        }
        guard let name, let v = attribute(name) else { throw ShellError("'Unknown flag'", kind: .keyError) }
        return v
    }
}
