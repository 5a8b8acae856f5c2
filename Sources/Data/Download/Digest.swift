import Foundation

/// The checksum a published dataset file is known by. Keras publishes SHA-256 for `mnist.npz`;
/// torchvision and the datasets' own pages publish MD5 for the IDX files, so both are supported.
public enum Digest: Sendable, Equatable, CustomStringConvertible {
    case sha256(String)
    case md5(String)

    /// The expected value, lowercase hex.
    public var hex: String {
        switch self {
        case .sha256(let h), .md5(let h): return h.lowercased()
        }
    }

    public var algorithm: String {
        switch self {
        case .sha256: return "sha256"
        case .md5: return "md5"
        }
    }

    public var description: String { "\(algorithm) \(hex)" }

    /// A fresh hasher of this digest's algorithm.
    func hasher() -> any StreamingHash {
        switch self {
        case .sha256: return SHA256()
        case .md5: return MD5()
        }
    }
}

/// A hash fed in pieces, so a file of any size is checked without holding it in memory.
protocol StreamingHash {
    mutating func update(_ bytes: UnsafeRawBufferPointer)
    /// The digest as lowercase hex. Finishing consumes the state.
    mutating func finalizeHex() -> String
}

/// Shared block bookkeeping of the Merkle–Damgård hashes: 64-byte blocks, a bit-length trailer.
struct BlockBuffer {
    var pending: [UInt8] = []
    var totalBytes: UInt64 = 0

    /// Appends bytes and hands every complete 64-byte block to `process`.
    mutating func feed(_ bytes: UnsafeRawBufferPointer, _ process: (UnsafeRawBufferPointer) -> Void) {
        totalBytes &+= UInt64(bytes.count)
        var start = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            start = take
            if pending.count == 64 {
                pending.withUnsafeBytes { process($0) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        while bytes.count - start >= 64 {
            process(UnsafeRawBufferPointer(rebasing: bytes[start..<start + 64]))
            start += 64
        }
        if start < bytes.count { pending.append(contentsOf: bytes[start...]) }
    }

    /// The padding: 0x80, zeros, then the message length in bits (big- or little-endian).
    func padding(bigEndianLength: Bool) -> [UInt8] {
        var pad: [UInt8] = [0x80]
        let used = (pending.count + 1) % 64
        pad += [UInt8](repeating: 0, count: used <= 56 ? 56 - used : 120 - used)
        let bits = totalBytes &* 8
        for i in 0..<8 {
            let shift = bigEndianLength ? UInt64(56 - 8 * i) : UInt64(8 * i)
            pad.append(UInt8(truncatingIfNeeded: bits >> shift))
        }
        return pad
    }
}

func hexString<T: FixedWidthInteger>(_ words: [T], bigEndian: Bool) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for w in words {
        for i in 0..<(T.bitWidth / 8) {
            let shift = bigEndian ? T.bitWidth - 8 * (i + 1) : 8 * i
            let byte = UInt8(truncatingIfNeeded: w >> shift)
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
    }
    return String(decoding: out, as: UTF8.self)
}

/// SHA-256 (FIPS 180-4).
struct SHA256: StreamingHash {
    private var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
    private var buffer = BlockBuffer()

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]

    private static func compress(_ h: inout [UInt32], _ block: UnsafeRawBufferPointer) {
        @inline(__always) func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        var w = [UInt32](repeating: 0, count: 64)
        for i in 0..<16 {
            w[i] = UInt32(block[4 * i]) << 24 | UInt32(block[4 * i + 1]) << 16 | UInt32(block[4 * i + 2]) << 8 | UInt32(block[4 * i + 3])
        }
        for i in 16..<64 {
            let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
        for i in 0..<64 {
            let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
            let ch = (e & f) ^ (~e & g)
            let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
            let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
            let maj = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ maj
            (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
        }
        h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d; h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var state = h
        buffer.feed(bytes) { Self.compress(&state, $0) }
        h = state
    }

    mutating func finalizeHex() -> String {
        let pad = buffer.padding(bigEndianLength: true)
        pad.withUnsafeBytes { update($0) }
        return hexString(h, bigEndian: true)
    }
}

/// MD5 (RFC 1321): only to check files whose publishers give MD5 sums, never for security.
struct MD5: StreamingHash {
    private var h: [UInt32] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]
    private var buffer = BlockBuffer()

    private static let s: [UInt32] = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                                      5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
                                      4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                                      6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21]
    /// floor(abs(sin(i + 1)) * 2^32), as the RFC defines the table.
    private static let k: [UInt32] = (0..<64).map { UInt32(truncatingIfNeeded: Int64(abs(sin(Double($0 + 1))) * 4294967296.0)) }

    private static func compress(_ h: inout [UInt32], _ block: UnsafeRawBufferPointer) {
        var m = [UInt32](repeating: 0, count: 16)
        for i in 0..<16 {
            m[i] = UInt32(block[4 * i]) | UInt32(block[4 * i + 1]) << 8 | UInt32(block[4 * i + 2]) << 16 | UInt32(block[4 * i + 3]) << 24
        }
        var (a, b, c, d) = (h[0], h[1], h[2], h[3])
        for i in 0..<64 {
            var f: UInt32
            var g: Int
            switch i {
            case 0..<16: f = (b & c) | (~b & d); g = i
            case 16..<32: f = (d & b) | (~d & c); g = (5 * i + 1) % 16
            case 32..<48: f = b ^ c ^ d; g = (3 * i + 5) % 16
            default: f = c ^ (b | ~d); g = (7 * i) % 16
            }
            f = f &+ a &+ k[i] &+ m[g]
            a = d; d = c; c = b
            b = b &+ ((f << s[i]) | (f >> (32 - s[i])))
        }
        h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var state = h
        buffer.feed(bytes) { Self.compress(&state, $0) }
        h = state
    }

    mutating func finalizeHex() -> String {
        let pad = buffer.padding(bigEndianLength: false)
        pad.withUnsafeBytes { update($0) }
        return hexString(h, bigEndian: false)
    }
}
