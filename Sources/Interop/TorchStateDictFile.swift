import Tensor

/// PyTorch's `torch.save(model.state_dict(), 'm.pt')` files: a zip holding `<name>/data.pkl`
/// (the pickled `OrderedDict`, read by `RestrictedUnpickler`, which never runs code),
/// `<name>/data/<key>` (each storage's raw little-endian elements) and `<name>/byteorder`.
/// Each tensor is rebuilt from its storage, offset, size and stride — every element index is
/// checked to lie inside its storage before anything is read. Float, double and int64 tensors
/// are read (what model state_dicts hold); other element types are refused by name.
public enum TorchStateDictFile {
    /// Whether a zip is a `torch.save` archive (one `…/data.pkl` member).
    public static func isTorchArchive(_ zip: ZipArchive) -> Bool {
        pickleEntry(zip) != nil
    }

    static func pickleEntry(_ zip: ZipArchive) -> ZipArchive.Entry? {
        let candidates = zip.entries.filter { $0.name == "data.pkl" || $0.name.hasSuffix("/data.pkl") }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// The state_dict's tensors by name, in the file's order.
    public static func read(_ zip: ZipArchive) throws(TensorError) -> [(name: String, array: NDArray)] {
        let name = zip.name
        guard let entry = pickleEntry(zip) else { throw TensorError("\(name): not a torch.save archive (no single data.pkl)") }
        let prefix = String(entry.name.dropLast("data.pkl".count))
        var byName: [String: ZipArchive.Entry] = [:]
        for e in zip.entries { byName[e.name] = e }
        if let b = byName[prefix + "byteorder"] {
            let order = String(decoding: try zip.contents(of: b), as: UTF8.self)
            guard order == "little" else { throw TensorError("\(name): saved on a \(UntrustedText.escaped(order))-endian machine; rnnsh reads little-endian files") }
        }
        var unpickler = RestrictedUnpickler(bytes: try zip.contents(of: entry), name: name)
        let root = try unpickler.load()
        guard case .dict(let dict) = root else {
            throw TensorError("\(name): holds \(root.describe), not a state_dict (save with torch.save(model.state_dict(), f))")
        }
        var storages: [String: [UInt8]] = [:]
        var out: [(name: String, array: NDArray)] = []
        var index: [String: Int] = [:]
        for (k, v) in dict.items {
            guard case .string(let key) = k else { throw TensorError("\(name): a state_dict key that is not a string") }
            let shown = UntrustedText.escaped(key)
            guard case .tensor(let type, let skey, let numel, let offset, let size, let stride) = v else {
                throw TensorError("\(name): '\(shown)' holds \(v.describe), not a tensor (a state_dict maps names to tensors)")
            }
            let dtype: DType
            switch type {
            case "FloatStorage": dtype = .float32
            case "DoubleStorage": dtype = .float64
            case "LongStorage": dtype = .int64
            default: throw TensorError("\(name): '\(shown)' is a \(UntrustedText.escaped(type)) tensor; rnnsh reads float, double and long tensors")
            }
            if storages[skey] == nil {
                guard let e = byName[prefix + "data/" + skey] else { throw TensorError("\(name): '\(shown)' needs storage '\(UntrustedText.escaped(skey))', which the archive lacks") }
                storages[skey] = try zip.contents(of: e)
            }
            let bytes = storages[skey] ?? []
            let item = dtype.itemSize
            guard numel <= bytes.count / item else {
                throw TensorError("\(name): storage '\(UntrustedText.escaped(skey))' holds \(bytes.count) bytes, fewer than its \(numel) elements")
            }
            let array = try tensor(bytes, dtype: dtype, numel: numel, offset: offset, size: size, stride: stride, what: "\(name): '\(shown)'")
            if let i = index[key] { out[i].array = array } else { index[key] = out.count; out.append((key, array)) }
        }
        return out
    }

    /// The tensor of `size`/`stride` at `offset` elements into a storage of `numel` elements.
    static func tensor(_ bytes: [UInt8], dtype: DType, numel: Int, offset: Int, size: [Int], stride: [Int], what: String) throws(TensorError) -> NDArray {
        guard size.count == stride.count, size.count <= Limits.maxDimensions else { throw TensorError("\(what): size and stride disagree") }
        guard offset >= 0 else { throw TensorError("\(what): a negative storage offset") }
        var count = 1, last = offset
        for (n, s) in zip(size, stride) {
            let (c, o1) = count.multipliedReportingOverflow(by: n)
            guard !o1 else { throw TensorError("\(what): its size overflows") }
            count = c
            if n > 0 {
                let (span, o2) = (n - 1).multipliedReportingOverflow(by: s)
                let (l, o3) = last.addingReportingOverflow(span)
                guard !o2, !o3 else { throw TensorError("\(what): its strides overflow") }
                last = l
            }
        }
        guard count == 0 || last < numel else { throw TensorError("\(what): reaches element \(last) of a storage of \(numel)") }
        let item = dtype.itemSize
        try Limits.reserve(count.multipliedReportingOverflow(by: item).overflow ? Int.max : count * item, for: "\(what) of shape \(shapeString(size))")
        // Written straight into the new array's storage (no [Float] first, copied again).
        let array = try NDArray(zeros: size, dtype: dtype)
        try gather(bytes, into: array.storage.pointer, width: item, count: count, offset: offset, size: size, stride: stride)
        return array
    }

    /// The `count` elements of a tensor in C order into `base`, read straight from the storage's bytes:
    /// an odometer over the outer dimensions and a strided run along the last, with no table
    /// of positions (10^8 elements of stride 0 once built an 800 MB one first), and a Ctrl-C
    /// check every 2^20 elements. Every position was checked to lie in the storage; the
    /// arithmetic wraps only in steps that cancel (a stride of a dimension of size 1 may be
    /// anything), so the positions read are exact.
    static func gather(_ bytes: [UInt8], into base: UnsafeMutableRawPointer, width: Int, count: Int, offset: Int, size: [Int], stride: [Int]) throws(TensorError) {
        if count == 0 { return }
        let inner = size.last ?? 1, innerStride = stride.last ?? 0
        let outer = size.dropLast().map { $0 }, outerStride = stride.dropLast().map { $0 }
        var failure: TensorError?
        bytes.withUnsafeBytes { raw in
            guard let src = raw.baseAddress else { return }
            var index = [Int](repeating: 0, count: outer.count)
            var start = offset
            var done = 0, nextCheck = 1 << 20
            while done < count {
                if done >= nextCheck {
                    nextCheck = done + (1 << 20)
                    if Cancellation.isRequested { failure = .interrupted; break }
                }
                // One row, copied as bytes (the elements are plain numbers): contiguous rows in one
                // copy, a stride of 0 (an expanded tensor) as one element repeated by
                // doubling copies, other strides an element at a time.
                let row = base + done * width
                // Copies of a long row go in pieces of 8 MB with a Ctrl-C check between them.
                let piece = Swift.max(1, (8 << 20) / width)
                if innerStride == 1 || inner == 1 {
                    var k = 0
                    while k < inner {
                        if k > 0 && Cancellation.isRequested { failure = .interrupted; break }
                        let n = Swift.min(piece, inner - k)
                        (row + k * width).copyMemory(from: src + (start &+ k) &* width, byteCount: n * width)
                        k += n
                    }
                } else if innerStride == 0 {
                    row.copyMemory(from: src + start &* width, byteCount: width)
                    var filled = 1
                    while filled < inner {
                        if filled >= piece && Cancellation.isRequested { failure = .interrupted; break }
                        let n = Swift.min(filled, inner - filled, piece)
                        (row + filled * width).copyMemory(from: row, byteCount: n * width)
                        filled += n
                    }
                } else {
                    var at = start
                    for k in 0..<inner {
                        if k & 0xFFFFF == 0xFFFFF && Cancellation.isRequested { failure = .interrupted; break }
                        (row + k * width).copyMemory(from: src + at &* width, byteCount: width)
                        at = at &+ innerStride
                    }
                }
                if failure != nil { break }
                done += inner
                // The next row: advance the odometer over the outer dimensions.
                var d = outer.count - 1
                while d >= 0 {
                    index[d] += 1
                    start = start &+ outerStride[d]
                    if index[d] < outer[d] { break }
                    start = start &- outerStride[d] &* outer[d]
                    index[d] = 0
                    d -= 1
                }
            }
        }
        if let failure { throw failure }
    }

    // MARK: Writing

    /// The bytes of the file `torch.save(state_dict, f)` writes for float32 tensors `members`
    /// (in order): a zip of `<archive>/data.pkl` — the protocol-2 pickle of an `OrderedDict`
    /// whose values are `_rebuild_tensor_v2` of storages `0, 1, …` — the storages' raw
    /// little-endian bytes, `byteorder` and `version`. `torch.load(f)` (also with
    /// `weights_only=True`) gives the state_dict, and `read` reads it back.
    public static func encode(_ members: [(name: String, array: NDArray)], archive: String = "archive") throws(TensorError) -> [UInt8] {
        var p: [UInt8] = [0x80, 0x02]
        func global(_ module: String, _ name: String) { p.append(0x63); p += Array("\(module)\n\(name)\n".utf8) }
        func string(_ s: String) {
            let u = Array(s.utf8)
            p.append(0x58)
            for k in 0..<4 { p.append(UInt8(truncatingIfNeeded: u.count >> (8 * k))) }
            p += u
        }
        func int(_ v: Int) {
            if v >= 0, v <= Int(Int32.max) {
                p.append(0x4a)
                for k in 0..<4 { p.append(UInt8(truncatingIfNeeded: v >> (8 * k))) }
            } else {
                p += [0x8a, 8]
                for k in 0..<8 { p.append(UInt8(truncatingIfNeeded: v >> (8 * k))) }
            }
        }
        func tuple(_ values: [Int]) { p.append(0x28); for v in values { int(v) }; p.append(0x74) }
        global("collections", "OrderedDict")
        p += [0x29, 0x52, 0x28] // () REDUCE MARK
        var files: [(name: String, data: [UInt8])] = []
        for (i, m) in members.enumerated() {
            let a = try m.array.astype(.float32)
            let values = a.elements(as: Float.self) ?? []
            var strides: [Int] = []
            var stride = 1
            for d in a.shape.reversed() { strides.insert(stride, at: 0); stride *= max(d, 1) }
            string(m.name)
            global("torch._utils", "_rebuild_tensor_v2")
            p += [0x28, 0x28] // MARK MARK: (args, (persistent id
            string("storage"); global("torch", "FloatStorage"); string("\(i)"); string("cpu"); int(values.count)
            p += [0x74, 0x51] // TUPLE BINPERSID
            int(0)
            tuple(a.shape)
            tuple(strides)
            p.append(0x89) // requires_grad False
            global("collections", "OrderedDict")
            p += [0x29, 0x52, 0x74, 0x52] // () REDUCE (hooks) TUPLE REDUCE
            var data: [UInt8] = []
            data.reserveCapacity(values.count * 4)
            for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { data += $0 } }
            files.append((name: "\(archive)/data/\(i)", data: data))
        }
        p += [0x75, 0x2e] // SETITEMS STOP
        let all = [(name: "\(archive)/data.pkl", data: p), (name: "\(archive)/byteorder", data: Array("little".utf8))]
            + files + [(name: "\(archive)/version", data: Array("3\n".utf8))]
        return try ZipArchive.encode(all, compressed: false)
    }
}
