import Testing
import Tensor
@testable import RNN

/// Evaluating uint8 pixels with a scale (the shell's datasets keep bytes) must give exactly what
/// evaluating the float32 images gives.
@Suite struct ScaledEvaluationTests {
    @Test func bytesWithScaleEqualFloats() throws {
        let n = 300, per = 8 * 6
        var bytes = [UInt8](repeating: 0, count: n * per)
        for i in 0..<bytes.count { bytes[i] = UInt8((i * 53 + i / 7) % 256) }
        let scale = Float(1.0 / 255.0)
        let px = try NDArray(bytes, shape: [n, per])
        let fl = try NDArray(bytes.map { Float($0) * scale }, shape: [n, per])
        let labels = try NDArray((0..<n).map { Int64($0 % 4) }, shape: [n])
        let m = try Model(config: ModelConfig(steps: 8, input: 6, units: 12, classes: 4, outputInit: .glorot, seed: 3, threads: 2))
        let a = try m.evaluate(images: fl, labels: labels)
        let b = try m.evaluate(images: px, labels: labels, scale: scale)
        #expect(a.predictions == b.predictions && a.correct == b.correct)
        #expect(a.loss.bitPattern == b.loss.bitPattern)
    }
}
