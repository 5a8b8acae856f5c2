import CZlib

/// zlib, wrapped for the three formats rnnsh meets: raw deflate inside `.npz` members
/// (windowBits -15, exactly what Python's `zipfile` writes, so our deflated bytes equal numpy's),
/// gzip for `*.gz` datasets (windowBits 15+16), and CRC-32 for zip members.
///
/// Decompression is always bounded: hostile input can claim any size, so output never grows past
/// a caller-given cap, and zlib's 32-bit counters are fed in chunks so no length is truncated.
public enum Deflate {
    /// Deflate cannot compress better than 1032:1, so a stream of n bytes inflates to at most
    /// about 1032·n: a bound for rejecting lying sizes before allocating for them.
    public static func maxInflatedSize(compressedSize n: Int) -> Int {
        let (p, o) = n.multipliedReportingOverflow(by: 1032)
        return o ? Int.max : p &+ 1024
    }

    /// zlib takes lengths as 32-bit `uInt`; buffers are fed in chunks of at most this size,
    /// small enough that one zlib call takes milliseconds, so Ctrl-C is polled between calls.
    private static let chunk = 4 << 20

    // MARK: CRC-32

    /// The CRC-32 zip and gzip use.
    public static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return 0 }
        let crc = crc32_z(0, base.assumingMemoryBound(to: Bytef.self), z_size_t(bytes.count))
        return UInt32(truncatingIfNeeded: crc)
    }

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { crc32($0) }
    }

    /// The same CRC computed in 32 MiB pieces with a Ctrl-C check between them
    /// (`TensorError.interrupted`): a multi-GB member is checksummed interruptibly.
    public static func crc32Interruptible(_ bytes: [UInt8]) throws(TensorError) -> UInt32 {
        var crc: uLong = 0
        var failure: TensorError?
        bytes.withUnsafeBytes { p in
            guard let base = p.baseAddress else { return }
            var done = 0
            while done < p.count {
                if done > 0 && Cancellation.isRequested { failure = .interrupted; return }
                let n = min(Cancellation.copyPiece, p.count - done)
                crc = crc32_z(crc, base.advanced(by: done).assumingMemoryBound(to: Bytef.self), z_size_t(n))
                done += n
            }
        }
        if let failure { throw failure }
        return UInt32(truncatingIfNeeded: crc)
    }

    // MARK: Compression

    /// Raw deflate (no zlib/gzip wrapper) at zlib's default level, as Python's `zipfile` writes
    /// `ZIP_DEFLATED` members (`zlib.compressobj(-1, DEFLATED, -15)`).
    public static func deflateRaw(_ input: [UInt8]) throws(TensorError) -> [UInt8] {
        let strm = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        strm.initialize(to: z_stream())
        defer { strm.deinitialize(count: 1); strm.deallocate() }
        let rc = deflateInit2_(strm, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                               zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard rc == Z_OK else { throw TensorError("zlib: deflateInit2 failed (\(rc))") }
        defer { deflateEnd(strm) }

        // deflateBound gives an upper bound for one-shot compression; start there.
        let bound = Int(deflateBound(strm, uLong(input.count)))
        var out = [UInt8](repeating: 0, count: max(bound, 64))
        var produced = 0
        var consumed = 0
        var status: Int32 = Z_OK
        var interrupted = false
        input.withUnsafeBytes { src in
            while status != Z_STREAM_END {
                if Cancellation.isRequested { interrupted = true; return }
                if produced == out.count { out.append(contentsOf: repeatElement(0, count: out.count)) }
                let inCount = min(src.count - consumed, chunk)
                let outCount = min(out.count - produced, chunk)
                let flush = consumed + inCount == src.count ? Z_FINISH : Z_NO_FLUSH
                out.withUnsafeMutableBytes { dst in
                    strm.pointee.next_in = UnsafeMutablePointer(mutating: src.baseAddress.map {
                        $0.advanced(by: consumed).assumingMemoryBound(to: Bytef.self)
                    })
                    strm.pointee.avail_in = uInt(inCount)
                    strm.pointee.next_out = dst.baseAddress.map {
                        $0.advanced(by: produced).assumingMemoryBound(to: Bytef.self)
                    }
                    strm.pointee.avail_out = uInt(outCount)
                    status = deflate(strm, flush)
                    consumed += inCount - Int(strm.pointee.avail_in)
                    produced += outCount - Int(strm.pointee.avail_out)
                }
                if status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR { break }
            }
        }
        if interrupted { throw TensorError.interrupted }
        guard status == Z_STREAM_END else { throw TensorError("zlib: deflate failed (\(status))") }
        out.removeLast(out.count - produced)
        return out
    }

    // MARK: Decompression

    /// Inflates a raw deflate stream that must produce exactly `expectedSize` bytes (a zip
    /// member's declared size). `name` starts every error message. The caller has checked
    /// `expectedSize` against `Limits`; output never grows past it.
    public static func inflateRaw(_ input: UnsafeRawBufferPointer, expectedSize: Int, name: String) throws(TensorError) -> [UInt8] {
        if expectedSize > maxInflatedSize(compressedSize: input.count) {
            throw TensorError("\(name): declares \(expectedSize) bytes, more than its \(input.count) compressed bytes can hold")
        }
        let out = try inflate(input, windowBits: -15, initialCapacity: expectedSize, cap: expectedSize,
                              name: name, overCap: "\(name): inflates past its declared size of \(expectedSize) bytes",
                              multiMember: false)
        guard out.count == expectedSize else {
            throw TensorError("\(name): inflates to \(out.count) bytes but declares \(expectedSize)")
        }
        return out
    }

    /// Decompresses a gzip file (one or more concatenated members, as `gzip` allows) whose
    /// output may not exceed `limit` bytes (default: the array memory limit).
    public static func gunzip(_ input: [UInt8], name: String, limit: Int = Limits.maxBytes) throws(TensorError) -> [UInt8] {
        // The gzip trailer's ISIZE (size mod 2^32) is only a hint for the first allocation.
        var hint = 1 << 16
        if input.count >= 18 {
            let n = input.count
            let isize = Int(input[n - 4]) | Int(input[n - 3]) << 8 | Int(input[n - 2]) << 16 | Int(input[n - 1]) << 24
            hint = min(max(hint, isize), maxInflatedSize(compressedSize: input.count))
        }
        let capped = max(0, limit)
        let result = input.withUnsafeBytes { src -> Result<[UInt8], TensorError> in
            do throws(TensorError) {
                return .success(try inflate(src, windowBits: 15 + 16, initialCapacity: min(hint, capped), cap: capped, name: name,
                                            overCap: "\(name): decompresses to more than the memory limit of \(Limits.formatBytes(capped))",
                                            multiMember: true))
            } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// The one inflate loop: output grows (doubling) up to `cap`; producing even one byte
    /// beyond it throws `overCap`. Input and output are fed to zlib in ≤1 GiB chunks.
    private static func inflate(_ input: UnsafeRawBufferPointer, windowBits: Int32, initialCapacity: Int, cap: Int,
                                name: String, overCap: String, multiMember: Bool) throws(TensorError) -> [UInt8] {
        let strm = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        strm.initialize(to: z_stream())
        defer { strm.deinitialize(count: 1); strm.deallocate() }
        let rc = inflateInit2_(strm, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard rc == Z_OK else { throw TensorError("\(name): zlib inflateInit2 failed (\(rc))") }
        defer { inflateEnd(strm) }

        var out = [UInt8](repeating: 0, count: max(0, min(initialCapacity, cap)))
        var produced = 0
        var consumed = 0
        var scratch: UInt8 = 0
        guard let inBase = input.baseAddress ?? UnsafeRawPointer(bitPattern: 1) else { return [] }
        let inBytes = UnsafeMutablePointer(mutating: inBase.assumingMemoryBound(to: Bytef.self))

        while true {
            try Cancellation.check()
            // Grow the output when full; at the cap, offer a 1-byte probe: if zlib fills it,
            // the stream holds more than allowed.
            if produced == out.count && out.count < cap {
                let grown = min(cap, max(out.count * 2, 1 << 16))
                out.append(contentsOf: repeatElement(0, count: grown - out.count))
            }
            let inCount = min(input.count - consumed, chunk)
            let probing = produced == out.count
            let outCount = probing ? 1 : min(out.count - produced, chunk)
            var status: Int32 = Z_OK
            var gotOut = 0
            let consumedBefore = consumed
            out.withUnsafeMutableBytes { dst in
                strm.pointee.next_in = inBytes.advanced(by: consumed)
                strm.pointee.avail_in = uInt(inCount)
                if probing {
                    withUnsafeMutablePointer(to: &scratch) { s in
                        strm.pointee.next_out = s
                        strm.pointee.avail_out = 1
                        status = CZlib.inflate(strm, Z_NO_FLUSH)
                    }
                } else if let base = dst.baseAddress {
                    strm.pointee.next_out = base.advanced(by: produced).assumingMemoryBound(to: Bytef.self)
                    strm.pointee.avail_out = uInt(outCount)
                    status = CZlib.inflate(strm, Z_NO_FLUSH)
                }
                consumed += inCount - Int(strm.pointee.avail_in)
                gotOut = outCount - Int(strm.pointee.avail_out)
            }
            if probing {
                if gotOut > 0 { throw TensorError(overCap) }
            } else {
                produced += gotOut
            }
            switch status {
            case Z_STREAM_END:
                // gzip allows several members back to back; anything else after the end is ignored
                // (as `gzip -d` does, with a warning we have no place for).
                if multiMember && input.count - consumed >= 2 && input[consumed] == 0x1f && input[consumed + 1] == 0x8b {
                    inflateReset(strm)
                    continue
                }
                out.removeLast(out.count - produced)
                return out
            case Z_OK:
                // zlib reports a stall as Z_BUF_ERROR; never spin if it does not.
                if gotOut == 0 && consumed == consumedBefore && consumed >= input.count {
                    throw TensorError("\(name): compressed data is truncated")
                }
                continue
            case Z_BUF_ERROR:
                // No progress: either input ran out (truncated) or the probe found nothing more.
                if consumed >= input.count { throw TensorError("\(name): compressed data is truncated") }
                if probing { throw TensorError(overCap) }
                continue
            case Z_NEED_DICT:
                throw TensorError("\(name): compressed data needs a preset dictionary (not supported)")
            default:
                let detail = strm.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                throw TensorError("\(name): corrupt compressed data (\(detail))")
            }
        }
    }
}
