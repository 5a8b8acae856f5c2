import Foundation
import Testing
import Tensor
import Data

/// Keras's `mnist.npz` (x_train, y_train, x_test, y_test), written by numpy and by our writer.
@Suite("Keras mnist.npz")
struct KerasNPZTests {
    typealias S = DataTestSupport

    func pixels(_ n: Int, side: Int = 28) throws -> NDArray {
        try NDArray((0..<(n * side * side)).map { S.pixel($0 / (side * side), $0 % (side * side)) }, shape: [n, side, side])
    }

    func labels(_ n: Int) throws -> NDArray { try NDArray((0..<n).map { S.label($0) }, shape: [n]) }

    @Test("an npz written by numpy.savez_compressed loads like the IDX files")
    func numpyWritten() throws {
        let dir = try S.tempDir("npz")
        defer { S.remove(dir) }
        let path = "\(dir)/mnist.npz"
        _ = try IOPython.run("""
        import numpy as np
        n, m = 9, 3
        def px(count):
            i = np.arange(count * 784)
            return (((i // 784) * 31 + (i % 784) * 7) % 256).astype(np.uint8).reshape(count, 28, 28)
        lab = lambda count: ((np.arange(count) * 3 + 1) % 10).astype(np.uint8)
        np.savez_compressed('\(path)', x_train=px(n), y_train=lab(n), x_test=px(m), y_test=lab(m))
        """)
        let d = try Dataset.load(path: path, validation: 4)
        #expect(d.source == "MNIST: Keras npz at \(path)")
        #expect(d.train.count == 5 && d.validation.count == 4 && d.test.count == 3)
        #expect(d.train.image(at: 0)?.elements(as: Float.self) == (0..<784).map { S.scaled(S.pixel(4, $0)) })
        #expect(d.test.classIDs.elements(as: Int64.self) == (0..<3).map { Int64(S.label($0)) })
        // A directory holding mnist.npz resolves to it.
        #expect(try Dataset.load(path: dir, validation: 0).path == path)
    }

    @Test("an npz from our own writer, int64 labels, one-hot")
    func ourWriter() throws {
        let dir = try S.tempDir("npz2")
        defer { S.remove(dir) }
        let path = "\(dir)/digits.npz"
        let y = try NDArray((0..<6).map { Int64(S.label($0)) }, shape: [6])
        try NPZFile.write([("x_train", try pixels(6)), ("y_train", y), ("x_test", try pixels(2)), ("y_test", try labels(2))], to: path)
        let d = try Dataset.load(path: path, oneHot: true, validation: 1)
        #expect(d.train.labels.shape == [5, 10])
        #expect(d.validation.classID(at: 0) == Int(S.label(0)))
    }

    func npzError(_ members: [(name: String, array: NDArray)]) throws -> String? {
        let dir = try S.tempDir("npzbad")
        defer { S.remove(dir) }
        try NPZFile.write(members, to: "\(dir)/m.npz")
        return S.error { _ = try Dataset.load(path: "\(dir)/m.npz") }.map { $0.replacingOccurrences(of: dir, with: "D") }
    }

    /// Images of another size load as they are: (n, 56, 56), or (n, 3136) read as 56×56.
    @Test func imagesOf56x56() throws {
        let dir = try S.tempDir("npz56")
        defer { S.remove(dir) }
        try NPZFile.write([("x_train", try pixels(5, side: 56)), ("y_train", try labels(5)),
                           ("x_test", try pixels(2, side: 56).reshape([2, 3136])), ("y_test", try labels(2))], to: "\(dir)/m.npz")
        let d = try Dataset.load(path: "\(dir)/m.npz", validation: 1)
        #expect(d.imageShape == (56, 56))
        #expect(d.train.pixels.shape == [4, 3136] && d.test.pixels.shape == [2, 3136])
        #expect(try npzError([("x_train", try pixels(2)), ("y_train", try labels(2)), ("x_test", try NDArray(zeros: [1, 30], dtype: .uint8)), ("y_test", try labels(1))])
                == "D/m.npz: x_test has shape (1, 30); expected images (n, rows, columns) such as (n, 28, 28)")
    }

    @Test func badMembers() throws {
        #expect(try npzError([("x_train", try pixels(2)), ("y_train", try labels(2))])
                == "D/m.npz: no member x_test (found: x_train, y_train); a Keras mnist.npz holds x_train, y_train, x_test, y_test")
        #expect(try npzError([("x_train", try pixels(2, side: 32)), ("y_train", try labels(2)), ("x_test", try pixels(1)), ("y_test", try labels(1))])
                == "D/m.npz: x_test: images are 28×28, but x_train holds 32×32 images")
        #expect(try npzError([("x_train", try pixels(2)), ("y_train", try labels(3)), ("x_test", try pixels(1)), ("y_test", try labels(1))])
                == "D/m.npz: 3 labels in y_train, but x_train holds 2 images")
        let floats = try NDArray([Float](repeating: 0, count: 784), shape: [1, 28, 28])
        #expect(try npzError([("x_train", floats), ("y_train", try labels(1)), ("x_test", try pixels(1)), ("y_test", try labels(1))])
                == "D/m.npz: x_train is float32; expected uint8 pixels 0…255")
        let negative = try NDArray([Int64(-3)], shape: [1])
        #expect(try npzError([("x_train", try pixels(1)), ("y_train", negative), ("x_test", try pixels(1)), ("y_test", try labels(1))])
                == "D/m.npz: y_train holds the label -3, outside 0…255")
    }
}
