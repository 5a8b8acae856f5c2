import Testing
import Foundation
import Tensor
@testable import RNN

/// Every cell kind and layer kind against TensorFlow 1.x (Fixtures/tf_cells.json, made by
/// scripts/tf_fixtures.py): GRUCell, BasicRNNCell, MultiRNNCell stacks, static_bidirectional_rnn
/// (last outputs concatenated), stacked bidirectional layers, and DropoutWrapper with the same
/// masks. The model is built from the case's configuration and loaded with TF's variables under
/// TF's own names (so the names are checked too); loss, logits, every weight gradient, the
/// input gradients and the initial state's gradients must agree to 1e-5 of each array's
/// largest magnitude (`scaledError`: elementwise relative error blows up on the entries that
/// are sums cancelling to ~1e-4 — there float32 summation order and the SIMD activations'
/// ~1e-7 errors differ from TF's by a few 1e-8, which is 1e-7 of the gradient's scale).
///
/// Fixtures/tf_rnn_activations.json (the same script with `--activations`) adds BasicRNNCell with
/// `activation=tf.nn.relu` and `tf.sigmoid`, alone, stacked and bidirectional with dropout: the
/// case's `activation` is set in the model's configuration, so the forward and backward of each
/// activation are checked against TF's Relu/ReluGrad and Sigmoid/SigmoidGrad.
@Suite struct CellFixtureTests {
    nonisolated(unsafe) static let cases: [[String: Any]] = load("tf_cells") + load("tf_rnn_activations")

    static func load(_ name: String) -> [[String: Any]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url),
              let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cases = obj["cases"] as? [[String: Any]] else { return [] }
        return cases
    }
    static var names: [String] { cases.compactMap { $0["name"] as? String } }
    static let (B, I, U, T, K) = (3, 5, 4, 6, 3)

    static func array(_ e: Any?) throws -> NDArray {
        guard let e = e as? [String: Any], let shape = e["shape"] as? [NSNumber], let data = e["data"] as? [NSNumber] else {
            throw TensorError("fixture entry is not an array")
        }
        return try NDArray(data.map { $0.floatValue }, shape: shape.map(\.intValue))
    }

    /// [T, B, I] → [B, T, I].
    static func batchMajor(_ a: NDArray) -> NDArray {
        let v = floats(a)
        var out = [Float](repeating: 0, count: v.count)
        for t in 0..<T { for b in 0..<B { for i in 0..<I { out[(b * T + t) * I + i] = v[(t * B + b) * I + i] } } }
        return (try? NDArray(out, shape: [B, T, I])) ?? a
    }

    static func model(_ c: [String: Any]) throws -> Model {
        let kind = try #require(CellKind(rawValue: c["cell"] as? String ?? ""))
        var config = ModelConfig(steps: T, input: I, units: U, classes: K, threads: 1, parallelism: .blas, cell: kind,
                                 layers: c["layers"] as? Int ?? 0, bidirectional: c["bidirectional"] as? Bool ?? false,
                                 keepProb: (c["keep_prob"] as? NSNumber)?.floatValue ?? 1)
        config.activation = try #require(CellActivation(rawValue: c["activation"] as? String ?? "tanh"))
        let m = try Model(config: config)
        let vars = try #require(c["variables"] as? [String: Any])
        var w: [String: NDArray] = [:]
        for (k, v) in vars { w[k] = try array(v) }
        #expect(Set(w.keys) == Set(m.variables.map(\.name)), "TF's variable names are the model's")
        try m.setWeights(w)
        return m
    }

    @Test(arguments: names)
    func matchesTensorFlow(_ name: String) throws {
        let c = try #require(Self.cases.first { $0["name"] as? String == name })
        let m = try Self.model(c)
        let images = Self.batchMajor(try Self.array(c["inputs"]))
        let labels = NDArray(((c["labels"] as? [NSNumber]) ?? []).map { Int64($0.intValue) })
        let state = try ((c["initial_state"] as? [Any]) ?? []).map(Self.array)
        let masksIn = try ((c["input_masks"] as? [Any]) ?? []).map(Self.array)
        let masksOut = try ((c["output_masks"] as? [Any]) ?? []).map(Self.array)
        let g = try m.gradients(images: images, labels: labels, initialState: state.isEmpty ? nil : CellState(state),
                                dropout: masksIn.isEmpty ? nil : (masksIn, masksOut))
        let loss = (c["loss"] as? NSNumber)?.doubleValue ?? .nan
        #expect(abs(Double(g.loss) - loss) <= 1e-5 * abs(loss), "loss \(g.loss) vs \(loss)")
        let grads = try #require(c["grads"] as? [String: Any])
        #expect(grads.count == g.weights.count)
        for (k, v) in grads {
            let want = try Self.array(v), got = try #require(g.weights[k], "gradient of \(k)")
            #expect(got.shape == want.shape)
            let e = scaledError(floats(got), floats(want))
            #expect(e <= 1e-5, "\(name): \(k)")
        }
        // Inputs: TF gives [T, B, I]; the model reports [B, T, I].
        #expect(scaledError(floats(g.inputs), floats(Self.batchMajor(try Self.array(c["grad_inputs"])))) <= 1e-5,
                "\(name): inputs")
        let wantState = try ((c["grad_initial_state"] as? [Any]) ?? []).map(Self.array)
        if !wantState.isEmpty {
            #expect(g.initialState.parts.count == wantState.count)
            for (got, want) in zip(g.initialState.parts, wantState) {
                #expect(scaledError(floats(got), floats(want)) <= 1e-5, "\(name): initial state")
            }
        }
        // From the zero state and without dropout (evaluation), the logits are TF's.
        if state.isEmpty && masksIn.isEmpty {
            let logits = try m.logits(images)
            #expect(scaledError(floats(logits), floats(try Self.array(c["logits"]))) <= 1e-5, "\(name): logits")
        }
    }

    @Test func everyCaseLoaded() {
        #expect(Self.cases.count == 14)
        #expect(Self.cases.filter { $0["activation"] as? String == "relu" }.count == 3)
    }

    /// The activation is part of the function: the stacked relu fixture's weights under tanh
    /// give other logits (so the cases above could not pass by ignoring the option). That case
    /// starts from the zero state without dropout, so its logits are `logits`' from the start.
    @Test func theActivationChangesTheFunction() throws {
        let c = try #require(Self.cases.first { $0["name"] as? String == "rnn_relu_stacked" })
        var tanh = c; tanh["activation"] = "tanh"
        let images = Self.batchMajor(try Self.array(c["inputs"]))
        let want = floats(try Self.array(c["logits"]))
        #expect(scaledError(floats(try Self.model(c).logits(images)), want) <= 1e-5)
        #expect(scaledError(floats(try Self.model(tanh).logits(images)), want) > 1e-2)
    }

    /// Dropout is for training only: evaluation gives the same logits as the same weights
    /// without dropout, and training steps draw masks (the loss differs from the undropped one).
    @Test func dropoutOnlyWhileTraining() throws {
        let c = try #require(Self.cases.first { $0["name"] as? String == "gru_dropout" })
        let dropped = try Self.model(c)
        var plain = c; plain["keep_prob"] = NSNumber(value: 1.0)
        let undropped = try Self.model(plain)
        let images = Self.batchMajor(try Self.array(c["inputs"]))
        #expect(floats(try dropped.logits(images)) == floats(try undropped.logits(images)))
        let labels = NDArray(((c["labels"] as? [NSNumber]) ?? []).map { Int64($0.intValue) })
        let a = try dropped.step(images: images, labels: labels).loss
        let b = try undropped.step(images: images, labels: labels).loss
        #expect(a != b)
    }
}

/// `max |a − b| / max |b|`: the largest error relative to the array's scale.
func scaledError(_ a: [Float], _ b: [Float]) -> Double {
    guard a.count == b.count else { return .infinity }
    let scale = max(b.map { abs(Double($0)) }.max() ?? 0, 1e-12)
    var m = 0.0
    for (x, y) in zip(a, b) {
        let e = abs(Double(x) - Double(y)) / scale
        if !(e <= m) { m = e.isNaN ? .infinity : e }
    }
    return m
}
