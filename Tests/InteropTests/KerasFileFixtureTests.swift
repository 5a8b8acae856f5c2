import Foundation
import Testing
import Tensor
@testable import RNN
@testable import Interop

/// Keras model files made by Keras 3 and tf-keras with scripts/keras_file_fixtures.py
/// (Fixtures/keras_files.json): SimpleRNN with activation='relu' or 'sigmoid' loads as rnnsh's
/// BasicRNNCell with that activation and gives the framework's outputs (≤ 1e-5 of their
/// scale); what rnnsh cannot compute — SimpleRNN layers with different activations, an
/// activation it has no cell for, an LSTM with relu, stacks mixing Bidirectional and plain
/// layers — is refused with the file's name and the reason the fixture names.
@Suite struct KerasFileFixtureTests {
    nonisolated(unsafe) static let fixture: [String: Any] = {
        guard let url = Bundle.module.url(forResource: "keras_files", withExtension: "json", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url),
              let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return obj
    }()
    static var cases: [[String: Any]] { fixture["cases"] as? [[String: Any]] ?? [] }
    static var files: [String] { cases.compactMap { $0["file"] as? String } }

    @Test func allFilesPresent() { #expect(Self.files.count == 8) }

    @Test(arguments: files)
    func load(_ file: String) throws {
        let c = try #require(Self.cases.first { $0["file"] as? String == file })
        let bytes = try ModelFileImportTests.bytes(file)
        if let refuse = c["refuse"] as? String {
            do {
                _ = try ModelFileImportTests.model(bytes, name: file)
                Issue.record("\(file) was accepted")
            } catch let e as TensorError {
                #expect(e.message.contains(refuse), "\(e.message)")
                #expect(e.message.hasPrefix(file), "\(e.message)")
            }
            return
        }
        let model = try ModelFileImportTests.model(bytes, name: file)
        let (B, T) = (Self.fixture["batch"] as? Int ?? 0, Self.fixture["steps"] as? Int ?? 0)
        let x = try NDArray(((Self.fixture["inputs"] as? [NSNumber]) ?? []).map(\.floatValue), shape: [B, T, T])
        let want = ((c["outputs"] as? [NSNumber]) ?? []).map(\.floatValue)
        let got = ArrayConversion.floats(try model.logits(x))
        #expect(got.count == want.count)
        let scale = max(want.map { abs(Double($0)) }.max() ?? 0, 1e-12)
        let err = zip(got, want).map { abs(Double($0) - Double($1)) / scale }.max() ?? .infinity
        #expect(err <= 1e-5, "\(file): outputs differ by \(err)")
        #expect(model.config.cell == .rnn)
    }

    /// The activation comes from the configuration, and the layers' form with it.
    @Test func activationsFromTheConfiguration() throws {
        let relu = try ModelFileImportTests.model(try ModelFileImportTests.bytes("keras3_simple_rnn_relu.keras"), name: "r")
        #expect(relu.config.activation == .relu && relu.config.layers == 1)
        #expect(relu.config.cellLabel == "RNN(4, relu)")
        let sig = try ModelFileImportTests.model(try ModelFileImportTests.bytes("keras3_simple_rnn_sigmoid_stacked.keras"), name: "s")
        #expect(sig.config.activation == .sigmoid && sig.config.layers == 2)
        let bi = try ModelFileImportTests.model(try ModelFileImportTests.bytes("tfkeras_simple_rnn_relu_bidirectional.h5"), name: "b")
        #expect(bi.config.activation == .relu && bi.config.bidirectional)
        // Exported back, the Keras layer says its activation; PyTorch's nn.RNN takes relu too.
        #expect(try relu.recipe(.keras, file: "m.npz")[1].contains("keras.layers.SimpleRNN(4, activation='relu')"))
        #expect(try relu.recipe(.torch, file: "m.npz")[1].contains("torch.nn.RNN(6, 4, batch_first=True, nonlinearity='relu')"))
        #expect(try relu.recipe(.tf, file: "m.npz")[0].contains("tf.nn.rnn_cell.BasicRNNCell(4, activation=tf.nn.relu)"))
        // PyTorch has no sigmoid RNN: refused with the reason, in both the weights and the recipe.
        var weights = "accepted", recipe = "accepted"
        do throws(TensorError) { _ = try sig.frameworkWeights(.torch) } catch { weights = error.message }
        do throws(TensorError) { _ = try sig.recipe(.torch, file: "m.npz") } catch { recipe = error.message }
        #expect(weights.contains("nonlinearity is 'tanh' or 'relu'"), "\(weights)")
        #expect(recipe.contains("nonlinearity is 'tanh' or 'relu'"), "\(recipe)")
    }
}
