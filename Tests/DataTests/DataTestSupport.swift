import Foundation
import Testing
import Tensor
import TestSupport
import Data

/// Builds small MNIST-format datasets on disk (raw or gzip IDX files, Keras-style npz) so the
/// loaders can be tested on known contents, good and corrupt.
enum DataTestSupport {
    static func tempDir(_ label: String) throws -> String { try ScratchDirectory("data-\(label)").path }
    static func remove(_ dir: String) { ScratchDirectory.remove(dir) }
    static func write(_ path: String, _ bytes: [UInt8]) throws { try ScratchDirectory.write(path, bytes) }

    static func be32(_ v: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: v >> $0) } }

    /// An IDX image file of `count` images of rows×cols; pixel values follow `pixel(i, k)`.
    static func idxImages(count: Int, rows: Int = 28, cols: Int = 28) -> [UInt8] {
        var out: [UInt8] = [0, 0, 8, 3] + be32(count) + be32(rows) + be32(cols)
        for i in 0..<count { for k in 0..<(rows * cols) { out.append(pixel(i, k)) } }
        return out
    }

    static func pixel(_ image: Int, _ k: Int) -> UInt8 { UInt8((image * 31 + k * 7) % 256) }

    static func label(_ i: Int) -> UInt8 { UInt8((i * 3 + 1) % 10) }

    static func idxLabels(count: Int) -> [UInt8] {
        [0, 0, 8, 1] + be32(count) + (0..<count).map(label)
    }

    /// A gzip file of `data` (RFC 1952), built from zlib's raw deflate and CRC-32.
    static func gzip(_ data: [UInt8]) throws -> [UInt8] {
        let crc = Deflate.crc32(data)
        let trailer = (0..<4).map { UInt8(truncatingIfNeeded: crc >> (8 * $0)) } + (0..<4).map { UInt8(truncatingIfNeeded: data.count >> (8 * $0)) }
        return [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff] + (try Deflate.deflateRaw(data)) + trailer
    }

    /// A directory with the four IDX files (train: `train` images, test: `test`), gzip or raw.
    static func makeIDXDataset(in dir: String, train: Int = 12, test: Int = 4, gzip gz: Bool = false, prefix: String = "") throws {
        let files: [(String, [UInt8])] = [
            ("train-images-idx3-ubyte", idxImages(count: train)), ("train-labels-idx1-ubyte", idxLabels(count: train)),
            ("t10k-images-idx3-ubyte", idxImages(count: test)), ("t10k-labels-idx1-ubyte", idxLabels(count: test)),
        ]
        for (name, bytes) in files {
            try write("\(dir)/\(prefix)\(name)\(gz ? ".gz" : "")", gz ? try gzip(bytes) : bytes)
        }
    }

    /// The float32 TF's read_data_sets gives pixel `v`: `float32(v) * float32(1/255)`.
    static func scaled(_ v: UInt8) -> Float { Float(v) * Float(1.0 / 255.0) }

    /// The message of the TensorError `body` throws (nil if it succeeds).
    static func error(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch let e as TensorError { return e.message } catch { return "not a TensorError: \(error)" }
    }
}
