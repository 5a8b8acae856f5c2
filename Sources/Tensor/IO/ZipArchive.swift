/// The zip container of `.npz` files: a reader for stored and deflated members (with zip64
/// sizes and end records) and a writer that reproduces Python's `zipfile` as `np.savez` drives
/// it, byte for byte: every local header carries a zip64 extra (numpy forces zip64, gh-10776),
/// timestamps are 1980-01-01 00:00, permissions 0600, version 4.5 on Unix.
///
/// The reader trusts nothing: every offset and length from the file is range-checked before use,
/// declared sizes are checked against `Limits` before allocating, inflation stops at the
/// declared size, and CRCs are verified.
public struct ZipArchive: Sendable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        /// 0 = stored, 8 = deflated.
        public var method: UInt16
        public var flags: UInt16
        public var crc32: UInt32
        public var compressedSize: Int
        public var uncompressedSize: Int
        public var localHeaderOffset: Int

        /// The name with control characters escaped (`\x0a`), safe for a one-line message.
        public var displayName: String { UntrustedText.escaped(name) }
    }

    /// Members in central-directory (archive) order.
    public let entries: [Entry]
    public let bytes: [UInt8]
    /// Used to start error messages (the archive's path).
    public let name: String

    // Signatures and limits from the zip specification (APPNOTE.TXT).
    static let localSig: UInt32 = 0x0403_4b50
    static let centralSig: UInt32 = 0x0201_4b50
    static let endSig: UInt32 = 0x0605_4b50
    static let end64Sig: UInt32 = 0x0606_4b50
    static let end64LocatorSig: UInt32 = 0x0706_4b50
    /// Python's `zipfile.ZIP64_LIMIT`: beyond it, sizes and offsets move into zip64 fields.
    public static let zip64Limit = (1 << 31) - 1

    // MARK: Reading

    public init(bytes: [UInt8], name: String) throws(TensorError) {
        self.bytes = bytes
        self.name = name
        let r = ByteReader(bytes: bytes, name: name)

        // The end record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
        guard bytes.count >= 22 else { throw TensorError("\(name): not a zip file (too short)") }
        var endPos = -1
        var pos = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xffff)
        while pos >= lowest {
            if r.u32(pos) == ZipArchive.endSig, let commentLength = r.u16(pos + 20), pos + 22 + Int(commentLength) <= bytes.count {
                endPos = pos
                break
            }
            pos -= 1
        }
        guard endPos >= 0 else {
            if bytes.starts(with: NPYHeader.magic) {
                throw TensorError("\(name): not a zip file (this is a .npy file, not .npz)")
            }
            throw TensorError("\(name): not a zip file (no end of central directory record)")
        }
        var count = Int(try r.need16(endPos + 10))
        var cdSize = Int(try r.need32(endPos + 12))
        var cdOffset = Int(try r.need32(endPos + 16))
        let disk = try r.need16(endPos + 4), cdDisk = try r.need16(endPos + 6)
        var cdLimit = endPos  // the central directory must end before the end record(s)

        // A zip64 locator sits just before the end record when the zip64 end record exists.
        if endPos >= 20, r.u32(endPos - 20) == ZipArchive.end64LocatorSig {
            let recordOffset = try r.need64(endPos - 20 + 8, what: "zip64 end record offset")
            guard recordOffset <= endPos - 20 - 56, r.u32(recordOffset) == ZipArchive.end64Sig else {
                throw TensorError("\(name): corrupt zip64 end of central directory locator")
            }
            count = try r.need64(recordOffset + 32, what: "member count")
            cdSize = try r.need64(recordOffset + 40, what: "central directory size")
            cdOffset = try r.need64(recordOffset + 48, what: "central directory offset")
            cdLimit = recordOffset
        } else if disk != 0 || cdDisk != 0 {
            throw TensorError("\(name): multi-disk zip archives are not supported")
        }
        guard cdOffset <= cdLimit, cdSize <= cdLimit - cdOffset else {
            throw TensorError("\(name): corrupt zip (central directory at \(cdOffset)+\(cdSize) lies outside the file)")
        }
        // Each central entry is at least 46 bytes: a lying count cannot make us reserve memory.
        guard count <= cdSize / 46 else {
            throw TensorError("\(name): corrupt zip (\(count) members cannot fit in a central directory of \(cdSize) bytes)")
        }

        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var p = cdOffset
        let cdEnd = cdOffset + cdSize
        for index in 0..<count {
            guard p <= cdEnd - 46, r.u32(p) == ZipArchive.centralSig else {
                throw TensorError("\(name): corrupt zip (central directory entry \(index) is damaged)")
            }
            let flags = try r.need16(p + 8)
            let method = try r.need16(p + 10)
            let crc = try r.need32(p + 16)
            var compressed = Int(try r.need32(p + 20))
            var uncompressed = Int(try r.need32(p + 24))
            let nameLength = Int(try r.need16(p + 28))
            let extraLength = Int(try r.need16(p + 30))
            let commentLength = Int(try r.need16(p + 32))
            var localOffset = Int(try r.need32(p + 42))
            let nameStart = p + 46
            let extraStart = nameStart + nameLength
            let next = extraStart + extraLength + commentLength
            guard next <= cdEnd else {
                throw TensorError("\(name): corrupt zip (central directory entry \(index) runs past the directory)")
            }
            let rawName = Array(bytes[nameStart..<extraStart])
            let memberName = String(decoding: rawName, as: UTF8.self)

            // zip64 extra (id 1): 8-byte values for exactly the fields that hold 0xFFFFFFFF,
            // in the order uncompressed, compressed, local header offset.
            var e = extraStart
            let extraEnd = extraStart + extraLength
            while e + 4 <= extraEnd {
                let id = try r.need16(e), size = Int(try r.need16(e + 2))
                let body = e + 4
                guard body + size <= extraEnd else { break }
                if id == 1 {
                    var q = body
                    func take(_ field: inout Int, _ what: String) throws(TensorError) {
                        guard field == 0xffff_ffff else { return }
                        guard q + 8 <= body + size else {
                            throw TensorError("\(name): corrupt zip (a member lacks its zip64 \(what))")
                        }
                        field = try r.need64(q, what: what)
                        q += 8
                    }
                    try take(&uncompressed, "size")
                    try take(&compressed, "compressed size")
                    try take(&localOffset, "header offset")
                }
                e = body + size
            }
            entries.append(Entry(name: memberName, method: method, flags: flags, crc32: crc,
                                 compressedSize: compressed, uncompressedSize: uncompressed,
                                 localHeaderOffset: localOffset))
            p = next
        }
        // One name twice, or two members sharing bytes, is how a small file asks for a lot of
        // memory (a 263 KB archive naming one member 40 times declared 10 GiB); no writer makes
        // such archives. (Python's zipfile refuses overlapping members too.)
        var seen = Set<String>()
        for entry in entries where !seen.insert(entry.name).inserted {
            throw TensorError("\(name): corrupt zip (member '\(entry.displayName)' appears more than once)")
        }
        let byOffset = entries.sorted { $0.localHeaderOffset < $1.localHeaderOffset }
        for (a, b) in zip(byOffset, byOffset.dropFirst()) {
            let (end, o) = a.localHeaderOffset.addingReportingOverflow(30 + a.compressedSize)
            if o || end > b.localHeaderOffset {
                throw TensorError("\(name): corrupt zip (members '\(a.displayName)' and '\(b.displayName)' overlap)")
            }
        }
        var declared = 0
        for entry in entries {
            let (sum, o) = declared.addingReportingOverflow(entry.uncompressedSize)
            declared = o ? Int.max : sum
        }
        if declared > Limits.availableBytes {
            throw TensorError("\(name): its members declare \(Limits.formatBytes(declared)) in total, over the memory budget",
                              explanation: Limits.budgetExplanation, kind: .memoryError)
        }
        self.entries = entries
    }

    /// Reads (and if needed inflates) one member, verifying its size and CRC.
    public func contents(of entry: Entry) throws(TensorError) -> [UInt8] {
        let what = "\(name): member \(entry.displayName)"
        let r = ByteReader(bytes: bytes, name: name)
        let h = entry.localHeaderOffset
        guard h <= bytes.count - 30, r.u32(h) == ZipArchive.localSig else {
            throw TensorError("\(what): local header missing or damaged")
        }
        if entry.flags & 1 != 0 { throw TensorError("\(what): is encrypted (not supported)") }
        let dataStart = h + 30 + Int(try r.need16(h + 26)) + Int(try r.need16(h + 28))
        guard dataStart <= bytes.count, entry.compressedSize <= bytes.count - dataStart else {
            throw TensorError("\(what): data runs past the end of the file (truncated archive?)")
        }
        if entry.uncompressedSize > Limits.maxBytes {
            throw TensorError("\(what): declares \(entry.uncompressedSize) bytes, over the memory limit of \(Limits.formatBytes(Limits.maxBytes))")
        }
        let out: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw TensorError("\(what): stored member with different sizes (\(entry.compressedSize) vs \(entry.uncompressedSize))")
            }
            out = try Cancellation.copy(bytes, dataStart..<(dataStart + entry.compressedSize))
        case 8:
            let result = bytes.withUnsafeBytes { all -> Result<[UInt8], TensorError> in
                let slice = UnsafeRawBufferPointer(rebasing: all[dataStart..<(dataStart + entry.compressedSize)])
                do throws(TensorError) { return .success(try Deflate.inflateRaw(slice, expectedSize: entry.uncompressedSize, name: what)) } catch { return .failure(error) }
            }
            out = try result.get()
        default:
            throw TensorError("\(what): compression method \(entry.method) is not supported (only stored and deflated)")
        }
        let crc = try Deflate.crc32Interruptible(out)
        if crc != entry.crc32 {
            throw TensorError("\(what): CRC mismatch (the data is corrupt)")
        }
        return out
    }

    // MARK: Writing

    /// A zip archive holding `members` in order, as Python's `zipfile` writes it for
    /// `np.savez` (`compressed: false`) or `np.savez_compressed`. Sizes and offsets above
    /// `zip64Threshold` (Python's 2 GiB limit unless a test lowers it) use zip64 records.
    public static func encode(_ members: [(name: String, data: [UInt8])], compressed: Bool,
                              zip64Threshold: Int = zip64Limit) throws(TensorError) -> [UInt8] {
        var out: [UInt8] = []
        try encode(members, compressed: compressed, zip64Threshold: zip64Threshold) { (piece) throws(TensorError) in
            out.append(contentsOf: piece)
        }
        return out
    }

    /// The same archive handed to `emit` in order, piece by piece (`np.savez` streams it to
    /// the file, so the archive never exists twice in memory); Ctrl-C is polled between pieces.
    public static func encode(_ members: [(name: String, data: [UInt8])], compressed: Bool,
                              zip64Threshold: Int = zip64Limit,
                              emit: (UnsafeRawBufferPointer) throws(TensorError) -> Void) throws(TensorError) {
        var written = 0
        func put(_ bytes: [UInt8]) throws(TensorError) {
            var failure: TensorError?
            bytes.withUnsafeBytes { p in
                var done = 0
                while done < p.count {
                    if done > 0 && Cancellation.isRequested { failure = .interrupted; return }
                    let n = Swift.min(Cancellation.copyPiece, p.count - done)
                    do throws(TensorError) { try emit(UnsafeRawBufferPointer(rebasing: p[done..<(done + n)])) } catch { failure = error; return }
                    done += n
                }
            }
            if let failure { throw failure }
            written += bytes.count
        }
        var central: [UInt8] = []
        for m in members {
            let payload = compressed ? try Deflate.deflateRaw(m.data) : m.data
            let crc = try Deflate.crc32Interruptible(m.data)
            let nameBytes = Array(m.name.utf8)
            guard nameBytes.count <= 0xffff else {
                throw TensorError("zip member name is too long (\(nameBytes.count) bytes; the format allows 65535)")
            }
            let utf8Flag: UInt16 = m.name.utf8.allSatisfy({ $0 < 0x80 }) ? 0 : 0x800
            let method: UInt16 = compressed ? 8 : 0
            let offset = written

            // Local header: sizes always in the zip64 extra (numpy's force_zip64).
            var w = ByteWriter()
            w.u32(localSig); w.u16(45); w.u16(utf8Flag); w.u16(method)
            w.u16(0); w.u16(0x21)                       // 00:00:00, 1980-01-01
            w.u32(crc); w.u32(0xffff_ffff); w.u32(0xffff_ffff)
            w.u16(UInt16(truncatingIfNeeded: nameBytes.count)); w.u16(20)
            w.bytes(nameBytes)
            w.u16(1); w.u16(16); w.u64(m.data.count); w.u64(payload.count)
            try put(w.out)
            try put(payload)

            // Central entry: zip64 only where Python needs it.
            var extra: [Int] = []
            var sizeField = (m.data.count, payload.count)
            if m.data.count > zip64Threshold || payload.count > zip64Threshold {
                extra += [m.data.count, payload.count]
                sizeField = (0xffff_ffff, 0xffff_ffff)
            }
            var offsetField = offset
            if offset > zip64Threshold { extra.append(offset); offsetField = 0xffff_ffff }
            var c = ByteWriter()
            c.u32(centralSig); c.u16(0x032d); c.u16(45); c.u16(utf8Flag); c.u16(method)
            c.u16(0); c.u16(0x21)
            c.u32(crc); c.u32(UInt32(truncatingIfNeeded: sizeField.1)); c.u32(UInt32(truncatingIfNeeded: sizeField.0))
            c.u16(UInt16(truncatingIfNeeded: nameBytes.count)); c.u16(UInt16(extra.isEmpty ? 0 : 4 + 8 * extra.count)); c.u16(0)
            c.u16(0); c.u16(0); c.u32(0o600 << 16); c.u32(UInt32(truncatingIfNeeded: offsetField))
            c.bytes(nameBytes)
            if !extra.isEmpty {
                c.u16(1); c.u16(UInt16(8 * extra.count))
                for v in extra { c.u64(v) }
            }
            central += c.out
        }
        let cdOffset = written
        try put(central)
        var count = members.count, cdSize = central.count, cdStart = cdOffset
        var e = ByteWriter()
        if count > 0xffff || cdStart > zip64Threshold || cdSize > zip64Threshold {
            let pos = written
            e.u32(end64Sig); e.u64(44); e.u16(45); e.u16(45); e.u32(0); e.u32(0)
            e.u64(count); e.u64(count); e.u64(cdSize); e.u64(cdStart)
            e.u32(end64LocatorSig); e.u32(0); e.u64(pos); e.u32(1)
            count = min(count, 0xffff); cdSize = min(cdSize, 0xffff_ffff); cdStart = min(cdStart, 0xffff_ffff)
        }
        e.u32(endSig); e.u16(0); e.u16(0)
        e.u16(UInt16(count)); e.u16(UInt16(count)); e.u32(UInt32(cdSize)); e.u32(UInt32(cdStart)); e.u16(0)
        try put(e.out)
    }
}

/// Little-endian reads at file offsets, each one range-checked.
private struct ByteReader {
    let bytes: [UInt8]
    let name: String

    func u16(_ at: Int) -> UInt16? {
        guard at >= 0, at <= bytes.count - 2 else { return nil }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }
    func u32(_ at: Int) -> UInt32? {
        guard at >= 0, at <= bytes.count - 4 else { return nil }
        var v: UInt32 = 0
        for k in 0..<4 { v |= UInt32(bytes[at + k]) << (8 * k) }
        return v
    }
    func u64(_ at: Int) -> UInt64? {
        guard at >= 0, at <= bytes.count - 8 else { return nil }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[at + k]) << (8 * k) }
        return v
    }
    func need16(_ at: Int) throws(TensorError) -> UInt16 {
        guard let v = u16(at) else { throw TensorError("\(name): corrupt zip (a record runs past the end of the file)") }
        return v
    }
    func need32(_ at: Int) throws(TensorError) -> UInt32 {
        guard let v = u32(at) else { throw TensorError("\(name): corrupt zip (a record runs past the end of the file)") }
        return v
    }
    /// A 64-bit size or offset, which must fit in `Int`.
    func need64(_ at: Int, what: String) throws(TensorError) -> Int {
        guard let v = u64(at) else { throw TensorError("\(name): corrupt zip (a record runs past the end of the file)") }
        guard v <= UInt64(Int.max) else { throw TensorError("\(name): corrupt zip (\(what) \(v) is impossibly large)") }
        return Int(v)
    }
}

/// Little-endian appends for building zip records.
private struct ByteWriter {
    var out: [UInt8] = []
    mutating func u16(_ v: UInt16) { out.append(UInt8(v & 0xff)); out.append(UInt8(v >> 8)) }
    mutating func u32(_ v: UInt32) { for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
    mutating func u64(_ v: Int) { for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: UInt64(bitPattern: Int64(v)) >> (8 * k))) } }
    mutating func bytes(_ b: [UInt8]) { out += b }
}
