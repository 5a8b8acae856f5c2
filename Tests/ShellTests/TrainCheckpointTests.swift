import Foundation
import Testing
import Tensor
@testable import Shell

/// `save MODEL FILE` / `load FILE`: the self-describing checkpoint comes back as the same model
/// (weights bit for bit, optimizer state, history, names); damaged files give one clear error.
@Suite struct TrainCheckpointTests {
    typealias S = TrainTestSupport

    /// A shell with a small model trained on crafted data (fast even in debug builds).
    static func trainedShell(_ dir: String) throws -> Interpreter {
        try S.makeDataset(in: dir, train: 60, test: 20)
        let shell = Interpreter(options: .init(workingDirectory: dir))
        try #require(S.run("data = mnist '\(dir)' validation=10", in: shell).hasPrefix("Loaded MNIST-format data"))
        let out = S.run("m = train epochs=2 batch=10 units=8 seed=5", in: shell)
        #expect(out.contains("Epoch 1 completed out of 2 loss: "), "\(out)")
        return shell
    }

    @Test func checkpointRoundTripsExactly() throws {
        let dir = try S.tempDir("ckpt")
        defer { S.remove(dir) }
        let shell = try Self.trainedShell(dir)
        #expect(S.run("save m ck.npz", in: shell) == "")
        let members = try NPZFile.read(path: dir + "/ck.npz")
        let names = members.map(\.name)
        #expect(names.first == "rnnsh_checkpoint")
        for n in ["config/units", "config/output_init", "rnn/basic_lstm_cell/kernel", "rnn/basic_lstm_cell/bias", "weights", "biases",
                  "adam/m", "adam/v", "adam/steps", "history/loss", "history/batch_loss", "info/dataset"] {
            #expect(names.contains(n), "missing \(n)")
        }
        #expect(members.first { $0.name == "config/units" }?.array.scalars.first?.doubleValue == 8)
        #expect(members.first { $0.name == "adam/steps" }?.array.scalars.first?.doubleValue == 10)
        #expect(S.run("m2 = load ck.npz; m2.units; m2.seed; m2.init", in: shell) == "8\n5\nrandom_normal")
        for w in ["rnn/basic_lstm_cell/kernel", "rnn/basic_lstm_cell/bias", "weights", "biases"] {
            S.run("a = m.weights['\(w)']; b = m2.weights['\(w)']", in: shell)
            #expect(S.floats(try S.array(shell, "a")) == S.floats(try S.array(shell, "b")), "\(w)")
        }
        S.run("h1 = m.history.batch_loss; h2 = m2.history.batch_loss", in: shell)
        #expect(S.floats(try S.array(shell, "h1")) == S.floats(try S.array(shell, "h2")))
        #expect(S.floats(try S.array(shell, "h1")).count == 10)
        // Same weights, same answers: the loaded model evaluates exactly like the original.
        let original = S.run("eval m data.test", in: shell)
        #expect(original.hasPrefix("Accuracy: "))
        #expect(S.run("eval m2 data.test", in: shell) == original)
        #expect(S.run("m2", in: shell).hasPrefix("model: LSTM(8) over 28 steps of 28 → dense(10), 1,274 parameters\n  trained 2 epochs on MNIST-format data (50 images, batch 10"))
        // numpy reads it too: every member is a plain array, strings are UTF-8 bytes.
        let script = "import numpy as np; z = np.load('\(dir)/ck.npz'); print(int(z['rnnsh_checkpoint']), int(z['config/units']), bytes(z['info/dataset']).decode(), z['rnn/basic_lstm_cell/kernel'].shape)"
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script]
        let pipe = Pipe()
        python.standardOutput = pipe
        try python.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        #expect(text == "2 8 MNIST-format data (36, 32)\n")
    }

    @Test(arguments: ["version", "missing", "shape", "init", "huge input", "activation", "lstm activation", "threads"])
    func damagedCheckpointsAreRefused(damage: String) throws {
        let dir = try S.tempDir("bad-\(damage)")
        defer { S.remove(dir) }
        let shell = try Self.trainedShell(dir)
        S.run("save m ck.npz", in: shell)
        var members = try NPZFile.read(path: dir + "/ck.npz")
        let expected: String
        switch damage {
        case "version":
            members[0] = ("rnnsh_checkpoint", NDArray(scalar: Int64(3)))
            expected = "error: bad.npz: checkpoint format version 3; this rnnsh reads version 2"
        case "missing":
            members.removeAll { $0.name == "weights" }
            expected = "error: bad.npz: not a usable rnnsh checkpoint: missing member 'weights'"
        case "shape":
            if let i = members.firstIndex(where: { $0.name == "config/units" }) { members[i] = ("config/units", NDArray(scalar: Int64(9))) }
            expected = "error: bad.npz: not a usable rnnsh checkpoint: weight 'rnn/basic_lstm_cell/kernel' has shape (36, 32), expected (37, 36)"
        case "huge input":
            // Refused from the shapes alone: the model of 10^6 inputs was built first (68 s in
            // a debug build), then found not to fit the weights.
            if let i = members.firstIndex(where: { $0.name == "config/input" }) { members[i] = ("config/input", NDArray(scalar: Int64(1_000_000))) }
            expected = "error: bad.npz: not a usable rnnsh checkpoint: weight 'rnn/basic_lstm_cell/kernel' has shape (36, 32), expected (1000008, 32)"
        case "activation":
            if let i = members.firstIndex(where: { $0.name == "config/activation" }) { members[i] = ("config/activation", ModelCheckpoint.text("elu")) }
            expected = "error: bad.npz: not a usable rnnsh checkpoint: 'config/activation' must be one of tanh, relu, sigmoid"
        case "lstm activation":
            // An LSTM that says relu would be trained as tanh: refused, not ignored.
            if let i = members.firstIndex(where: { $0.name == "config/activation" }) { members[i] = ("config/activation", ModelCheckpoint.text("relu")) }
            expected = "error: bad.npz: not a usable rnnsh checkpoint: activation relu is for the plain RNN cell; a BasicLSTMCell's activations are fixed"
        case "threads":
            if let i = members.firstIndex(where: { $0.name == "config/threads" }) { members[i] = ("config/threads", NDArray(scalar: Int64(1 << 40))) }
            expected = "error: bad.npz: not a usable rnnsh checkpoint: 'config/threads' must be one integer in 1…64"
        default:
            if let i = members.firstIndex(where: { $0.name == "config/output_init" }) { members[i] = ("config/output_init", ModelCheckpoint.text("zeros")) }
            expected = "error: bad.npz: not a usable rnnsh checkpoint: unknown config/output_init"
        }
        try NPZFile.write(members, to: dir + "/bad.npz")
        let started = Date()
        let out = S.run("m3 = load bad.npz", in: shell)
        #expect(out == expected)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(shell.workspace["m3"] == nil)
    }

    /// Member names come from the file: NpzFile's repr shows their control characters escaped
    /// (numpy echoes them raw, which let a crafted name set the clipboard with OSC 52).
    @Test func npzMemberNamesAreShownEscaped() throws {
        let dir = try S.tempDir("esc-names")
        defer { S.remove(dir) }
        try NPZFile.write([("a\u{1b}]52;c;aGk=\u{07}b", NDArray([Int64(1)])), ("c\u{1b}[2Jd", NDArray([Int64(2)]))], to: dir + "/esc.npz")
        let shell = Interpreter(options: .init(workingDirectory: dir))
        #expect(S.run("d = np.load('esc.npz'); d", in: shell) == "NpzFile 'esc.npz' with keys: a\\x1b]52;c;aGk=\\x07b, c\\x1b[2Jd")
    }
}
