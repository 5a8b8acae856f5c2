import Foundation
import Testing
import Tensor

/// Thousands of mutated and truncated .npy/.npz files through the readers: none may crash,
/// every failure must be a one-line `TensorError` naming the file, and whatever is accepted
/// must survive a write/read round trip unchanged. `RNNSH_FUZZ_ITERATIONS=N` runs N mutants
/// per format instead of the default (kept small so the suite stays seconds long).
@Suite("npy/npz reader fuzzing")
struct IOFuzzTests {
    static var iterations: Int {
        ProcessInfo.processInfo.environment["RNNSH_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 5000
    }

    /// SplitMix64: a tiny seeded generator, so every run mutates the same way.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
    }

    static func npyCorpus() throws -> [[UInt8]] {
        var out: [[UInt8]] = []
        for dtype in DType.allCases {
            for shape in [[], [0], [3], [2, 3], [2, 2, 2]] as [[Int]] {
                out.append(try NPYFile.encode(try IOSupport.make(dtype, shape)))
            }
            let f = try NPYFile.encode(IOSupport.transposed(try IOSupport.make(dtype, [3, 2])))
            out.append(f)
            // Same file, big-endian descr: still a valid file (with swapped values).
            out.append(f.map { $0 == UInt8(ascii: "<") ? UInt8(ascii: ">") : $0 })
        }
        return out
    }

    static func npzCorpus() throws -> [[UInt8]] {
        var out: [[UInt8]] = []
        for compressed in [false, true] {
            out.append(try NPZFile.encode([("arr_0", try IOSupport.make(.float32, [4, 3]))], compressed: compressed))
            out.append(try NPZFile.encode([("x", try IOSupport.make(.uint8, [2, 5])), ("y", try IOSupport.make(.int64, [2])),
                                           ("z", try IOSupport.make(.bool, []))], compressed: compressed))
            out.append(try NPZFile.encode((0..<12).map { ("arr_\($0)", try IOSupport.make(DType.allCases[$0 % 6], [$0 % 3])) },
                                          compressed: compressed))
            // zip64 central fields and end records, which numpy writes only for huge archives.
            out.append(try ZipArchive.encode([("a.npy", try NPYFile.encode(try IOSupport.make(.int32, [3]))),
                                              ("b.npy", try NPYFile.encode(try IOSupport.make(.float64, [2, 2])))],
                                             compressed: compressed, zip64Threshold: 0))
        }
        return out
    }

    static let interesting: [UInt64] = [0, 1, 2, 0x7f, 0xff, 0xffff, 0x7fff_ffff, 0xffff_ffff, 0xffff_fffe,
                                        1 << 32, 1 << 40, 1 << 62, UInt64(Int64.max), UInt64.max]

    /// One random mutation of `base` (another corpus file is available for splicing).
    static func mutate(_ base: [UInt8], other: [UInt8], rng: inout SplitMix64) -> [UInt8] {
        var b = base
        if b.isEmpty { return other }
        switch rng.next() % 8 {
        case 0:  // random byte flips
            for _ in 0..<(1 + Int(rng.next() % 8)) { b[Int(rng.next() % UInt64(b.count))] = UInt8(truncatingIfNeeded: rng.next()) }
        case 1:  // truncation
            b = Array(b.prefix(Int(rng.next() % UInt64(b.count))))
        case 2:  // insertion
            let at = Int(rng.next() % UInt64(b.count + 1))
            b.insert(contentsOf: (0..<(1 + rng.next() % 16)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: at)
        case 3:  // deletion of a range
            let at = Int(rng.next() % UInt64(b.count))
            b.removeSubrange(at..<min(b.count, at + 1 + Int(rng.next() % 32)))
        case 4:  // a lying number in the header text (shape, sizes)
            let lies = ["0", "1", "7", "255", "65536", "1000000", "4294967296", "4611686018427387904", "9223372036854775807",
                        "99999999999999999999", "-1", "3L", ")", ",", "(", "'<f8'", "True"]
            let digitPositions = b.prefix(200).indices.filter { b[$0] >= UInt8(ascii: "0") && b[$0] <= UInt8(ascii: "9") }
            if let p = digitPositions.randomElement(using: &rng), let lie = lies.randomElement(using: &rng) {
                b.replaceSubrange(p...p, with: Array(lie.utf8))
            }
        case 5, 6:  // a lying little-endian field (header length, zip sizes/offsets/counts)
            let width = [2, 4, 8][Int(rng.next() % 3)]
            guard b.count >= width else { break }
            // Bias towards the structures: the first bytes and the zip central directory at the end.
            let region = rng.next() % 3
            let maxStart = b.count - width
            let at: Int
            switch region {
            case 0: at = Int(rng.next() % UInt64(min(maxStart, 64) + 1))
            case 1: at = max(0, maxStart - Int(rng.next() % UInt64(min(maxStart, 200) + 1)))
            default: at = Int(rng.next() % UInt64(maxStart + 1))
            }
            var v = interesting[Int(rng.next() % UInt64(interesting.count))]
            if rng.next() % 4 == 0 { v = rng.next() }
            if rng.next() % 4 == 0 {  // nudge the existing value by ±1
                var old: UInt64 = 0
                for k in 0..<width { old |= UInt64(b[at + k]) << (8 * k) }
                v = rng.next() % 2 == 0 ? old &+ 1 : old &- 1
            }
            for k in 0..<width { b[at + k] = UInt8(truncatingIfNeeded: v >> (8 * k)) }
        default:  // splice two files
            let cut = Int(rng.next() % UInt64(b.count))
            let cut2 = other.isEmpty ? 0 : Int(rng.next() % UInt64(other.count))
            b = Array(b.prefix(cut)) + Array(other.suffix(from: cut2))
        }
        return b
    }

    func run(corpus: [[UInt8]], name: String, seed: UInt64, read: ([UInt8]) throws(TensorError) -> [NDArray]) {
        var rng = SplitMix64(state: seed)
        var accepted = 0, rejected = 0
        var badMessages: [String] = []
        for i in 0..<Self.iterations {
            let base = corpus[i % corpus.count]
            var input = Self.mutate(base, other: corpus[Int(rng.next() % UInt64(corpus.count))], rng: &rng)
            if rng.next() % 3 == 0 { input = Self.mutate(input, other: base, rng: &rng) }  // sometimes two at once
            do {
                let arrays = try read(input)
                accepted += 1
                // Anything accepted is a real array: it must survive our own round trip.
                for a in arrays {
                    let again = try NPYFile.read(data: try NPYFile.encode(a), name: name)
                    if again.shape != a.shape || (try? IOSupport.cBytes(again)) != (try? IOSupport.cBytes(a)) {
                        badMessages.append("round trip changed an accepted array")
                    }
                }
            } catch {
                rejected += 1
                if !error.message.hasPrefix("\(name): ") || error.message.contains(where: \.isNewline) {
                    badMessages.append(error.message)
                }
            }
        }
        #expect(badMessages.isEmpty, "\(badMessages.prefix(5))")
        #expect(accepted + rejected == Self.iterations)
        // A fuzzer that only ever hits the magic check would prove nothing.
        #expect(rejected > Self.iterations / 4)
    }

    @Test("mutated .npy files never crash the reader")
    func fuzzNPY() throws {
        let corpus = try Self.npyCorpus()
        run(corpus: corpus, name: "fuzz.npy", seed: 0x6e70_79) { (b: [UInt8]) throws(TensorError) -> [NDArray] in
            [try NPYFile.read(data: b, name: "fuzz.npy")]
        }
    }

    @Test("mutated .npz files never crash the reader")
    func fuzzNPZ() throws {
        let corpus = try Self.npzCorpus()
        run(corpus: corpus, name: "fuzz.npz", seed: 0x6e70_7a) { (b: [UInt8]) throws(TensorError) -> [NDArray] in
            try NPZFile.read(data: b, name: "fuzz.npz").map(\.array)
        }
    }

    @Test("the fuzzer reaches many different checks, not just the first one")
    func distinctErrorsAreReached() throws {
        // The fuzzer must exercise many different checks, not one: count distinct messages.
        var rng = SplitMix64(state: 42)
        let corpus = try Self.npyCorpus() + Self.npzCorpus()
        var kinds: Set<String> = []
        for i in 0..<min(Self.iterations, 2000) {
            let input = Self.mutate(corpus[i % corpus.count], other: corpus[(i * 7) % corpus.count], rng: &rng)
            do { _ = try NPZFile.read(data: input, name: "f") } catch {
                kinds.insert(String(error.message.prefix { $0 != "(" && !$0.isNumber }))
            }
            do { _ = try NPYFile.read(data: input, name: "f") } catch {
                kinds.insert(String(error.message.prefix { $0 != "(" && !$0.isNumber }))
            }
        }
        #expect(kinds.count >= 15, "\(kinds.sorted())")
    }
}
