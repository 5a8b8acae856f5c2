import Foundation
import Testing
import Tensor
@testable import Shell
import Data

/// `mnist` and `next_batch` on crafted MNIST-format files: what loads, what a batch holds,
/// and one clear error naming the file for every kind of damage.
@Suite struct TrainDataCommandTests {
    typealias S = TrainTestSupport

    @Test func loadsCraftedIDXAndSaysWhatItLoaded() throws {
        let dir = try S.tempDir("good")
        defer { S.remove(dir) }
        try S.makeDataset(in: dir, train: 40, test: 20)
        let shell = Interpreter()
        #expect(S.run("data = mnist '\(dir)' validation=10", in: shell)
                == "Loaded MNIST-format data: IDX files in \(dir): train 30, validation 10, test 20")
        #expect(S.run("data.train.images.shape; data.train.labels.shape; data.validation.images.shape; data.test.labels.dtype", in: shell)
                == "(30, 784)\n(30,)\n(10, 784)\nint64")
        // Training starts after the 10 validation examples: labels of examples 10…14.
        #expect(S.run("data.train.labels[:5]", in: shell) == (10..<15).map { String(S.label($0)) }.joined(separator: " ").wrapped)
        // Pixels are float32 in [0, 1]: test image 0 (class 3) lights row 9 fully.
        #expect(S.run("data.test.images[0, 9 * 28]; data.test.images.dtype", in: shell) == "1.0\nfloat32")
        #expect(S.run("vars", in: shell).contains("data  dataset"))
        let detail = S.run("data", in: shell)
        #expect(detail.hasPrefix("dataset MNIST-format data: IDX files in \(dir)\n  train      30 images (30, 784) float32"))
    }

    /// A 56×56 dataset trains as 56 steps of 56 inputs: train, eval and predict take the steps
    /// from the images' shape (issue 13 §8).
    @Test func imagesOf56x56TrainAs56StepsOf56() throws {
        let dir = try S.tempDir("side56")
        defer { S.remove(dir) }
        try S.write("\(dir)/train-images-idx3-ubyte", S.idxImages(count: 30, rows: 56, cols: 56))
        try S.write("\(dir)/train-labels-idx1-ubyte", S.idxLabels(count: 30))
        try S.write("\(dir)/t10k-images-idx3-ubyte", S.idxImages(count: 6, rows: 56, cols: 56))
        try S.write("\(dir)/t10k-labels-idx1-ubyte", S.idxLabels(count: 6))
        let shell = Interpreter()
        #expect(S.run("data = mnist '\(dir)' validation=5", in: shell)
                == "Loaded MNIST-format data: IDX files in \(dir): train 25, validation 5, test 6")
        #expect(S.run("data.train.images.shape", in: shell) == "(25, 3136)")
        _ = S.run("m = train data epochs=1 batch=5 units=8", in: shell)
        #expect(S.run("m.steps; m.input", in: shell) == "56\n56")
        #expect(S.run("m", in: shell).contains("LSTM(8) over 56 steps of 56 → dense(10)"))
        #expect(S.run("eval m", in: shell).hasPrefix("Accuracy: "))
        #expect(S.run("(predict m data.test.images[:3]).shape", in: shell) == "(3,)")
        #expect(S.run("p = predict m (data.test.images[0].reshape(56, 56)); len(p.probabilities)", in: shell) == "10")
        _ = S.run("c = train data epochs=1 batch=5 units=8 by='columns'", in: shell)
        #expect(S.run("c.steps; c.input", in: shell) == "56\n56")
    }

    /// A small set gives up TF's share (one in twelve) for validation, not a fixed 5,000.
    @Test func defaultValidationIsProportional() throws {
        let dir = try S.tempDir("proportional")
        defer { S.remove(dir) }
        try S.makeDataset(in: dir, train: 90, test: 6)
        let shell = Interpreter()
        #expect(S.run("data = mnist '\(dir)'", in: shell)
                == "Loaded MNIST-format data: IDX files in \(dir): train 82, validation 8, test 6")
        #expect(Dataset.defaultValidation(forTraining: 60_000) == 5_000)
        #expect(Dataset.defaultValidation(forTraining: 8_000) == 667)
        #expect(Dataset.defaultValidation(forTraining: 5) == 0 && Dataset.defaultValidation(forTraining: 6) == 1)
    }

    @Test func nextBatchReshufflesEachEpochLikeTF() throws {
        let dir = try S.tempDir("batch")
        defer { S.remove(dir) }
        try S.makeDataset(in: dir, train: 30, test: 10)
        let shell = Interpreter()
        S.run("data = mnist '\(dir)' validation=0 one_hot=True", in: shell)
        var labels: [Int] = []
        for _ in 0..<3 {
            #expect(S.run("x, y = next_batch data.train 10; x.shape; y.shape", in: shell) == "(10, 784)\n(10, 10)")
            let y = try S.array(shell, "y")
            let v = S.floats(y)
            for r in 0..<10 { labels.append(v[(r * 10)..<(r * 10 + 10)].firstIndex(of: 1).map { $0 - r * 10 } ?? -1) }
        }
        // One epoch: every example exactly once (in a shuffled order).
        #expect(labels.sorted() == (0..<30).map(S.label).sorted())
        #expect(labels != (0..<30).map(S.label))
        #expect(S.run("data.train.epochs_completed", in: shell) == "0")
        S.run("x, y = data.train.next_batch(10)", in: shell)
        #expect(S.run("data.train.epochs_completed", in: shell) == "1")
        #expect(S.run("next_batch data.train 31", in: shell) == "error: batch size 31 is larger than the split's 30 examples")
        #expect(S.run("next_batch data 3", in: shell) == "error: expected a split such as data.train, got the whole dataset")
    }

    /// The issue spells it `one_hot=true`: lowercase booleans work for bool options (a variable
    /// named `true` would still win), and anything else is refused.
    @Test func boolOptionsTakeLowercaseTrueAndFalse() throws {
        let dir = try S.tempDir("lowercase")
        defer { S.remove(dir) }
        try S.makeDataset(in: dir, train: 30, test: 10)
        let shell = Interpreter()
        S.run("data = mnist '\(dir)' validation=0 one_hot=true", in: shell)
        #expect(S.run("data.train.labels.shape", in: shell) == "(30, 10)")
        S.run("data = mnist '\(dir)' validation=0 one_hot=false", in: shell)
        #expect(S.run("data.train.labels.shape", in: shell) == "(30,)")
        #expect(S.run("data = mnist '\(dir)' one_hot=yes", in: shell).hasPrefix("error: name 'yes' is not defined"))
    }

    /// Every kind of damage: one line, naming the file, and nothing assigned.
    @Test(arguments: ["truncated", "magic", "count", "side", "missing"])
    func corruptFilesGiveOneLineErrors(damage: String) throws {
        let dir = try S.tempDir(damage)
        defer { S.remove(dir) }
        try S.makeDataset(in: dir, train: 12, test: 4)
        let images = "\(dir)/train-images-idx3-ubyte", labels = "\(dir)/train-labels-idx1-ubyte"
        let expected: String
        switch damage {
        case "truncated":
            try S.write(images, Array(S.idxImages(count: 12).dropLast(100)))
            expected = "error: \(images): truncated: the header says 12 images of 28×28 (9408 bytes) but the file holds 9308"
        case "magic":
            try S.write(images, [0, 0, 8, 1] + Array(S.idxImages(count: 12).dropFirst(4)))
            expected = "error: \(images): this is an IDX label file (magic number 0x00000801), expected images (0x00000803)"
        case "count":
            try S.write(labels, S.idxLabels(count: 11))
            expected = "error: \(labels): 11 labels, but \(images) holds 12 images"
        case "side":
            try S.write(images, S.idxImages(count: 12, rows: 20, cols: 20))
            expected = "error: \(dir)/t10k-images-idx3-ubyte: images are 28×28, but \(images) holds 20×20 images"
        default:
            try FileManager.default.removeItem(atPath: labels)
            expected = "error: \(dir): incomplete dataset: missing train-labels-idx1-ubyte[.gz]"
        }
        let shell = Interpreter()
        let out = S.run("data = mnist '\(dir)'", in: shell)
        #expect(out == expected)
        #expect(!out.contains("\n"))
        #expect(shell.workspace["data"] == nil)
    }

    @Test func loadsKerasMnistNPZ() throws {
        let dir = try S.tempDir("npz")
        defer { S.remove(dir) }
        func images(_ n: Int) throws -> NDArray { try NDArray((0..<n * 784).map { i in S.pixel(i / 784, i % 784) }, shape: [n, 28, 28]) }
        func labels(_ n: Int) throws -> NDArray { try NDArray((0..<n).map { UInt8(S.label($0)) }, shape: [n]) }
        try NPZFile.write([("x_train", try images(12)), ("y_train", try labels(12)), ("x_test", try images(4)), ("y_test", try labels(4))],
                          to: dir + "/mnist.npz")
        let shell = Interpreter()
        #expect(S.run("data = mnist '\(dir)/mnist.npz' validation=2", in: shell)
                == "Loaded MNIST: Keras npz at \(dir)/mnist.npz: train 10, validation 2, test 4")
        #expect(S.run("data.test.labels", in: shell) == (0..<4).map { String(S.label($0)) }.joined(separator: " ").wrapped)
        try NPZFile.write([("x_train", try images(3)), ("y_train", try labels(2)), ("x_test", try images(1)), ("y_test", try labels(1))],
                          to: dir + "/mnist.npz")
        #expect(S.run("data = mnist '\(dir)/mnist.npz'", in: shell)
                == "error: \(dir)/mnist.npz: 2 labels in y_train, but x_train holds 3 images")
    }

    @Test func badArgumentsAreRefused() {
        let shell = Interpreter()
        #expect(S.run("mnist '/nonexistent/rnnsh-data'", in: shell) == "error: /nonexistent/rnnsh-data: No such file or directory")
        #expect(S.run("mnist validation=-1", in: shell).hasPrefix("error: validation size should be between 0 and"))
    }
}

extension String {
    /// numpy's 1-d print: `[3 0 7]`.
    var wrapped: String { "[" + self + "]" }
}
