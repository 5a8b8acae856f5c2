import Testing
import Foundation
import Tensor
@testable import RNN

/// Framework → rnnsh → framework, with files the frameworks made (Fixtures/frameworks, by
/// scripts/framework_fixtures.py): each Keras `Sequential` / PyTorch `ModuleDict` with random
/// weights, saved with numpy as the README says, loads as a model whose logits on the same
/// inputs are the framework's (≤ 1e-5 of their scale); exporting it again gives back the
/// framework's arrays (PyTorch's two biases come back summed into `bias_ih`, which computes the
/// same: its logits are checked after a second import). Keras's GRU(reset_after=True) and
/// PyTorch's nn.GRU are refused, with the reason.
@Suite struct FrameworkRoundTripTests {
    nonisolated(unsafe) static let fixture: [String: Any] = {
        guard let url = Bundle.module.url(forResource: "cases", withExtension: "json", subdirectory: "Fixtures/frameworks"),
              let data = try? Data(contentsOf: url),
              let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return obj
    }()
    static var cases: [[String: Any]] { fixture["cases"] as? [[String: Any]] ?? [] }
    static var names: [String] { cases.compactMap { $0["name"] as? String } }

    static func members(_ name: String) throws -> [String: NDArray] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "npz", subdirectory: "Fixtures/frameworks") else {
            throw TensorError("missing fixture \(name).npz")
        }
        var out: [String: NDArray] = [:]
        for m in try NPZFile.read(path: url.path) { out[m.name] = m.array }
        return out
    }

    static func load(_ framework: String, _ w: [String: NDArray]) throws -> Model? {
        framework == "keras" ? try Model.fromKeras(w) : try Model.fromTorch(w)
    }

    @Test func allCasesPresent() { #expect(Self.cases.count == 10) }

    @Test(arguments: names)
    func roundTrip(_ name: String) throws {
        let c = try #require(Self.cases.first { $0["name"] as? String == name })
        let framework = try #require(c["framework"] as? String)
        let w = try Self.members(name)
        if c["refuse"] as? Bool == true {
            do {
                _ = try Self.load(framework, w)
                Issue.record("\(name) was accepted")
            } catch let e as TensorError {
                #expect(e.message.contains("reset gate"), "\(e.message)")
            }
            return
        }
        let model = try #require(try Self.load(framework, w))
        let (B, T) = (Self.fixture["batch"] as? Int ?? 0, Self.fixture["steps"] as? Int ?? 0)
        let inputs = ((Self.fixture["inputs"] as? [NSNumber]) ?? []).map(\.floatValue)
        let x = try NDArray(inputs, shape: [B, T, T])
        let want = ((c["logits"] as? [NSNumber]) ?? []).map(\.floatValue)
        #expect(scaledError(floats(try model.logits(x)), want) <= 1e-5, "\(name): logits")
        // Back out in the same framework's layout.
        let fw = Framework(rawValue: framework) ?? .tf
        let exported = Dictionary(uniqueKeysWithValues: try model.frameworkWeights(fw))
        if fw == .keras {
            #expect(Set(exported.keys) == Set(w.keys))
            for (k, a) in w { #expect(scaledError(floats(try #require(exported[k])), floats(a)) <= 1e-6, "\(name): \(k)") }
        } else {
            for (k, a) in w where k.contains("weight") {
                #expect(floats(try #require(exported[k], "\(k)")) == floats(a), "\(name): \(k)")
            }
        }
        let again = try #require(try Self.load(framework, exported))
        #expect(scaledError(floats(try again.logits(x)), want) <= 1e-5, "\(name): logits after export")
    }

    /// Keras weights of a stack mixing `Bidirectional(LSTM(…, return_sequences=True))` and a
    /// plain `LSTM` (as `np.savez` of `get_weights()` under layer names gives them) are refused
    /// naming the first weight outside the stack, not loaded as the Bidirectional layer alone.
    @Test func mixedStacksAreRefusedNotTruncated() throws {
        var bi = ModelConfig(steps: 3, input: 3, units: 2, classes: 2, threads: 1, parallelism: .blas)
        bi.bidirectional = true
        var w: [String: NDArray] = [:]
        for (n, a) in try Model(config: bi).frameworkWeights(.keras) { w[n] = a }
        var plain = ModelConfig(steps: 3, input: 4, units: 2, classes: 2, threads: 1, parallelism: .blas)
        plain.layers = 2
        for (n, a) in try Model(config: plain).frameworkWeights(.keras) where n.hasPrefix("lstm_1/") { w[n] = a }
        var message = "accepted"
        do throws(TensorError) { _ = try Model.fromKeras(w) } catch { message = error.message }
        #expect(message.hasPrefix("'lstm_1/bias' is not part of the stack of 1 Bidirectional(LSTM) layer"), "\(message)")
        #expect(message.contains("every layer Bidirectional or none"))
        // The same stack without the extra layer loads.
        w = w.filter { !$0.key.hasPrefix("lstm_1/") }
        #expect(try Model.fromKeras(w)?.config.bidirectional == true)
    }
}
