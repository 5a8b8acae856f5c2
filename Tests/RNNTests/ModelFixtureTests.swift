import Testing
import Foundation
import Tensor
@testable import RNN

/// The whole model (LSTM → dense on the last output → mean softmax cross-entropy → Adam)
/// against TensorFlow 1.x: loss, every gradient (weights, inputs, initial state), and the
/// weights and losses of 5 Adam steps. Tolerance 1e-5 relative.
@Suite struct ModelFixtureTests {
    let fx: TFFixture
    init() throws { fx = try TFFixture.load() }

    /// A model of the fixture's sizes holding the fixture's weights.
    func model(threads: Int = 1, parallelism: Parallelism = .blas) throws -> Model {
        let cfg = ModelConfig(steps: fx.int("steps"), input: fx.int("input"), units: fx.int("units"),
                              classes: fx.int("classes"), forgetBias: Float(fx.double("forget_bias")),
                              threads: threads, parallelism: parallelism)
        let m = try Model(config: cfg)
        try m.setWeights([Model.kernelName: try fx.array("kernel"), Model.biasName: try fx.array("bias"),
                          Model.denseWeightsName: try fx.array("dense_w"), Model.denseBiasName: try fx.array("dense_b")])
        return m
    }

    /// The fixture's [T, B, I] inputs as the model's [B, T, I] images.
    func images() throws -> NDArray {
        let (T, B, I) = (fx.int("steps"), fx.int("batch"), fx.int("input"))
        let v = floats(try fx.array("inputs"))
        var out = [Float](repeating: 0, count: v.count)
        for t in 0..<T { for b in 0..<B { for i in 0..<I { out[(b * T + t) * I + i] = v[(t * B + b) * I + i] } } }
        return try NDArray(out, shape: [B, T, I])
    }
    func labels() -> NDArray { NDArray(fx.doubles("labels").map { Int64($0) }) }

    @Test func lossAndGradientsMatchTF() throws {
        let m = try model()
        let s = LSTMState(c: try fx.array("c0"), h: try fx.array("h0"))
        let g = try m.gradients(images: try images(), labels: labels(), initialState: s)
        #expect(abs(Double(g.loss) - fx.double("loss")) <= 1e-5 * abs(fx.double("loss")))
        let pairs = [(Model.kernelName, "grad_kernel"), (Model.biasName, "grad_bias"),
                     (Model.denseWeightsName, "grad_dense_w"), (Model.denseBiasName, "grad_dense_b")]
        for (name, key) in pairs {
            let got = try #require(g.weights[name])
            let want = try fx.array(key)
            #expect(got.shape == want.shape)
            #expect(maxRelativeError(floats(got), floats(want), floor: 1e-3) <= 1e-5, "\(name)")
        }
        #expect(maxRelativeError(floats(g.initialState.c), floats(try fx.array("grad_c0"))) <= 1e-5)
        #expect(maxRelativeError(floats(g.initialState.h), floats(try fx.array("grad_h0"))) <= 1e-5)
        // Inputs: TF gives [T, B, I]; the model reports [B, T, I].
        let (T, B, I) = (fx.int("steps"), fx.int("batch"), fx.int("input"))
        let want = floats(try fx.array("grad_inputs")), got = floats(g.inputs)
        var perStep = [Float](repeating: 0, count: got.count)
        for b in 0..<B { for t in 0..<T { for i in 0..<I { perStep[(t * B + b) * I + i] = got[(b * T + t) * I + i] } } }
        #expect(maxRelativeError(perStep, want) <= 1e-5)
    }

    @Test func cellGradientsMatchTF() throws {
        // The same gradients through the cell API, with dL/dh_T from the dense layer computed here.
        let c = try LSTMCell(kernel: try fx.array("kernel"), bias: try fx.array("bias"))
        let xs = try fx.steps("inputs")
        let s = LSTMState(c: try fx.array("c0"), h: try fx.array("h0"))
        let m = try model()
        let full = try m.gradients(images: try images(), labels: labels(), initialState: s)
        // dL/dh_T = dlogits · Wᵀ, where dlogits = (softmax − onehot)/B.
        let logits = floats(try fx.array("logits")), w = floats(try fx.array("dense_w"))
        let (B, U, K) = (fx.int("batch"), fx.int("units"), fx.int("classes"))
        let labels = fx.doubles("labels").map { Int($0) }
        var dh = [Float](repeating: 0, count: B * U)
        for b in 0..<B {
            let row = Array(logits[(b * K)..<((b + 1) * K)])
            let mx = row.max() ?? 0
            let e = row.map { Float(Foundation.exp(Double($0 - mx))) }
            let s = e.reduce(0, +)
            for k in 0..<K {
                let d = (e[k] / s - (labels[b] == k ? 1 : 0)) / Float(B)
                for u in 0..<U { dh[b * U + u] += d * w[u * K + k] }
            }
        }
        var og = [NDArray?](repeating: nil, count: xs.count)
        og[xs.count - 1] = try NDArray(dh, shape: [B, U])
        let g = try c.gradients(xs, initialState: s, outputGradients: og)
        #expect(maxRelativeError(floats(g.kernel), floats(try fx.array("grad_kernel"))) <= 1e-5)
        #expect(maxRelativeError(floats(g.bias), floats(try fx.array("grad_bias"))) <= 1e-5)
        #expect(maxRelativeError(floats(g.initialState.h), floats(try fx.array("grad_h0"))) <= 1e-5)
        #expect(maxRelativeError(floats(g.initialState.c), floats(try fx.array("grad_c0"))) <= 1e-5)
        let wantX = try fx.steps("grad_inputs")
        for (a, b) in zip(g.inputs, wantX) { #expect(maxRelativeError(floats(a), floats(b)) <= 1e-5) }
        _ = full
    }

    @Test(arguments: [(1, Parallelism.blas), (2, Parallelism.replicas)])
    func adamStepsMatchTF(threads: Int, parallelism: Parallelism) throws {
        let m = try model(threads: threads, parallelism: parallelism)
        var losses: [Double] = []
        for _ in 0..<fx.int("adam_steps") {
            losses.append(Double(try m.trainStep(images: try images(), labels: labels())))
        }
        #expect(m.stepCount == fx.int("adam_steps"))
        for (a, b) in zip(losses, fx.doubles("adam_losses")) { #expect(abs(a - b) <= 1e-5 * abs(b)) }
        let w = m.weights()
        let pairs = [(Model.kernelName, "adam_kernel"), (Model.biasName, "adam_bias"),
                     (Model.denseWeightsName, "adam_dense_w"), (Model.denseBiasName, "adam_dense_b")]
        for (name, key) in pairs {
            #expect(maxRelativeError(floats(try #require(w[name])), floats(try fx.array(key))) <= 1e-5, "\(name)")
        }
    }
}
