import Foundation
import Testing
@testable import Tensor

/// numpy's own float32 `exp`, `log`, `tanh`, `sin`, `cos` (NumpyFloat32) and float64 `tanh`
/// (NumpyFloat64), bit for bit, on over 5·10^7 inputs: every 997th float32 bit pattern, the
/// subnormals, dense neighbourhoods of each function's thresholds, and float64 patterns spread
/// over every exponent. The expected digests are numpy's results on the machine that made the
/// fixture (scripts/gen_float32_math_fixture.py; the fixture names numpy's version and the CPU
/// features numpy dispatched on, which the failure message repeats).
@Suite struct Float32MathTests {
    struct Range: Decodable {
        let function: String, range: String, start: UInt64, count: Int, step: UInt64, digest: String
    }
    struct Fixture: Decodable { let numpy: String; let cpu: [String]; let inputs: Int; let cases: [Range] }

    static func load() throws -> Fixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/float32_math.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    /// The script's digest: Σ splitmix64-finaliser((bits << 32) | i) mod 2^64, nan canonical.
    static func digest(_ r: Range) -> UInt64 {
        if r.function == "tanh64" { return digest64(r) }
        let f: (Float) -> Float
        switch r.function {
        case "exp": f = NumpyFloat32.exp
        case "log": f = NumpyFloat32.log
        case "tanh": f = NumpyFloat32.tanh
        case "sin": f = NumpyFloat32.sin
        case "cos": f = NumpyFloat32.cos
        default: return 0   // an unknown function's digest never matches
        }
        var sum: UInt64 = 0
        var pattern = r.start
        for i in 0..<r.count {
            let x = Float(bitPattern: UInt32(truncatingIfNeeded: pattern))
            let y = f(x)
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

    /// float64 results: Σ splitmix64-finaliser(bits + i·0x9E3779B97F4A7C15) mod 2^64.
    static func digest64(_ r: Range) -> UInt64 {
        var sum: UInt64 = 0
        var pattern = r.start
        for i in 0..<UInt64(r.count) {
            let y = NumpyFloat64.tanh(Double(bitPattern: pattern))
            var bits = y.bitPattern
            if y.isNaN { bits = (bits & 0x8000_0000_0000_0000) | 0x7ff8_0000_0000_0000 }
            var z = bits &+ i &* 0x9E37_79B9_7F4A_7C15
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
        #expect(Set(fixture.cases.map(\.function)) == ["exp", "log", "tanh", "sin", "cos", "tanh64"])
        #expect(failures.isEmpty, "differs from numpy \(fixture.numpy) (dispatched on \(fixture.cpu)) on: \(failures.joined(separator: "; "))")
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
        // np.tanh(np.float32(0.5)) prints 0.4621172; glibc's tanhf gives 0.46211717.
        #expect(NumpyFloat32.tanh(0.5) == Float(bitPattern: 0x3EEC_9AA0))
        #expect(NumpyFloat32.tanh(.infinity) == 1 && NumpyFloat32.tanh(-.infinity) == -1)
        #expect(NumpyFloat32.tanh(-0.0).sign == .minus && NumpyFloat32.sin(-0.0).sign == .minus)
        #expect(NumpyFloat32.sin(.infinity).isNaN && NumpyFloat32.cos(0) == 1)
        #expect(NumpyFloat64.tanh(.infinity) == 1 && NumpyFloat64.tanh(-0.0).sign == .minus)
    }
}
