import Tensor

/// What `info x` shows: the facts numpy keeps about an array (shape, dtype, byte strides,
/// contiguity, whether it is a view and of what, size, nbytes), each with the one remark a
/// learner needs to read it. Arrays do not know names, so the caller passes the array's own
/// name and the named arrays it may be a view of (`ArrayInfo.memoryOwner`).
public struct ArrayInfo: Sendable, Equatable {
    public var name: String?
    public var shape: [Int]
    public var dtype: DType
    /// numpy's `x.strides`: bytes to the next element along each axis.
    public var byteStrides: [Int]
    /// The byte strides C (row-major) order would give this shape.
    public var contiguousByteStrides: [Int]
    public var isCContiguous: Bool
    public var isFContiguous: Bool
    public var isView: Bool
    /// The name of the array whose memory this one reads, when known.
    public var baseName: String?
    /// Named arrays that share this one's memory but do not own it (other views).
    public var sharesWith: [String]
    /// Bytes from the start of the shared memory to element `[0, 0, ...]`.
    public var byteOffset: Int
    public var size: Int
    public var nbytes: Int

    /// `related` are the other named arrays of the workspace (the array itself may be among them;
    /// it is skipped by name).
    public init(_ a: NDArray, name: String? = nil, related: [(name: String, array: NDArray)] = []) {
        self.name = name
        shape = a.shape
        dtype = a.dtype
        byteStrides = a.byteStrides
        contiguousByteStrides = NDArray.contiguousStrides(a.shape).map { $0 &* a.itemSize }
        isCContiguous = a.isCContiguous
        isFContiguous = a.isFContiguous
        isView = a.isView
        size = a.size
        nbytes = a.nbytes
        byteOffset = a.offset &* a.itemSize
        let others = related.filter { $0.name != name }
        let memory = ArrayInfo.memoryOwner(of: a, among: others)
        baseName = a.isView ? memory.owner : nil
        sharesWith = memory.sharing
    }

    /// Which named array owns `a`'s memory (numpy's `base`), and which other named views share
    /// it. Arrays share memory exactly when they share a `Storage`.
    public static func memoryOwner(of a: NDArray, among candidates: [(name: String, array: NDArray)])
        -> (owner: String?, sharing: [String]) {
        var owner: String?
        var sharing: [String] = []
        for c in candidates where c.array.storage === a.storage {
            if !c.array.isView && owner == nil { owner = c.name } else { sharing.append(c.name) }
        }
        return (owner, sharing)
    }

    /// The `info x` text: a title line, then one aligned line per fact. No trailing newline.
    public var text: String {
        var lines: [String] = []
        let title = (name.map { "\($0): " } ?? "") + "\(dtype.name) array of shape \(shapeString(shape))"
        lines.append(title)
        func row(_ key: String, _ value: String) {
            lines.append("  " + key.padding(toLength: 14, withPad: " ", startingAt: 0) + value)
        }
        row("shape", shapeString(shape) + (shape.isEmpty ? " (a 0-d array: one value, no axes)" : ""))
        row("dtype", "\(dtype.name) (\(dtype.itemSize) byte\(dtype.itemSize == 1 ? "" : "s") per element)")
        row("strides", shapeString(byteStrides) + stridesRemark)
        row("C-contiguous", contiguityRemark)
        row("view", viewRemark)
        row("size", "\(size)" + (shape.count > 1 ? " (" + shape.map(String.init).joined(separator: "·") + ")" : ""))
        row("nbytes", "\(nbytes) (\(size) × \(dtype.itemSize))")
        return lines.joined(separator: "\n")
    }

    /// Byte strides are what numpy reports; the same steps counted in elements are easier to
    /// relate to the shape.
    private var stridesRemark: String {
        if shape.isEmpty { return "" }
        let inElements = byteStrides.map { $0 / max(dtype.itemSize, 1) }
        let unit = dtype.itemSize == 1 ? "byte" : "bytes"
        if shape.count == 1 { return " bytes per step = \(inElements[0]) element\(inElements[0] == 1 ? "" : "s") of \(dtype.itemSize) \(unit)" }
        return " bytes per step along each axis = \(shapeString(inElements)) elements of \(dtype.itemSize) \(unit)"
    }

    private var contiguityRemark: String {
        if isCContiguous {
            return "yes: the elements lie in memory in C order, last axis fastest"
        }
        var s = "no: C order would have strides \(shapeString(contiguousByteStrides))"
        if isFContiguous && shape.count > 1 { s += "; it is F-contiguous (first axis fastest, as after a transpose)" }
        else if byteStrides.contains(where: { $0 < 0 }) { s += "; a negative stride walks memory backwards" }
        else if byteStrides.enumerated().contains(where: { $0.element == 0 && shape[$0.offset] > 1 }) {
            s += "; a stride of 0 repeats the same elements (broadcast)"
        }
        return s
    }

    private var viewRemark: String {
        guard isView else {
            if !sharesWith.isEmpty { return "no: owns its memory (viewed by \(sharesWith.joined(separator: ", ")))" }
            return "no: owns its memory"
        }
        var s: String
        if let baseName {
            s = "yes: of \(baseName) (shares its memory; nothing was copied)"
        } else if !sharesWith.isEmpty {
            s = "yes: shares memory with \(sharesWith.joined(separator: ", "))"
        } else {
            s = "yes: its base has no name in the workspace"
        }
        if byteOffset != 0 { s += "; starts \(byteOffset) bytes in" }
        return s
    }
}
