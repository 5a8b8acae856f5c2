import Foundation
import Testing
import Tensor
import Data

/// Loading MNIST-format IDX files, raw and gzip, and every way they can be broken.
@Suite("IDX datasets")
struct IDXLoaderTests {
    typealias S = DataTestSupport

    @Test("a raw IDX dataset loads like read_data_sets: validation from the front of training")
    func loadsRaw() throws {
        let dir = try S.tempDir("raw")
        defer { S.remove(dir) }
        try S.makeIDXDataset(in: dir)
        let d = try Dataset.load(path: dir, validation: 2)
        #expect(try d.train.images.shape == [10, 784] && d.train.images.dtype == .float32)
        #expect(try d.validation.images.shape == [2, 784])
        #expect(try d.test.images.shape == [4, 784])
        #expect(d.train.labels.shape == [10] && d.train.labels.dtype == .int64)
        #expect(d.classCount == 10)
        #expect(d.source == "MNIST-format data: IDX files in \(dir)")
        #expect(d.path == dir)
        // Validation is training images 0 and 1; train starts at image 2.
        #expect(d.validation.image(at: 1)?.elements(as: Float.self) == (0..<784).map { S.scaled(S.pixel(1, $0)) })
        #expect(d.train.image(at: 0)?.elements(as: Float.self) == (0..<784).map { S.scaled(S.pixel(2, $0)) })
        #expect(d.test.image(at: 3)?.elements(as: Float.self) == (0..<784).map { S.scaled(S.pixel(3, $0)) })
        #expect(d.train.classIDs.elements(as: Int64.self) == (2..<12).map { Int64(S.label($0)) })
        #expect(d.validation.classID(at: 0) == Int(S.label(0)))
        #expect(d.test.labels.elements(as: Int64.self) == (0..<4).map { Int64(S.label($0)) })
    }

    @Test("gzip files give the same data; validation 0 keeps every training image; one-hot labels")
    func loadsGzipOneHot() throws {
        let dir = try S.tempDir("gz")
        defer { S.remove(dir) }
        try S.makeIDXDataset(in: dir, gzip: true)
        let d = try Dataset.load(path: dir + "/", oneHot: true, validation: 0)
        #expect(d.source == "MNIST-format data: IDX files in \(dir) (gzip)")
        #expect(d.train.count == 12 && d.validation.count == 0 && d.test.count == 4)
        #expect(try d.validation.images.shape == [0, 784])
        #expect(d.train.labels.shape == [12, 10] && d.train.labels.dtype == .float32)
        let rows = try #require(d.train.labels.elements(as: Float.self))
        for i in 0..<12 {
            #expect(Array(rows[(i * 10)..<(i * 10 + 10)]) == (0..<10).map { $0 == Int(S.label(i)) ? 1 : 0 })
        }
        #expect(d.train.classIDs.elements(as: Int64.self) == (0..<12).map { Int64(S.label($0)) })
        #expect(d.train.image(at: 11)?.elements(as: Float.self) == (0..<784).map { S.scaled(S.pixel(11, $0)) })
    }

    @Test("pixels scale exactly as numpy computes TF's images * (1.0 / 255.0) in float32")
    func scalingMatchesNumpy() throws {
        let numpy = try IOPython.run("""
        import numpy as np
        x = np.arange(256, dtype=np.uint8).astype(np.float32) * (1.0 / 255.0)
        assert x.dtype == np.float32
        print(' '.join(str(int(b)) for b in x.view(np.uint32)))
        """)
        let ours = (0..<256).map { String(S.scaled(UInt8($0)).bitPattern) }.joined(separator: " ")
        #expect(numpy == ours + "\n")
        let table = try Dataset.scaledImages((0..<784).map { UInt8($0 % 256) }, count: 1)
        #expect(table.elements(as: Float.self) == (0..<784).map { S.scaled(UInt8($0 % 256)) })
    }

    @Test func validationSizeOutOfRange() throws {
        let dir = try S.tempDir("val")
        defer { S.remove(dir) }
        try S.makeIDXDataset(in: dir)
        #expect(S.error { _ = try Dataset.load(path: dir, validation: 13) } == "Validation size should be between 0 and 12. Received: 13.")
        #expect(S.error { _ = try Dataset.load(path: dir, validation: -1) } == "Validation size should be between 0 and 12. Received: -1.")
    }

    // MARK: Corrupt files

    /// Loads `dir` after replacing one file's bytes; returns the error message.
    func loadWith(_ name: String, _ bytes: [UInt8], gzip: Bool = false) throws -> String? {
        let dir = try S.tempDir("bad")
        defer { S.remove(dir) }
        try S.makeIDXDataset(in: dir, gzip: gzip)
        try S.write("\(dir)/\(name)", bytes)
        return S.error { _ = try Dataset.load(path: dir) }.map { $0.replacingOccurrences(of: dir, with: "D") }
    }

    @Test func truncatedFiles() throws {
        let images = S.idxImages(count: 12)
        #expect(try loadWith("train-images-idx3-ubyte", Array(images.prefix(1000)))
                == "D/train-images-idx3-ubyte: truncated: the header says 12 images of 28×28 (9408 bytes) but the file holds 984")
        #expect(try loadWith("train-images-idx3-ubyte", Array(images.prefix(10)))
                == "D/train-images-idx3-ubyte: truncated: the IDX header needs 16 bytes, the file has 10")
        #expect(try loadWith("t10k-labels-idx1-ubyte", [0, 0])
                == "D/t10k-labels-idx1-ubyte: truncated: 2 bytes is too short for an IDX header")
        #expect(try loadWith("t10k-labels-idx1-ubyte", [])
                == "D/t10k-labels-idx1-ubyte: truncated: 0 bytes is too short for an IDX header")
        #expect(try loadWith("train-labels-idx1-ubyte", S.idxLabels(count: 12) + [7])
                == "D/train-labels-idx1-ubyte: 1 unexpected bytes after 12 labels")
        // A gzip stream cut short, and one whose compressed bytes are damaged.
        let gz = try S.gzip(images)
        #expect(try loadWith("train-images-idx3-ubyte.gz", Array(gz.prefix(gz.count / 2)), gzip: true)
                == "D/train-images-idx3-ubyte.gz: compressed data is truncated")
        var damaged = gz
        for i in 12..<40 { damaged[i] = 0xff }
        let message = try loadWith("train-images-idx3-ubyte.gz", damaged, gzip: true)
        #expect(message == "D/train-images-idx3-ubyte.gz: corrupt compressed data (incorrect data check)")
    }

    @Test func wrongMagicNumbers() throws {
        #expect(try loadWith("train-images-idx3-ubyte", S.idxLabels(count: 12))
                == "D/train-images-idx3-ubyte: this is an IDX label file (magic number 0x00000801), expected images (0x00000803)")
        #expect(try loadWith("t10k-labels-idx1-ubyte", S.idxImages(count: 4))
                == "D/t10k-labels-idx1-ubyte: this is an IDX image file (magic number 0x00000803), expected labels (0x00000801)")
        #expect(try loadWith("t10k-labels-idx1-ubyte", Array("PK\u{3}\u{4} not idx".utf8))
                == "D/t10k-labels-idx1-ubyte: not an MNIST label file (magic number 0x504b0304, expected 0x00000801)")
        var floats = S.idxImages(count: 12)
        floats[2] = 0x0d
        #expect(try loadWith("train-images-idx3-ubyte", floats)
                == "D/train-images-idx3-ubyte: IDX data type 0x0d is not supported (MNIST-format files hold unsigned bytes, 0x08)")
    }

    @Test func countsThatDisagree() throws {
        #expect(try loadWith("train-labels-idx1-ubyte", S.idxLabels(count: 11))
                == "D/train-labels-idx1-ubyte: 11 labels, but D/train-images-idx3-ubyte holds 12 images")
        #expect(try loadWith("t10k-labels-idx1-ubyte.gz", try S.gzip(S.idxLabels(count: 5)), gzip: true)
                == "D/t10k-labels-idx1-ubyte.gz: 5 labels, but D/t10k-images-idx3-ubyte.gz holds 4 images")
    }

    /// Any image size loads (a model reads rows × columns), but train and test must agree and a
    /// side must be sane.
    @Test func imagesOfAnotherSize() throws {
        #expect(try loadWith("t10k-images-idx3-ubyte", S.idxImages(count: 4, rows: 32, cols: 32))
                == "D/t10k-images-idx3-ubyte: images are 32×32, but D/train-images-idx3-ubyte holds 28×28 images")
        #expect(try loadWith("train-images-idx3-ubyte", S.idxImages(count: 12, rows: 28, cols: 27))
                == "D/t10k-images-idx3-ubyte: images are 28×28, but D/train-images-idx3-ubyte holds 28×27 images")
        #expect(try loadWith("train-images-idx3-ubyte", S.idxImages(count: 12, rows: 0, cols: 28))
                == "D/train-images-idx3-ubyte: images are 0×28; expected 2-d images (rows × columns, each 1…4096) such as MNIST's 28×28")
        let dir = try S.tempDir("56")
        defer { S.remove(dir) }
        try S.write("\(dir)/train-images-idx3-ubyte", S.idxImages(count: 12, rows: 56, cols: 56))
        try S.write("\(dir)/train-labels-idx1-ubyte", S.idxLabels(count: 12))
        try S.write("\(dir)/t10k-images-idx3-ubyte", S.idxImages(count: 4, rows: 56, cols: 56))
        try S.write("\(dir)/t10k-labels-idx1-ubyte", S.idxLabels(count: 4))
        let d = try Dataset.load(path: dir, validation: 2)
        #expect(d.imageShape == (56, 56))
        #expect(d.train.pixels.shape == [10, 3136] && d.test.pixels.shape == [4, 3136])
        #expect(d.test.pixels.elements(as: UInt8.self) == Array(S.idxImages(count: 4, rows: 56, cols: 56).dropFirst(16)))
    }

    @Test("a header claiming billions of images is refused without allocating")
    func hugeHeader() throws {
        let lie: [UInt8] = [0, 0, 8, 3] + S.be32(0x7fff_ffff) + S.be32(0x7fff_ffff) + S.be32(0x7fff_ffff) + [1, 2, 3]
        #expect(try loadWith("train-images-idx3-ubyte", lie)
                == "D/train-images-idx3-ubyte: header sizes 2147483647×2147483647×2147483647 are too big")
        let million: [UInt8] = [0, 0, 8, 3] + S.be32(1_000_000) + S.be32(28) + S.be32(28) + [1, 2, 3]
        #expect(try loadWith("train-images-idx3-ubyte", million)
                == "D/train-images-idx3-ubyte: truncated: the header says 1000000 images of 28×28 (784000000 bytes) but the file holds 3")
    }

    @Test("mutated IDX and gzip files never crash the loader")
    func fuzz() throws {
        var rng = ShuffleGenerator(seed: 7)
        let raw = S.idxImages(count: 3)
        let gz = try S.gzip(raw)
        let labels = S.idxLabels(count: 3)
        var rejected = 0
        for i in 0..<3000 {
            let (base, kind): ([UInt8], IDXFile.Kind) = [(raw, .images), (gz, .images), (labels, .labels)][i % 3]
            var b = base
            switch rng.below(3) {
            case 0: for _ in 0...rng.below(6) { b[rng.below(b.count)] = UInt8(truncatingIfNeeded: rng.next()) }
            case 1: b = Array(b.prefix(rng.below(b.count)))
            default: b[min(b.count - 4, 4 + 4 * rng.below(3))] = UInt8(truncatingIfNeeded: rng.next())
            }
            do {
                let contents = b.starts(with: [0x1f, 0x8b]) ? try Deflate.gunzip(b, name: "f") : b
                _ = try IDXFile(contents: contents, path: "f", kind: kind)
            } catch {
                rejected += 1
                #expect(error.message.hasPrefix("f: ") && !error.message.contains(where: \.isNewline), "\(error.message)")
            }
        }
        #expect(rejected > 1000)
    }
}

/// python3 + numpy for the few tests that ask numpy itself.
enum IOPython {
    static func run(_ script: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
