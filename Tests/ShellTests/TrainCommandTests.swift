import Foundation
import Testing
import Tensor
@testable import Shell

/// `train`, `eval`, `predict`, `show`, `plot` in-process on crafted data (small enough for
/// debug builds): what they print, determinism, NaN handling, progress only on terminals.
@Suite struct TrainCommandTests {
    typealias S = TrainTestSupport

    static func shell(_ dir: String, display: Display = .plain) throws -> Interpreter {
        try S.makeDataset(in: dir, train: 60, test: 20)
        let shell = Interpreter(options: .init(workingDirectory: dir, display: display))
        try #require(S.run("data = mnist '\(dir)' validation=10", in: shell).hasPrefix("Loaded MNIST-format data"))
        return shell
    }

    @Test func trainPrintsTheTutorialsLinesAndStoresModel() throws {
        let dir = try S.tempDir("lines")
        defer { S.remove(dir) }
        let shell = try Self.shell(dir)
        let lines = S.run("train epochs=2 batch=10 units=8", in: shell).split(separator: "\n").map(String.init)
        #expect(lines.first == "Training LSTM(8) on MNIST-format data train: 50 images, 2 epochs × 5 batches of 10")
        let epochLine = #/^Epoch (\d) completed out of 2 loss: \d+\.\d\d \(sum of 5 batches\) - mean loss: \d\.\d{4} - acc: \d\.\d{4} - val_acc: \d\.\d{4} - \d+\.\ds$/#
        #expect(lines.count >= 5)
        #expect(lines.count > 2 && lines[1].wholeMatch(of: epochLine)?.output.1 == "0")
        #expect(lines.count > 2 && lines[2].wholeMatch(of: epochLine)?.output.1 == "1")
        #expect(lines.contains { $0.hasPrefix("Trained in ") && $0.hasSuffix(" examples/s)") })
        #expect(lines.contains("model: LSTM(8) over 28 steps of 28 → dense(10), 1,274 parameters"))
        #expect(!lines.joined().contains("\r") && !lines.joined().contains("\u{1B}"))
        // The model is in the workspace as `model` (and `_`), and eval defaults to it and to the test split.
        #expect(S.run("vars", in: shell).contains("model  model"))
        #expect(S.run("eval", in: shell).wholeMatch(of: #/Accuracy: (0|1)\.\d{4}/#) != nil)
        #expect(S.run("model.history.loss.shape; model.history.batch_loss.shape", in: shell) == "(2,)\n(10,)")
    }

    /// Loss is the mean per example everywhere (model summary, compare, plots); the tutorial's
    /// summed loss stays only in its own epoch line, labelled. Accuracy has four decimals in
    /// every line (epoch, summary, eval, compare).
    @Test func lossIsTheMeanAndAccuracyHasFourDecimalsEverywhere() throws {
        let dir = try S.tempDir("loss")
        defer { S.remove(dir) }
        let shell = try Self.shell(dir)
        let lines = S.run("m = train epochs=1 batch=10 units=8", in: shell).split(separator: "\n").map(String.init)
        let epoch = try #require(lines.first { $0.hasPrefix("Epoch 0 ") })
        #expect(epoch.hasPrefix("Epoch 0 completed out of 1 loss: 13.13 (sum of 5 batches) - mean loss: 2.6254 - acc: 0.1000 - val_acc: 0.1000 - "), "\(epoch)")
        #expect(S.run("m", in: shell).split(separator: "\n").last == "  last epoch: mean loss 2.6254, accuracy 0.1000, val_accuracy 0.1000")
        #expect(S.run("eval m", in: shell) == "Accuracy: 0.1000")
        #expect(S.run("e = eval m; e", in: shell) == "Accuracy: 0.1000")
        let compare = S.run("compare m", in: shell).split(separator: "\n").map(String.init)
        #expect(compare.count == 2 && compare[1].hasSuffix("2.6254   0.1000    0.1000"), "\(compare)")
    }

    @Test func sameSeedSameLossesBitForBit() throws {
        let dir = try S.tempDir("seed")
        defer { S.remove(dir) }
        let shell = try Self.shell(dir)
        S.run("a = train epochs=1 batch=10 units=8 seed=3; b = train epochs=1 batch=10 units=8 seed=3; c = train epochs=1 batch=10 units=8 seed=4", in: shell)
        S.run("la = a.history.batch_loss; lb = b.history.batch_loss; lc = c.history.batch_loss", in: shell)
        let la = S.floats(try S.array(shell, "la"))
        #expect(la.count == 5)
        #expect(la.map(\.bitPattern) == S.floats(try S.array(shell, "lb")).map(\.bitPattern))
        #expect(la != S.floats(try S.array(shell, "lc")))
    }

    @Test func learnsTheCraftedClasses() throws {
        let dir = try S.tempDir("learn")
        defer { S.remove(dir) }
        try S.makeDataset(in: dir, train: 200, test: 50)
        let shell = Interpreter(options: .init(workingDirectory: dir))
        try #require(S.run("data = mnist '\(dir)' validation=0", in: shell).hasPrefix("Loaded MNIST-format data"))
        S.run("m = train epochs=6 batch=20 units=16 init=glorot lr=0.01", in: shell)
        let out = S.run("e = eval m; e.accuracy", in: shell)
        let accuracy = Double(out) ?? 0
        #expect(accuracy >= 0.5, "accuracy \(out) on 10 crafted classes (chance 0.1)")
    }

    @Test func nanLossStopsAndKeepsLastGoodWeights() throws {
        let dir = try S.tempDir("nan")
        defer { S.remove(dir) }
        let shell = try Self.shell(dir)
        let out = S.run("m = train epochs=3 batch=10 units=8 lr=1e38", in: shell)
        #expect(out.contains("Stopped: the loss became "), "\(out)")
        #expect(out.contains("keeping the last good weights"))
        #expect(!out.contains("Epoch 2 completed"))
        for w in ["rnn/basic_lstm_cell/kernel", "weights", "biases"] {
            S.run("w = m.weights['\(w)']", in: shell)
            #expect(S.floats(try S.array(shell, "w")).allSatisfy(\.isFinite), "\(w)")
        }
        #expect(S.run("m", in: shell).contains("stopped: "))
    }

    @Test func progressOnlyOnATerminal() throws {
        let dir = try S.tempDir("progress")
        defer { S.remove(dir) }
        let terminal = try Self.shell(dir, display: Display(isTerminal: true, unicode: true, color: false, width: 100))
        let outputs = terminal.execute("m = train epochs=1 batch=10 units=8")
        let progress = outputs.compactMap { o -> String? in if case .progress(let p) = o { return p } else { return nil } }
        #expect(!progress.isEmpty)
        // The last one shows the finished epoch: `Epoch 0/1 5/5 ━━━…  loss: … acc: … ex/s`.
        #expect(progress.last?.hasPrefix("Epoch 0/1 5/5 ━") == true, "\(progress)")
        #expect(progress.allSatisfy { !$0.contains("\r") && !$0.contains("\n") && $0.count < 100 })
        let plain = try Self.shell(dir)
        #expect(!plain.execute("m = train epochs=1 batch=10 units=8").contains { if case .progress = $0 { return true } else { return false } })
    }

    /// A model of unnamed classes scored on Fashion-MNIST (Debian's package, which CI installs)
    /// is warned about before the accuracy, which would mean nothing.
    @Test func evalWarnsWhenTheClassesDiffer() throws {
        let dir = try S.tempDir("mismatch")
        defer { S.remove(dir) }
        let shell = try Self.shell(dir)
        S.run("m = train epochs=1 batch=10 units=8", in: shell)
        #expect(!S.run("eval m test", in: shell).contains("warning"))
        let out = S.run("f = mnist '/usr/share/datasets/fashion-mnist'; eval m f.test examples=20", in: shell)
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.contains("warning: the model learned unnamed classes 0–9 but Fashion-MNIST test holds T-shirt/top, Trouser, Pullover, …; the accuracy compares different things"), "\(out)")
        #expect(lines.last?.hasPrefix("Accuracy: ") == true)
    }

    #if !DEBUG
    /// The examples of `help eval` and `help predict` train a model that learns (on Debian's
    /// Fashion-MNIST, which CI installs): a learner who pastes them sees a real accuracy and a
    /// right prediction, not chance. Release builds only (`make test`): unoptimised, the engine
    /// takes a hundred times longer.
    @Test func helpExamplesTrainAModelThatLearns() throws {
        let eval = try #require(Registry.standard["eval"]?.examples.first?.source)
        let shell = Interpreter()
        let out = S.run(eval.replacingOccurrences(of: "\n", with: "; "), in: shell)
        let accuracy = try #require(out.split(separator: "\n").first { $0.hasPrefix("Accuracy: ") })
        #expect((Double(accuracy.dropFirst("Accuracy: ".count)) ?? 0) >= 0.65, "\(out)")
        let predict = try #require(Registry.standard["predict"]?.examples.first?.source.split(separator: "\n").last)
        let shown = S.run(String(predict), in: shell)
        #expect(shown.contains("predicted: 9 Ankle boot\n"), "test image 0 is an ankle boot, and the model says so: \(shown)")
    }
    #endif

    @Test func evalConfusionPredictShowPlot() throws {
        let dir = try S.tempDir("views")
        defer { S.remove(dir) }
        let shell = try Self.shell(dir)
        S.run("m = train epochs=1 batch=10 units=8", in: shell)
        let confusion = S.run("eval m test confusion", in: shell)
        #expect(confusion.hasPrefix("Accuracy: "))
        #expect(confusion.contains("predicted") && confusion.contains("actual") && confusion.contains("accuracy"))
        S.run("e = eval m data.test", in: shell)
        #expect(S.run("e.count; e.confusion.shape; e.confusion.sum()", in: shell).hasPrefix("20\n(10, 10)"))
        #expect(S.run("eval m nonsense", in: shell) == "error: unknown split 'nonsense'")
        let prediction = S.run("p = predict m data.test.images[0]; p.probabilities.shape; p", in: shell)
        #expect(prediction.hasPrefix("(10,)\npredicted: "))
        #expect(prediction.contains("@") || prediction.contains("#"))  // the ASCII digit
        #expect(S.run("predict m data.test.images[:5]", in: shell).hasPrefix("["))
        let shown = S.run("show data.test 0", in: shell)
        #expect(shown.hasPrefix("MNIST-format data test[0]: label 3\n"))
        #expect(!shown.contains("\u{1B}") && shown.unicodeScalars.allSatisfy(\.isASCII))
        #expect(S.run("show data.test 99", in: shell) == "error: index 99 is out of bounds for the 20 examples of test")
        let chart = S.run("plot m.history", in: shell)
        #expect(chart.hasPrefix("Training loss\n") && chart.contains("Accuracy"))
        #expect(S.run("plot [1, 2, 3] title='three'", in: shell).hasPrefix("three\n"))
    }

    @Test func trainRefusesBadOptions() throws {
        let dir = try S.tempDir("opts")
        defer { S.remove(dir) }
        let shell = try Self.shell(dir)
        #expect(S.run("train batch=0", in: shell) == "error: batch must be positive, got 0")
        #expect(S.run("train batch=100", in: shell) == "error: batch 100 is larger than the 50 training examples")
        #expect(S.run("train init=zeros", in: shell) == "error: init must be one of 'random_normal', 'glorot', got 'zeros'")
        #expect(S.run("train lr=-1", in: shell) == "error: lr must be a positive number, got -1.0")
        #expect(S.run("train examples=0", in: shell) == "error: examples must be positive, got 0")
        #expect(S.run("train (arange 3)", in: shell) == "error: expected a dataset (`data = mnist`), got numpy.ndarray")
        #expect(S.run("eval", in: Interpreter()) == "error: no model: train one first (`train`), or load one (`model = load FILE`)")
        #expect(shell.workspace["model"] == nil)
    }
}
