import Tensor

/// A big-endian dtype (`np.dtype('>f4')`, `x.dtype` of a `>f4` array): prints as numpy prints
/// a non-native dtype (`dtype('>f4')`, `>f4`); used as a dtype elsewhere it means its numeric
/// type. See `Storage.isBigEndian` for how arrays carry the byte order.
struct ByteOrderDTypeObject: ShellObject, ReprObject {
    let dtype: DType
    var kind: String { "numpy.dtype" }
    var text: String { dtype.descr(bigEndian: true) }
    var summary: String { text }
    var detail: String { text }
    var reprText: String { "dtype('\(text)')" }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "name": return .string(dtype.name)
        case "itemsize": return .int(dtype.itemSize)
        case "kind": return .string(String(dtype.kindCharacter))
        case "str": return .string(text)
        case "byteorder": return .string(">")
        case "isnative": return .bool(false)
        default: return nil
        }
    }
    var attributeNames: [String] { ["name", "itemsize", "kind", "str", "byteorder", "isnative"] }

    /// `'>f4'`, `'>i2'`, … (a one-byte type has no byte order: nil, as for native spellings).
    static func parse(_ v: Value) -> DType? {
        if case .object(let o as ByteOrderDTypeObject) = v { return o.dtype }
        guard case .string(let s) = v, s.hasPrefix(">"), let d = DType(numpyName: s), d.itemSize > 1 else { return nil }
        return d
    }
}

extension Evaluator {
    /// Commands whose `dtype` may ask for big-endian data, with the dtype's position.
    static let byteOrderCommands: [String: Int] = [
        "dtype": 0, "astype": 1, "array": 1, "asarray": 1, "zeros": 1, "arange": 3, "ones": 1, "empty": 1, "full": 2,
    ]

    /// `np.dtype('>i4')`, `x.astype('>f8')`, `np.array(..., dtype='>f4')`: the command runs on
    /// the native type and the result is marked big-endian. Nil when no big-endian dtype is asked.
    func byteOrderCall(_ command: Command, _ inputs: inout [ArgumentInput], dtypePosition: Int, span: Range<Int>, form: CallForm) throws(ShellError) -> Value? {
        var position = 0
        for i in inputs.indices {
            let input = inputs[i]
            let isDType = input.label == "dtype" || (input.label == nil && position == dtypePosition)
            if input.label == nil { position += 1 }
            guard isDType else { continue }
            // Only a string or a dtype object can name a byte order; anything else binds as usual.
            let v: Value
            if let value = input.value { v = value } else if let e = input.expr { v = try evaluate(e) } else { return nil }
            var evaluated = ArgumentInput(value: v, span: input.span)
            evaluated.label = input.label
            evaluated.labelSpan = input.labelSpan
            inputs[i] = evaluated
            guard let d = ByteOrderDTypeObject.parse(v) else { return nil }
            var native = ArgumentInput(value: .dtype(d), span: input.span)
            native.label = input.label
            native.labelSpan = input.labelSpan
            var rest = inputs
            rest[i] = native
            switch try call(command, rest, span: span, form: form) {
            case .dtype(let r): return .object(ByteOrderDTypeObject(dtype: r))
            case .array(var a):
                // Marking the buffer marks every view of it: a result that is an argument's own
                // buffer (`np.asarray(x, dtype='>f4')` of a float32 x) is copied first.
                let shared = rest.contains { input in
                    if case .array(let b)? = input.value { return b.storage === a.storage }
                    return false
                }
                if shared { a = try tensor { try a.copy() } }
                a.storage.isBigEndian = true
                return .array(a)
            case let other: return other
            }
        }
        return nil
    }
}
