import Foundation
import Testing
import Tensor
import Data

/// Finding data without a path, and the forms a path may take.
@Suite("dataset search")
struct DatasetLocatorTests {
    typealias S = DataTestSupport

    @Test("search order: RNNSH_DATA, /tmp/data/, ~/.keras/datasets/mnist.npz, Debian's Fashion-MNIST")
    func order() {
        #expect(DatasetLocator.searchPath(environment: ["RNNSH_DATA": "/d", "HOME": "/home/u"])
                == ["/d", "/tmp/data/", "/home/u/.keras/datasets/mnist.npz", "/home/u/.keras/datasets/fashion-mnist",
                    "/home/u/.keras/datasets/kmnist", "/usr/share/datasets/fashion-mnist/"])
        #expect(DatasetLocator.searchPath(environment: ["HOME": "/home/u"])
                == ["/tmp/data/", "/home/u/.keras/datasets/mnist.npz", "/home/u/.keras/datasets/fashion-mnist",
                    "/home/u/.keras/datasets/kmnist", "/usr/share/datasets/fashion-mnist/"])
    }

    @Test("places without dataset files are skipped; the first real one wins")
    func firstFound() throws {
        let root = try S.tempDir("search")
        defer { S.remove(root) }
        let empty = "\(root)/empty", data = "\(root)/fashion", later = "\(root)/later"
        for d in [empty, data, later] { try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true) }
        try S.makeIDXDataset(in: data, gzip: true)
        try S.makeIDXDataset(in: later)
        let found = try DatasetLocator.locate(in: [empty, "\(root)/missing.npz", data, later])
        #expect(found.path == data)
        #expect(found.description == "Fashion-MNIST: IDX files in \(data) (gzip)")
        #expect(throws: TensorError("no dataset found (looked in \(empty), \(root)/nothing)",
                                    explanation: "get the digits with `download mnist`, pass a path, set RNNSH_DATA, or install Fashion-MNIST: sudo apt-get install dataset-fashion-mnist")) {
            try DatasetLocator.locate(in: [empty, "\(root)/nothing"])
        }
        // RNNSH_DATA is taken as meant: a bad value is an error, not skipped.
        let env = ["RNNSH_DATA": empty, "HOME": root]
        #expect(S.error { _ = try Dataset.load(environment: env) } == "RNNSH_DATA=\(empty): no MNIST-format dataset here")
        let good = try Dataset.load(validation: 0, environment: ["RNNSH_DATA": later, "HOME": root])
        #expect(good.path == later && good.train.count == 12)
        #expect(try Dataset.load(path: "~/later", validation: 0, environment: ["HOME": root]).path == later)
        #expect(DatasetLocator.expandingTilde("~", environment: ["HOME": "/h"]) == "/h")
        #expect(DatasetLocator.expandingTilde("a/~", environment: ["HOME": "/h"]) == "a/~")
    }

    @Test("a path may be a prefix (EMNIST-style names), one of the files, or incomplete")
    func pathForms() throws {
        let dir = try S.tempDir("forms")
        defer { S.remove(dir) }
        try S.makeIDXDataset(in: dir, gzip: true, prefix: "emnist-digits-")
        let byPrefix = try DatasetLocator.resolve("\(dir)/emnist-digits")
        #expect(byPrefix.path == "\(dir)/emnist-digits-")
        #expect(byPrefix.description == "EMNIST: IDX files emnist-digits-* in \(dir) (gzip)")
        #expect(try DatasetLocator.resolve(dir) == byPrefix)  // the only dataset in the directory
        #expect(try DatasetLocator.resolve("\(dir)/emnist-digits-t10k-labels-idx1-ubyte.gz") == byPrefix)
        #expect(try Dataset.load(path: "\(dir)/emnist-digits", validation: 0).test.count == 4)

        try S.makeIDXDataset(in: dir, prefix: "emnist-letters-")
        #expect(S.error { _ = try DatasetLocator.resolve(dir) }
                == "\(dir): holds several datasets (emnist-digits-*, emnist-letters-*); pass one as \(dir)/emnist-digits")
        try FileManager.default.removeItem(atPath: "\(dir)/emnist-letters-t10k-images-idx3-ubyte")
        #expect(S.error { _ = try DatasetLocator.resolve("\(dir)/emnist-letters") }
                == "\(dir): incomplete dataset: missing emnist-letters-t10k-images-idx3-ubyte[.gz]")
        #expect(S.error { _ = try DatasetLocator.resolve("\(dir)/nope") } == "\(dir)/nope: No such file or directory")
    }
}
