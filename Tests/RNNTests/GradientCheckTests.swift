import Testing
import Foundation
import Tensor
@testable import RNN

/// The engine's float32 gradients against central finite differences of the independent
/// Double-precision reference (step 1e-6, so the differences are exact to ~1e-9): every
/// kernel and bias entry, every input, the initial state — on random small shapes, including
/// unit counts that are not multiples of 8 (the SIMD tail) and that are.
@Suite struct GradientCheckTests {
    struct Case { let B, I, U, T: Int; let seed: UInt64 }
    static let cases = [Case(B: 2, I: 3, U: 5, T: 4, seed: 1), Case(B: 3, I: 4, U: 9, T: 3, seed: 2),
                        Case(B: 1, I: 2, U: 16, T: 5, seed: 3)]

    /// The Double values the loss reads, perturbed one entry at a time.
    final class Values {
        var a: [[Double]]
        init(_ a: [[Double]]) { self.a = a }
        /// Central differences of `loss` with respect to every entry of `a[which]`.
        func numeric(_ which: Int, _ loss: () -> Double) -> [Double] {
            (0..<a[which].count).map { k in
                let keep = a[which][k], e = 1e-6
                a[which][k] = keep + e; let lp = loss()
                a[which][k] = keep - e; let lm = loss()
                a[which][k] = keep
                return (lp - lm) / (2 * e)
            }
        }
    }

    func random(_ n: Int, _ scale: Double, _ rng: inout SeededRandom) -> [Double] {
        (0..<n).map { _ in (rng.unit() * 2 - 1) * scale }
    }

    /// Compares analytic (float) and numerical (double) gradients: |a − n| ≤ 2e-4·max(|n|, 0.05).
    func check(_ analytic: [Float], _ numeric: [Double], _ what: String) {
        #expect(analytic.count == numeric.count, "\(what) size")
        var worst = 0.0
        for (a, n) in zip(analytic, numeric) { worst = max(worst, abs(Double(a) - n) / max(abs(n), 0.05)) }
        #expect(worst <= 2e-4, "\(what): worst scaled error \(worst)")
    }

    @Test(arguments: cases)
    func cellGradientsMatchFiniteDifferences(_ c: Case) throws {
        var rng = SeededRandom(seed: c.seed)
        let (B, I, U, T, G) = (c.B, c.I, c.U, c.T, 4 * c.U)
        let fb = 1.0
        let v = Values([random((I + U) * G, 0.5, &rng), random(G, 0.3, &rng), random(B * U, 0.5, &rng),
                        random(B * U, 0.5, &rng)] + (0..<T).map { _ in random(B * I, 1, &rng) })
        let (kernel, bias, c0, h0) = (v.a[0], v.a[1], v.a[2], v.a[3])
        let xs = Array(v.a[4...])
        // L = Σ_t Σ R_t ⊙ h_t + Σ Rc ⊙ c_T
        let r = (0..<T).map { _ in random(B * U, 1, &rng) }, rc = random(B * U, 1, &rng)
        func loss() -> Double {
            let f = Reference.tfLSTM(kernel: v.a[0], bias: v.a[1], forgetBias: fb, xs: Array(v.a[4...]),
                                     c0: v.a[2], h0: v.a[3], batch: B, input: I, units: U)
            var l = 0.0
            for t in 0..<T { for k in 0..<(B * U) { l += r[t][k] * f.outputs[t][k] } }
            for k in 0..<(B * U) { l += rc[k] * f.c[k] }
            return l
        }
        func numeric(_ which: Int) -> [Double] { v.numeric(which, loss) }
        let f32 = { (v: [Double], shape: [Int]) throws -> NDArray in try NDArray(v.map { Float($0) }, shape: shape) }
        let cell = try LSTMCell(kernel: try f32(kernel, [I + U, G]), bias: try f32(bias, [G]), forgetBias: Float(fb))
        let g = try cell.gradients(try xs.map { try f32($0, [B, I]) },
                                   initialState: LSTMState(c: try f32(c0, [B, U]), h: try f32(h0, [B, U])),
                                   outputGradients: try r.map { try f32($0, [B, U]) },
                                   finalStateGradient: LSTMState(c: try f32(rc, [B, U]), h: try NDArray(zeros: [B, U], dtype: .float32)))
        check(floats(g.kernel), numeric(0), "kernel")
        check(floats(g.bias), numeric(1), "bias")
        check(floats(g.initialState.c), numeric(2), "c0")
        check(floats(g.initialState.h), numeric(3), "h0")
        for t in 0..<T { check(floats(g.inputs[t]), numeric(4 + t), "x\(t)") }
    }

    @Test func modelGradientsMatchFiniteDifferences() throws {
        var rng = SeededRandom(seed: 9)
        let (B, T, I, U, K) = (4, 3, 5, 6, 4)
        let G = 4 * U
        let v = Values([random((I + U) * G, 0.5, &rng), random(G, 0.3, &rng), random(U * K, 1, &rng), random(K, 1, &rng)])
        let (kernel, bias, w, b) = (v.a[0], v.a[1], v.a[2], v.a[3])
        let images = random(B * T * I, 1, &rng)
        let labels = (0..<B).map { _ in Int(rng.next() % UInt64(K)) }
        func loss() -> Double {
            let xs = (0..<T).map { t in (0..<(B * I)).map { k in images[((k / I) * T + t) * I + k % I] } }
            let z = [Double](repeating: 0, count: B * U)
            let f = Reference.tfLSTM(kernel: v.a[0], bias: v.a[1], forgetBias: 1, xs: xs, c0: z, h0: z,
                                     batch: B, input: I, units: U)
            return Reference.denseLoss(h: f.outputs[T - 1], w: v.a[2], b: v.a[3], labels: labels, units: U, classes: K)
        }
        func numeric(_ which: Int) -> [Double] { v.numeric(which, loss) }
        let m = try Model(config: ModelConfig(steps: T, input: I, units: U, classes: K, threads: 1, parallelism: .blas))
        let f32 = { (v: [Double], shape: [Int]) throws -> NDArray in try NDArray(v.map { Float($0) }, shape: shape) }
        try m.setWeights([Model.kernelName: try f32(kernel, [I + U, G]), Model.biasName: try f32(bias, [G]),
                          Model.denseWeightsName: try f32(w, [U, K]), Model.denseBiasName: try f32(b, [K])])
        let g = try m.gradients(images: try f32(images, [B, T * I]), labels: NDArray(labels.map { Int64($0) }))
        #expect(abs(Double(g.loss) - loss()) <= 1e-5 * abs(loss()))
        check(floats(try #require(g.weights[Model.kernelName])), numeric(0), "kernel")
        check(floats(try #require(g.weights[Model.biasName])), numeric(1), "bias")
        check(floats(try #require(g.weights[Model.denseWeightsName])), numeric(2), "dense W")
        check(floats(try #require(g.weights[Model.denseBiasName])), numeric(3), "dense b")
    }
}
