import Tensor

/// The attributes of a numeric dtype (`x.dtype.kind`, `np.dtype('f4').char`, ...) with
/// numpy's values on this little-endian machine. rnnsh's `np.float32` and
/// `np.dtype('float32')` are one value, so these also answer on the scalar types, where numpy
/// has the same attributes as descriptors.
enum DTypeAttributes {
    static let names = ["name", "itemsize", "kind", "char", "str", "type", "byteorder", "isnative", "num", "alignment", "descr", "ndim", "shape"]

    static func value(_ d: DType, _ name: String) -> Value? {
        switch name {
        case "name": return .string(d.name)
        case "itemsize", "alignment": return .int(d.itemSize)
        case "kind": return .string(String(d.kindCharacter))
        case "char": return .string(String(typeCharacter(d)))
        case "str": return .string(d.str)
        // numpy's scalar class: prints `<class 'numpy.float32'>`, makes scalars when called
        // and compares equal to the dtype (Builtins.dtype(ofType:)).
        case "type": return .type("numpy." + d.name)
        // One-byte types have no byte order ('|'); the others are native ('=').
        case "byteorder": return .string(d.itemSize == 1 ? "|" : "=")
        case "isnative": return .bool(true)
        case "num": return .int(typeNumber(d))
        case "descr": return .list(PyList([.tuple([.string(""), .string(d.str)])]))
        case "ndim": return .int(0)
        case "shape": return .tuple([])
        default: return nil
        }
    }

    /// numpy's one-letter type code (`dtype.char`): C's names, so int64 is 'l' (long) on Linux.
    static func typeCharacter(_ d: DType) -> Character {
        switch d {
        case .bool: return "?"
        case .int8: return "b"
        case .int16: return "h"
        case .int32: return "i"
        case .int64: return "l"
        case .uint8: return "B"
        case .uint16: return "H"
        case .uint32: return "I"
        case .uint64: return "L"
        case .float16: return "e"
        case .float32: return "f"
        case .float64: return "d"
        }
    }

    /// numpy's type number (`dtype.num`, the NPY_TYPES enum on 64-bit Linux).
    static func typeNumber(_ d: DType) -> Int {
        switch d {
        case .bool: return 0
        case .int8: return 1
        case .uint8: return 2
        case .int16: return 3
        case .uint16: return 4
        case .int32: return 5
        case .uint32: return 6
        case .int64: return 7
        case .uint64: return 8
        case .float16: return 23
        case .float32: return 11
        case .float64: return 12
        }
    }
}
