import Foundation
import Testing
import Tensor
import Data

/// The real Fashion-MNIST files from Debian's `dataset-fashion-mnist` (gzip IDX). CI installs
/// the package, so there a missing directory is a failure; elsewhere the test passes vacuously
/// and says why.
@Suite("Debian Fashion-MNIST package")
struct FashionMNISTPackageTests {
    static let dir = "/usr/share/datasets/fashion-mnist"

    @Test("loads 55,000 + 5,000 + 10,000 images with numpy's values")
    func loads() throws {
        guard FileManager.default.fileExists(atPath: Self.dir) else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("\(Self.dir) is missing, but CI must install dataset-fashion-mnist")
            }
            return
        }
        let d = try Dataset.load(path: Self.dir)
        #expect(d.source == "Fashion-MNIST: IDX files in \(Self.dir) (gzip)")
        #expect(try d.train.images.shape == [55000, 784] && d.validation.images.shape == [5000, 784] && d.test.images.shape == [10000, 784])
        #expect(d.classCount == 10)
        // Facts computed by numpy from the same files (gzip + np.frombuffer).
        let trainIDs = try #require(d.train.classIDs.elements(as: Int64.self))
        let validationIDs = try #require(d.validation.classIDs.elements(as: Int64.self))
        let testIDs = try #require(d.test.classIDs.elements(as: Int64.self))
        #expect(Array(validationIDs.prefix(12)) == [9, 0, 0, 3, 0, 2, 7, 2, 5, 5, 0, 9])
        #expect(Array(trainIDs.prefix(10)) == [4, 0, 7, 9, 9, 9, 4, 4, 3, 4])
        #expect(Array(testIDs.prefix(12)) == [9, 2, 1, 1, 6, 1, 4, 6, 5, 7, 4, 5])
        var perClass = [Int](repeating: 0, count: 10)
        for id in trainIDs + validationIDs { perClass[Int(id)] += 1 }
        #expect(perClass == [Int](repeating: 6000, count: 10))
        func byteSum(_ a: NDArray) -> Int {
            a.withContiguousElements(Float.self) { p in p.reduce(0) { $0 + Int(($1 * 255).rounded()) } } ?? -1
        }
        #expect(byteSum(try #require(d.validation.image(at: 0))) == 76247)
        #expect(byteSum(try #require(d.train.image(at: 0))) == 94772)
        #expect(byteSum(try d.test.images) == 573_469_082)
    }
}
