import Foundation
import Testing
import Tensor
@testable import Shell

/// `train` as a user runs it: the built rnnsh with its output in a pipe (no `\r`, no escapes),
/// Ctrl-C as a real SIGINT to the running process, and training on real Fashion-MNIST.
@Suite(.serialized) struct TrainProcessTests {
    typealias S = TrainTestSupport

    /// An rnnsh process whose stdout and stderr are collected as they arrive.
    final class Running: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var out = Data(), err = Data()

        /// `input`: a file for stdin (default: none); `directory`: where it runs.
        init(_ arguments: [String], environment: [String: String], input: String? = nil, directory: String? = nil) throws {
            process.executableURL = try REPLTerminal.binary()
            if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
            process.arguments = arguments
            var env = ProcessInfo.processInfo.environment
            for (k, v) in environment { env[k] = v }
            process.environment = env
            let o = Pipe(), e = Pipe()
            process.standardOutput = o
            process.standardError = e
            process.standardInput = try input.map { try FileHandle(forReadingFrom: URL(fileURLWithPath: $0)) } ?? FileHandle.nullDevice
            o.fileHandleForReading.readabilityHandler = { [weak self] h in self?.append(h.availableData, error: false) }
            e.fileHandleForReading.readabilityHandler = { [weak self] h in self?.append(h.availableData, error: true) }
            try process.run()
        }

        private func append(_ d: Data, error: Bool) {
            lock.lock(); defer { lock.unlock() }
            if error { err.append(d) } else { out.append(d) }
        }

        var stdout: String { lock.lock(); defer { lock.unlock() }; return String(decoding: out, as: UTF8.self) }
        var stderr: String { lock.lock(); defer { lock.unlock() }; return String(decoding: err, as: UTF8.self) }

        /// Waits (up to `timeout` seconds) until stdout satisfies `condition`.
        func wait(timeout: Double, until condition: (String) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if condition(stdout) { return true }
                if !process.isRunning { return condition(stdout) }
                usleep(20_000)
            }
            return false
        }

        func finish(timeout: Double) -> Int32? {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { process.terminate(); return nil }
            usleep(100_000)  // let the last output arrive
            return process.terminationStatus
        }
    }

    @Test func pipedOutputHasNoCarriageReturns() throws {
        let dir = try S.tempDir("pipe")
        defer { S.remove(dir) }
        try S.makeDataset(in: dir, train: 60, test: 20)
        let q = try Running(["-c", "data = mnist validation=5\nm = train epochs=2 batch=10 units=8\neval m"], environment: ["RNNSH_DATA": dir])
        #expect(q.finish(timeout: 120) == 0)
        let out = q.stdout
        #expect(out.hasPrefix("Loaded MNIST-format data: IDX files in \(dir): train 55, validation 5, test 20\nTraining LSTM(8)"), "\(out)")
        #expect(out.contains("Epoch 0 completed out of 2 loss: ") && out.contains("Epoch 1 completed out of 2 loss: "))
        #expect(out.contains("\nAccuracy: "))
        #expect(!out.contains("\r") && !out.contains("\u{1B}"), "progress leaked into a pipe")
        #expect(q.stderr.isEmpty, "\(q.stderr)")
    }

    @Test func ctrlCStopsAfterABatchAndKeepsTheModel() throws {
        let dir = try S.tempDir("sigint")
        defer { S.remove(dir) }
        try S.makeDataset(in: dir, train: 60, test: 20)
        let p = try Running(["-c", "data = mnist validation=10\nm = train epochs=100000 batch=10 units=8\nvars\neval m"], environment: ["RNNSH_DATA": dir])
        #expect(p.wait(timeout: 120) { $0.contains("Epoch 1 completed") }, "training did not start: \(p.stdout) \(p.stderr)")
        kill(p.process.processIdentifier, SIGINT)
        let status = p.finish(timeout: 60)
        #expect(status == 0, "\(p.stderr)")
        let out = p.stdout
        // It stopped after a whole batch and says exactly what it completed; `m = train` binds
        // m only (issue 12: it used to overwrite `model` too).
        let stopped = try #require(out.firstMatch(of: #/Interrupted \(Ctrl-C\) after (\d+) epochs?(?: and (\d) of 5 batches)?: keeping the model trained so far\n/#), "\(out)")
        #expect((Int(stopped.output.1) ?? 0) >= 2)
        #expect(out.firstMatch(of: #/\nm +model/#) != nil && out.firstMatch(of: #/\nmodel +model/#) == nil, "\(out)")
        #expect(out.contains("\nAccuracy: "))
        #expect(p.stderr.isEmpty, "\(p.stderr)")
    }

    /// A small real subset of Fashion-MNIST (Debian's dataset-fashion-mnist, which CI installs):
    /// a few hundred steps take the model far above chance (0.1).
    @Test func learnsRealFashionMNIST() throws {
        let path = "/usr/share/datasets/fashion-mnist"
        guard FileManager.default.fileExists(atPath: path) else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("\(path) is missing, but CI must install dataset-fashion-mnist") }
            return
        }
        #if DEBUG
        let (limit, units, epochs, minimum) = (1500, 32, 2, 0.45)
        #else
        let (limit, units, epochs, minimum) = (6000, 64, 2, 0.70)
        #endif
        let shell = Interpreter()
        #expect(S.run("data = mnist \(path)", in: shell).hasPrefix("Loaded Fashion-MNIST: IDX files in \(path) (gzip)"))
        let out = S.run("m = train data epochs=\(epochs) examples=\(limit) units=\(units) batch=50 init=glorot lr=0.005", in: shell)
        #expect(out.contains("Epoch \(epochs - 1) completed out of \(epochs)"), "\(out)")
        // Evaluate on the first 1,000 test images (the whole split is slow in debug builds).
        S.run("x = data.test.images[:1000]; y = data.test.class_ids[:1000]; p = predict m x", in: shell)
        let p = try S.array(shell, "p"), y = try S.array(shell, "y")
        let correct = zip(p.scalars, y.scalars).filter { $0.0.doubleValue == $0.1.doubleValue }.count
        let accuracy = Double(correct) / 1000
        #expect(accuracy >= minimum, "accuracy \(accuracy) on 1,000 Fashion-MNIST test images (chance 0.1)")
    }
}
