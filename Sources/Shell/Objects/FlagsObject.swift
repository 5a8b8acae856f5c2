import Tensor

/// `x.flags`: numpy's flags object. Printed as numpy prints it; read by key as numpy's mapping
/// (`x.flags['C_CONTIGUOUS']`, the one-letter and combined keys, `KeyError: 'Unknown flag'`
/// otherwise) and by attribute (`x.flags.c_contiguous`, `x.flags.owndata`, `x.flags.num`).
/// WRITEABLE and ALIGNED can be set (`x.flags.writeable = False`, `x.flags['W'] = False`),
/// which changes the array itself, as numpy's flags object is a window on its array
/// (`ArrayFlags`). rnnsh arrays never write back (WRITEBACKIFCOPY is always False).
///
/// A numpy scalar's flags are its own: read-only, owning its data, and numpy refuses to set
/// them (`Cannot set flags on array scalars.`).
struct FlagsObject: ShellObject, ReprObject {
    let array: NDArray
    /// The flags of a numpy scalar (`np.float64(1).flags`), not of an array.
    var isScalar = false

    /// numpy's class path, which its AttributeError names.
    var kind: String { "numpy._core.multiarray.flagsobj" }
    var summary: String { "C_CONTIGUOUS=\(c), OWNDATA=\(owndata)" }
    var detail: String { table }
    /// numpy's repr and str are the same table.
    var reprText: String { table }

    private var table: String {
        let flags: [(String, Bool)] = [("C_CONTIGUOUS", c), ("F_CONTIGUOUS", f), ("OWNDATA", owndata), ("WRITEABLE", writeable),
                                       ("ALIGNED", aligned), ("WRITEBACKIFCOPY", false)]
        return flags.map { "  \($0.0) : \($0.1 ? "True" : "False")" }.joined(separator: "\n") + "\n"
    }

    private var c: Bool { array.isCContiguous }
    private var f: Bool { array.isFContiguous }
    private var owndata: Bool { isScalar || !array.isView }
    private var aligned: Bool { isScalar || array.flags.aligned }
    private var writeable: Bool { !isScalar && array.isWriteable }
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
        guard let name = Self.flagName(key), let v = attribute(name) else { throw ShellError("'Unknown flag'", kind: .keyError) }
        return v
    }

    /// `x.flags.NAME = value`: numpy lets WRITEABLE, ALIGNED and WRITEBACKIFCOPY be set (the
    /// value is taken by its truth); every other flag is a read-only attribute.
    func setAttribute(_ name: String, _ on: Bool, span: Range<Int>) throws(ShellError) {
        if isScalar && ["writeable", "aligned", "writebackifcopy"].contains(name) {
            throw ShellError("Cannot set flags on array scalars.", span: span, kind: .valueError)
        }
        switch name {
        case "writeable":
            do { try array.setWriteable(on) } catch { throw ShellError(error.message, span: span, kind: error.kind) }
        case "aligned":
            array.setAligned(on)
        case "writebackifcopy":
            if on { throw ShellError("cannot set WRITEBACKIFCOPY flag to True", span: span, kind: .valueError) }
        default:
            if attributeNames.contains(name) {
                throw ShellError("attribute '\(name)' of '\(kind)' objects is not writable", span: span, kind: .attributeError)
            }
            throw ShellError("'\(kind)' object has no attribute '\(name)'", span: span, kind: .attributeError)
        }
    }

    /// `x.flags[KEY] = value`: numpy's `arrayflags_setitem` takes only the settable flags'
    /// names and letters (`WRITEABLE`/`W`, `ALIGNED`/`A`, `WRITEBACKIFCOPY`/`X`).
    func setItem(_ key: Value, _ on: Bool, span: Range<Int>) throws(ShellError) {
        guard let name = Self.flagName(key), ["writeable", "aligned", "writebackifcopy"].contains(name) else {
            throw ShellError("'Unknown flag'", span: span, kind: .keyError)
        }
        try setAttribute(name, on, span: span)
    }

    /// The attribute name a flags key stands for (nil: numpy's `KeyError: 'Unknown flag'`).
    static func flagName(_ key: Value) -> String? {
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
        return name
    }
}
