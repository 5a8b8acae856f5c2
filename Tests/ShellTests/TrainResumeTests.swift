import Foundation
import Testing
import Tensor
@testable import Shell

/// `train MODEL DATA epochs=N` continues a model — in the workspace or loaded from a checkpoint —
/// exactly where it stopped: a run split into 1 + 2 epochs gives bit for bit the losses and the
/// weights of an uninterrupted 3-epoch run with the same seed (Adam's moments and step count,
/// the batch order across the epoch boundary, the dropout masks). Small synthetic data.
@Suite struct TrainResumeTests {
    typealias S = TrainTestSupport

    static func shell(_ dir: String) throws -> Interpreter {
        try S.makeDataset(in: dir, train: 60, test: 20)
        let shell = Interpreter(options: .init(workingDirectory: dir))
        try #require(S.run("data = mnist '\(dir)' validation=10", in: shell).hasPrefix("Loaded MNIST-format data"))
        return shell
    }

    /// Every weight and the per-batch losses of two models, bit for bit.
    static func expectIdentical(_ shell: Interpreter, _ a: String, _ b: String) throws {
        S.run("la = \(a).history.batch_loss; lb = \(b).history.batch_loss", in: shell)
        let la = S.floats(try S.array(shell, "la")), lb = S.floats(try S.array(shell, "lb"))
        #expect(la.count == 18 && la == lb, "\(a) vs \(b): \(la) \(lb)")
        S.run("ea = \(a).history.loss; eb = \(b).history.loss", in: shell)
        #expect(S.floats(try S.array(shell, "ea")).count == 3)
        #expect(S.floats(try S.array(shell, "ea")) == S.floats(try S.array(shell, "eb")))
        guard case .object(let o)? = shell.workspace[a], let m = o as? ModelObject else { Issue.record("no model \(a)"); return }
        for v in m.model.variables {
            S.run("wa = \(a).weights['\(v.name)']; wb = \(b).weights['\(v.name)']", in: shell)
            #expect(S.floats(try S.array(shell, "wa")) == S.floats(try S.array(shell, "wb")), "\(v.name)")
        }
    }

    /// Every cell kind stacked and bidirectional, and the RNN cell's activations (whose
    /// `config/activation` must survive the checkpoint for the loaded run to match).
    @Test(arguments: ["cell=gru keep_prob=0.8", "cell=lstm layers=2 bidirectional=True", "cell=rnn by=columns",
                      "cell=gru layers=2 bidirectional=True", "cell=rnn layers=3 activation=relu",
                      "cell=rnn bidirectional=True activation=sigmoid keep_prob=0.7", "cell=gru layers=2 threads=1"])
    func oneThenTwoEpochsEqualThree(_ options: String) throws {
        let dir = try S.tempDir("resume")
        defer { S.remove(dir) }
        let shell = try Self.shell(dir)
        // 50 examples, batch 8: 6 batches an epoch, so later batches straddle the epoch boundary.
        let common = "batch=8 units=6 seed=9 \(options.contains("threads=") ? "" : "threads=2 ")\(options)"
        #expect(S.run("full = train data epochs=3 \(common)", in: shell).contains("Epoch 2 completed out of 3"))
        S.run("first = train data epochs=1 \(common)", in: shell)
        let out = S.run("second = train first data epochs=2", in: shell)
        #expect(out.hasPrefix("Continuing "), "\(out)")
        #expect(out.contains("Epoch 1 completed out of 3") && out.contains("Epoch 2 completed out of 3"), "\(out)")
        try Self.expectIdentical(shell, "full", "second")
        // The first model is left as it was (training continues a copy).
        S.run("lf = first.history.batch_loss", in: shell)
        #expect(S.floats(try S.array(shell, "lf")).count == 6)
        // Through a checkpoint file: the same.
        #expect(S.run("save first first.npz; loaded = load first.npz", in: shell) == "")
        S.run("third = train loaded data epochs=2", in: shell)
        try Self.expectIdentical(shell, "full", "third")
        if options.contains("activation=") {
            #expect(S.run("loaded.activation", in: shell) == S.run("full.activation", in: shell))
            #expect(S.run("loaded", in: shell).contains("RNN(6, "), "\(S.run("loaded", in: shell))")
        }
    }
}
