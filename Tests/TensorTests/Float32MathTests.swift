import Foundation
import Testing
@testable import Tensor

/// numpy's own float32 `exp` and `log` (NumpyFloat32), bit for bit, on over 10^7 inputs: every
/// 997th float32 bit pattern, the subnormals, and dense neighbourhoods of the thresholds. The
/// expected digests are numpy's results on this machine (scripts/gen_float32_math_fixture.py).
@Suite struct Float32MathTests {
    struct Range: Decodable {
        let function: String, range: String, start: UInt64, count: Int, step: UInt64, digest: String
    }
    struct Fixture: Decodable { let numpy: String; let inputs: Int; let cases: [Range] }

    static func load() throws -> Fixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/float32_math.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    /// The script's digest: Σ splitmix64-finaliser((bits << 32) | i) mod 2^64, nan canonical.
    static func digest(_ r: Range) -> UInt64 {
        var sum: UInt64 = 0
        var pattern = r.start
        for i in 0..<r.count {
            let x = Float(bitPattern: UInt32(truncatingIfNeeded: pattern))
            let y = r.function == "exp" ? NumpyFloat32.exp(x) : NumpyFloat32.log(x)
            var bits = y.bitPattern
            if y.isNaN { bits = (bits & 0x8000_0000) | 0x7fc0_0000 }
            var z = (UInt64(bits) << 32) | (UInt64(i) & 0xFFFF_FFFF)
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            sum &+= z
            pattern &+= r.step
        }
        return sum
    }

    @Test func matchesNumpyOnEveryRange() throws {
        let fixture = try Self.load()
        #expect(fixture.inputs >= 1_000_000)
        var failures: [String] = []
        for r in fixture.cases {
            let got = String(Self.digest(r), radix: 16)
            let want = r.digest.drop { $0 == "0" }
            if got != String(want.isEmpty ? "0" : want) { failures.append("\(r.function) \(r.range)") }
        }
        #expect(failures.isEmpty, "differs from numpy \(fixture.numpy) on: \(failures.joined(separator: "; "))")
    }

    /// The issue's example and the special values, spelled out.
    @Test func knownValues() {
        #expect(NumpyFloat32.exp(1) == Float(bitPattern: 0x402D_F855))   // 2.718282, glibc's is 2.7182817
        #expect(NumpyFloat32.exp(2) == 7.3890557)
        #expect(NumpyFloat32.exp(0) == 1)
        #expect(NumpyFloat32.exp(.infinity) == .infinity && NumpyFloat32.exp(-.infinity) == 0)
        #expect(NumpyFloat32.exp(88.72283935546875) == .infinity)
        #expect(NumpyFloat32.log(0) == -.infinity && NumpyFloat32.log(-1).isNaN && NumpyFloat32.log(1) == 0)
        #expect(NumpyFloat32.exp(.nan).isNaN && NumpyFloat32.log(.infinity) == .infinity)
    }
}
