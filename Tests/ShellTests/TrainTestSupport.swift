import Foundation
import Testing
import Tensor
import TestSupport
@testable import Shell

/// Helpers of the train/eval/data/cell command tests: scratch directories, small MNIST-format
/// datasets written byte by byte (good and corrupt), and the TensorFlow fixture of RNNTests.
enum TrainTestSupport {
    static func tempDir(_ label: String) throws -> String { try ScratchDirectory("train-\(label)").path }
    static func remove(_ dir: String) { ScratchDirectory.remove(dir) }
    static func write(_ path: String, _ bytes: [UInt8]) throws { try ScratchDirectory.write(path, bytes) }

    static func be32(_ v: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: v >> $0) } }

    /// The class of crafted example `i`.
    static func label(_ i: Int) -> Int { (i * 7 + 3) % 10 }

    /// A crafted image that a model can learn: class k lights up row 2k+3 (and a little noise).
    static func pixel(_ image: Int, _ k: Int) -> UInt8 {
        let row = k / 28
        if row == 2 * label(image) + 3 { return 255 }
        return UInt8((image * 31 + k * 7) % 40)
    }

    static func idxImages(count: Int, rows: Int = 28, cols: Int = 28) -> [UInt8] {
        var out: [UInt8] = [0, 0, 8, 3] + be32(count) + be32(rows) + be32(cols)
        for i in 0..<count { for k in 0..<(rows * cols) { out.append(pixel(i, k)) } }
        return out
    }

    static func idxLabels(count: Int) -> [UInt8] {
        [0, 0, 8, 1] + be32(count) + (0..<count).map { UInt8(label($0)) }
    }

    /// The four raw IDX files of a dataset with `train` and `test` examples.
    static func makeDataset(in dir: String, train: Int = 40, test: Int = 20) throws {
        try write("\(dir)/train-images-idx3-ubyte", idxImages(count: train))
        try write("\(dir)/train-labels-idx1-ubyte", idxLabels(count: train))
        try write("\(dir)/t10k-images-idx3-ubyte", idxImages(count: test))
        try write("\(dir)/t10k-labels-idx1-ubyte", idxLabels(count: test))
    }

    /// The repository root, from this file's path.
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Tests/RNNTests/Fixtures/tf_lstm.json, made with TensorFlow by scripts/tf_fixtures.py.
    static func tfFixture() throws -> [String: Any] {
        let url = root.appendingPathComponent("Tests/RNNTests/Fixtures/tf_lstm.json")
        let data = try Data(contentsOf: url)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A fixture array as (shape, values).
    static func fixtureArray(_ f: [String: Any], _ key: String) throws -> (shape: [Int], values: [Float]) {
        let e = try #require(f[key] as? [String: Any])
        let shape = try #require(e["shape"] as? [NSNumber]).map(\.intValue)
        let values = try #require(e["data"] as? [NSNumber]).map(\.floatValue)
        return (shape, values)
    }

    static func ndarray(_ f: [String: Any], _ key: String) throws -> NDArray {
        let (shape, values) = try fixtureArray(f, key)
        return try NDArray(values, shape: shape)
    }

    static func floats(_ a: NDArray) -> [Float] { a.scalars.map { Float($0.doubleValue) } }

    /// Largest |a−b| / max(|b|, 1e-3).
    static func maxRelativeError(_ a: [Float], _ b: [Float]) -> Double {
        guard a.count == b.count else { return .infinity }
        var m = 0.0
        for (x, y) in zip(a, b) {
            let e = abs(Double(x) - Double(y)) / max(abs(Double(y)), 1e-3)
            if !(e <= m) { m = e.isNaN ? .infinity : e }
        }
        return m
    }

    /// An array value from the workspace.
    static func array(_ shell: Interpreter, _ name: String) throws -> NDArray {
        guard case .array(let a)? = shell.workspace[name] else {
            Issue.record("\(name) is not an array in the workspace")
            throw ShellError("not an array")
        }
        return a
    }

    /// Runs statements and returns their text; errors as `error: …`, progress as `progress: …`.
    @discardableResult
    static func run(_ source: String, in shell: Interpreter) -> String {
        Shell_run(source, in: shell)
    }
}

/// The `run` helper of InterpreterTests, under a name this file can call unambiguously.
func Shell_run(_ source: String, in shell: Interpreter) -> String {
    run(source, in: shell)
}
