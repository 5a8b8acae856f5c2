import Tensor

/// One MNIST-format IDX file (the format of MNIST, Fashion-MNIST, KMNIST and EMNIST): a
/// big-endian magic `00 00 TYPE NDIMS`, NDIMS big-endian 32-bit sizes, then the data. These
/// datasets store unsigned bytes (TYPE 0x08): images as (n, rows, cols), labels as (n,).
///
/// Files may be raw or gzip-compressed (recognised by content, not by name). Every size in the
/// header is checked against the bytes actually present before anything is allocated.
public struct IDXFile: Sendable {
    /// What the file holds: label files are 1-d, image files 3-d.
    public enum Kind: Sendable { case images, labels
        var dims: UInt8 { self == .images ? 3 : 1 }
        var magic: UInt32 { self == .images ? 0x0000_0803 : 0x0000_0801 }
        var noun: String { self == .images ? "image" : "label" }
    }

    public let path: String
    /// The sizes from the header, e.g. [60000, 28, 28] or [60000].
    public let dims: [Int]
    /// The data bytes (after the header), exactly `dims` product long.
    public let bytes: [UInt8]
    /// The file was gzip-compressed.
    public let gzipped: Bool

    public var count: Int { dims.first ?? 0 }

    /// Reads and checks the file at `path`, which must be an IDX file of `kind`.
    public init(path: String, kind: Kind) throws(TensorError) {
        var raw = try BinaryFile.readAll(path: path)
        let gzipped = raw.count >= 2 && raw[0] == 0x1f && raw[1] == 0x8b
        if gzipped { raw = try Deflate.gunzip(raw, name: path) }
        try self.init(contents: raw, path: path, kind: kind, gzipped: gzipped)
    }

    /// Parses the (already decompressed) contents of an IDX file; `path` names it in errors.
    public init(contents raw: [UInt8], path: String, kind: Kind, gzipped: Bool = false) throws(TensorError) {
        self.path = path
        self.gzipped = gzipped
        guard raw.count >= 4 else {
            throw TensorError("\(path): truncated: \(raw.count) bytes is too short for an IDX header")
        }
        let magic = IDXFile.bigEndian32(raw, 0)
        if magic != kind.magic {
            if magic == Kind.images.magic || magic == Kind.labels.magic {
                let other: Kind = magic == Kind.images.magic ? .images : .labels
                throw TensorError("\(path): this is an IDX \(other.noun) file (magic number \(IDXFile.hex(magic))), expected \(kind.noun)s (\(IDXFile.hex(kind.magic)))")
            }
            if raw[0] == 0 && raw[1] == 0 && raw[2] != 0x08 && raw[3] == kind.dims {
                throw TensorError("\(path): IDX data type \(IDXFile.hex8(raw[2])) is not supported (MNIST-format files hold unsigned bytes, 0x08)")
            }
            throw TensorError("\(path): not an MNIST \(kind.noun) file (magic number \(IDXFile.hex(magic)), expected \(IDXFile.hex(kind.magic)))")
        }
        let headerSize = 4 + 4 * Int(kind.dims)
        guard raw.count >= headerSize else {
            throw TensorError("\(path): truncated: the IDX header needs \(headerSize) bytes, the file has \(raw.count)")
        }
        var dims: [Int] = []
        var total = 1
        for k in 0..<Int(kind.dims) {
            let d = Int(IDXFile.bigEndian32(raw, 4 + 4 * k))
            dims.append(d)
            let (p, o) = total.multipliedReportingOverflow(by: d)
            guard !o else { throw TensorError("\(path): header sizes \(IDXFile.dimsText(dims)) are too big") }
            total = p
        }
        let available = raw.count - headerSize
        if available < total {
            throw TensorError("\(path): truncated: the header says \(IDXFile.describe(dims, kind)) (\(total) bytes) but the file holds \(available)")
        }
        if available > total {
            throw TensorError("\(path): \(available - total) unexpected bytes after \(IDXFile.describe(dims, kind))")
        }
        self.dims = dims
        self.bytes = Array(raw[headerSize...])
    }

    // MARK: Formatting helpers

    static func bigEndian32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3])
    }

    static func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - s.count)) + s
    }

    static func hex8(_ v: UInt8) -> String {
        "0x" + (v < 16 ? "0" : "") + String(v, radix: 16)
    }

    static func dimsText(_ dims: [Int]) -> String { dims.map(String.init).joined(separator: "×") }

    /// `60000 images of 28×28` / `60000 labels`.
    static func describe(_ dims: [Int], _ kind: Kind) -> String {
        guard let n = dims.first else { return "no data" }
        if kind == .labels { return "\(n) labels" }
        return "\(n) images of \(dimsText(Array(dims.dropFirst())))"
    }
}
