import Testing
import Foundation
@testable import RNN

/// The SIMD activations' documented accuracy: max abs error ≤ 1e-6 against Double references,
/// over [-30, 30] in steps of 1/4096 (245,761 points) and at the extremes.
@Suite struct ActivationsTests {
    static let xs: [Float] = (-(30 * 4096)...(30 * 4096)).map { Float($0) / 4096 }
        + [-1e30, -1000, -100, -88, -87.5, 87.5, 88.5, 100, 1000, 1e30, 0, -0.0, 1e-8, -1e-8, 3e-4, -3e-4]

    @Test func tanhWithin1e6() {
        let got = Activations.tanh(Self.xs)
        var worst = 0.0
        for (x, y) in zip(Self.xs, got) { worst = max(worst, abs(Double(y) - Foundation.tanh(Double(x)))) }
        #expect(worst <= 1e-6, "max abs error \(worst)")
        // Odd and bounded.
        #expect(got.allSatisfy { $0 >= -1 && $0 <= 1 })
    }

    @Test func sigmoidWithin1e6() {
        let got = Activations.sigmoid(Self.xs)
        var worst = 0.0
        for (x, y) in zip(Self.xs, got) { worst = max(worst, abs(Double(y) - 1 / (1 + Foundation.exp(-Double(x))))) }
        #expect(worst <= 1e-6, "max abs error \(worst)")
        #expect(got.allSatisfy { $0 >= 0 && $0 <= 1 })
    }

    @Test func expRelativeAccuracy() {
        var worst = 0.0
        for i in stride(from: -80 * 64, through: 80 * 64, by: 1) {
            let x = Float(i) / 64
            let y = Activations.exp(SIMD8<Float>(repeating: x))[0]
            worst = max(worst, abs(Double(y) / Foundation.exp(Double(x)) - 1))
        }
        #expect(worst <= 1e-6, "max relative error \(worst)")
    }

    @Test func nanPropagates() {
        #expect(Activations.tanh([Float.nan])[0].isNaN)
        #expect(Activations.sigmoid([Float.nan])[0].isNaN)
    }
}
