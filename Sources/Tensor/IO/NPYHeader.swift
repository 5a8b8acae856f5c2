/// The header of a `.npy` file: magic `\x93NUMPY`, a version, a little-endian header length
/// (2 bytes in format 1.0, 4 in 2.0/3.0) and a Python dict literal
/// `{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }` padded with spaces to a
/// multiple of 64 bytes and ended by `\n`. The raw array bytes follow.
///
/// Parsing validates everything before any allocation: the data size is computed with overflow
/// checks, so a lying header can only produce an error.
public struct NPYHeader: Equatable, Sendable {
    public var dtype: DType
    public var shape: [Int]
    /// The data is stored column-major (numpy writes this for Fortran-contiguous arrays).
    public var fortranOrder: Bool
    /// The data bytes are big-endian (`>f4`) and must be swapped on this machine.
    public var bigEndian: Bool
    public var major: UInt8
    public var minor: UInt8
    /// Bytes from the start of the file to the first data byte.
    public var dataOffset: Int

    static let magic: [UInt8] = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]  // \x93NUMPY
    /// numpy refuses longer headers by default (`max_header_size`) as a safety measure.
    public static let maxHeaderSize = 10000
    /// numpy leaves room to grow the first (C order) or last (Fortran) dimension in place.
    static let growthAxisMaxDigits = 21
    static let arrayAlign = 64

    public init(dtype: DType, shape: [Int], fortranOrder: Bool = false, bigEndian: Bool = false) {
        self.dtype = dtype; self.shape = shape; self.fortranOrder = fortranOrder; self.bigEndian = bigEndian
        self.major = 1; self.minor = 0; self.dataOffset = 0
    }

    /// The number of data bytes the header promises (shape × itemsize), overflow-checked.
    public func dataByteCount(name: String) throws(TensorError) -> Int {
        var n = dtype.itemSize
        for d in shape {
            let (p, o) = n.multipliedReportingOverflow(by: d)
            if o { throw TensorError("\(name): header says shape \(shapeString(shape)) of \(dtype.name), which is too big to address") }
            n = p
        }
        return n
    }

    // MARK: Reading

    /// The number of bytes the whole header occupies (`dataOffset`), known from the first 12
    /// bytes; nil when `prefix` is too short to tell. Checks the magic and version on the way.
    public static func headerLength(prefix: ArraySlice<UInt8>, name: String) throws(TensorError) -> Int? {
        let b = Array(prefix)
        if b.isEmpty { throw TensorError("\(name): not a .npy file (the file is empty)") }
        let m = min(b.count, magic.count)
        if Array(b[0..<m]) != Array(magic[0..<m]) {
            throw TensorError("\(name): not a .npy file (bad magic)")
        }
        if b.count < 8 { return nil }
        let major = b[6], minor = b[7]
        let lengthBytes: Int
        switch (major, minor) {
        case (1, 0): lengthBytes = 2
        case (2, 0), (3, 0): lengthBytes = 4
        default:
            throw TensorError("\(name): unsupported .npy format version \(major).\(minor) (rnnsh reads 1.0, 2.0 and 3.0)")
        }
        if b.count < 8 + lengthBytes { return nil }
        var length = 0
        for k in 0..<lengthBytes { length |= Int(b[8 + k]) << (8 * k) }
        if length > maxHeaderSize {
            throw TensorError("\(name): header is \(length) bytes, over numpy's safety limit of \(maxHeaderSize)")
        }
        return 8 + lengthBytes + length
    }

    /// Parses a header from the start of a file. `bytes` may extend past the header.
    public static func parse(_ bytes: ArraySlice<UInt8>, name: String) throws(TensorError) -> NPYHeader {
        guard let total = try headerLength(prefix: bytes.prefix(12), name: name) else {
            throw TensorError("\(name): not a .npy file (truncated header)")
        }
        guard bytes.count >= total else {
            throw TensorError("\(name): truncated header (the header needs \(total) bytes, the file has \(bytes.count))")
        }
        let start = bytes.startIndex
        let major = bytes[start + 6], minor = bytes[start + 7]
        let lengthBytes = major == 1 ? 2 : 4
        let text = Array(bytes[(start + 8 + lengthBytes)..<(start + total)])

        let literal: PythonLiteral
        do {
            literal = try PythonLiteral.parse(text, utf8: major >= 3, allowLongSuffix: major <= 2)
        } catch {
            throw TensorError("\(name): cannot parse header (\(error.reason))")
        }
        guard case .dict(let items) = literal else {
            throw TensorError("\(name): header is not a dictionary")
        }
        var descr: PythonLiteral?, fortran: PythonLiteral?, shapeValue: PythonLiteral?
        var keys: Set<String> = []
        for (k, v) in items {
            guard case .string(let key) = k else {
                throw TensorError("\(name): header does not contain the correct keys (\(k.repr) is not a string)")
            }
            keys.insert(key)
            switch key {
            case "descr": descr = v
            case "fortran_order": fortran = v
            case "shape": shapeValue = v
            default: break
            }
        }
        guard keys == ["descr", "fortran_order", "shape"], let descr, let fortran, let shapeValue else {
            let found = keys.sorted().map { PythonLiteral.quoted($0) }.joined(separator: ", ")
            throw TensorError("\(name): header does not contain the correct keys: [\(found)]",
                              explanation: "a .npy header has exactly 'descr', 'fortran_order' and 'shape'")
        }
        guard case .tuple(let dims) = shapeValue else {
            throw TensorError("\(name): shape is not valid: \(shapeValue.repr)")
        }
        var shape: [Int] = []
        for d in dims {
            guard case .int(let n) = d, n >= 0 else {
                throw TensorError("\(name): shape is not valid: \(shapeValue.repr)")
            }
            shape.append(n)
        }
        guard case .bool(let fortranOrder) = fortran else {
            throw TensorError("\(name): fortran_order is not a valid bool: \(fortran.repr)")
        }
        guard case .string(let d) = descr else {
            throw TensorError("\(name): unsupported dtype \(descr.repr) (rnnsh reads bool, int8-int64, uint8-uint64 and float16-float64)")
        }
        guard let (dtype, bigEndian) = decodeDescr(d) else {
            throw TensorError("\(name): unsupported dtype \(PythonLiteral.quoted(d)) (rnnsh reads bool, int8-int64, uint8-uint64 and float16-float64)")
        }
        var h = NPYHeader(dtype: dtype, shape: shape, fortranOrder: fortranOrder, bigEndian: bigEndian)
        h.major = major; h.minor = minor; h.dataOffset = total
        return h
    }

    /// `<f4` → (float32, little-endian); `>i8` → (int64, big-endian). One-byte types ignore the
    /// byte-order character; `=` and `|` mean native (little-endian on every supported machine).
    static func decodeDescr(_ s: String) -> (DType, Bool)? {
        var body = Substring(s)
        var big = false
        if let first = body.first, "<>|=".contains(first) {
            big = first == ">"
            body = body.dropFirst()
        }
        // numpy writes the short `kind+size` codes (`f4`, `u2`, `b1`) and reads any dtype text.
        guard let dtype = DType(numpyName: String(body)) else { return nil }
        return (dtype, big && dtype.itemSize > 1)
    }

    // MARK: Writing

    /// numpy's `dtype.str` for our dtypes on a little-endian machine.
    static func descr(_ dtype: DType, bigEndian: Bool = false) -> String {
        dtype.descr(bigEndian: bigEndian)
    }

    /// The header bytes exactly as `np.save` writes them (format 1.0 unless the header is too
    /// long for a 2-byte length), including numpy's spare spaces for growing the shape.
    public func encoded() -> [UInt8] {
        let shapeRepr = shapeString(shape)
        var dict = "{'descr': '\(NPYHeader.descr(dtype, bigEndian: bigEndian))', 'fortran_order': \(fortranOrder ? "True" : "False"), 'shape': \(shapeRepr), }"
        if let growAxis = fortranOrder ? shape.last : shape.first {
            dict += String(repeating: " ", count: max(0, NPYHeader.growthAxisMaxDigits - String(growAxis).count))
        }
        let text = Array(dict.utf8)
        func wrap(lengthBytes: Int, major: UInt8) -> [UInt8]? {
            let hlen = text.count + 1
            let pad = NPYHeader.arrayAlign - ((NPYHeader.magic.count + 2 + lengthBytes + hlen) % NPYHeader.arrayAlign)
            let length = hlen + pad
            if lengthBytes == 2 && length > 0xffff { return nil }
            var out = NPYHeader.magic + [major, 0]
            for k in 0..<lengthBytes { out.append(UInt8(truncatingIfNeeded: length >> (8 * k))) }
            out += text
            out += [UInt8](repeating: 0x20, count: pad)
            out.append(0x0a)
            return out
        }
        return wrap(lengthBytes: 2, major: 1) ?? wrap(lengthBytes: 4, major: 2) ?? []
    }
}
