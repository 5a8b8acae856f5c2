import Testing
import Tensor
import Data

/// `next_batch` as TF's DataSet does it: shuffled each epoch, seeded, and the epoch boundary
/// filled with the rest of the old epoch followed by the start of the new one.
@Suite("batching")
struct BatchIteratorTests {
    /// A split of `n` examples whose image row i is filled with i/1000 and whose label is i % 10.
    func split(_ n: Int, oneHot: Bool = false) throws -> DataSplit {
        let images = try NDArray((0..<(n * 784)).map { Float($0 / 784) / 1000 }, shape: [n, 784])
        let ids = try NDArray((0..<n).map { Int64($0 % 10) }, shape: [n])
        return try DataSplit(images: images, classIDs: ids, classCount: 10, oneHot: oneHot)
    }

    @Test("each epoch is a permutation; a batch across the boundary is old rest + new start")
    func epochBoundary() throws {
        var it = BatchIterator(try split(10), seed: 1)
        let a = try it.nextIndices(4), b = try it.nextIndices(4)
        #expect(it.epochsCompleted == 0 && it.indexInEpoch == 8)
        let firstOrder = it.order
        #expect(Set(a + b).count == 8)
        let c = try it.nextIndices(4)  // 2 left in epoch 0, then 2 from epoch 1
        #expect(it.epochsCompleted == 1 && it.indexInEpoch == 2)
        #expect(Array(c.prefix(2)) == Array(firstOrder[8..<10]))
        #expect(Array(c.suffix(2)) == Array(it.order[0..<2]))
        #expect((a + b + c.prefix(2)).sorted() == Array(0..<10))
        #expect(it.order.sorted() == Array(0..<10))
        #expect(it.order != firstOrder)  // reshuffled (this seed happens to differ)
    }

    @Test("the same seed gives the same batches; another seed does not")
    func determinism() throws {
        let s = try split(50)
        func run(_ seed: UInt64) throws -> [[Int]] {
            var it = BatchIterator(s, seed: seed)
            return try (0..<30).map { _ in try it.nextIndices(7) }
        }
        #expect(try run(42) == run(42))
        #expect(try run(42) != run(43))
        let first = try run(42)
        #expect(first[0] != Array(0..<7))  // shuffled before the first batch, as TF does
    }

    @Test("without shuffling batches walk the split in order and wrap")
    func unshuffled() throws {
        var it = BatchIterator(try split(5), shuffle: false)
        #expect(try it.nextIndices(2) == [0, 1])
        #expect(try it.nextIndices(2) == [2, 3])
        #expect(try it.nextIndices(2) == [4, 0])
        #expect(try it.nextIndices(5) == [1, 2, 3, 4, 0])
        #expect(it.epochsCompleted == 2)
    }

    @Test("nextBatch returns the gathered images and labels")
    func gathers() throws {
        let s = try split(20, oneHot: true)
        var it = BatchIterator(s, seed: 9)
        var copy = it
        let idx = try copy.nextIndices(6)
        let (images, labels) = try it.nextBatch(6)
        #expect(images.shape == [6, 784] && labels.shape == [6, 10])
        let rows = try #require(images.elements(as: Float.self))
        let hot = try #require(labels.elements(as: Float.self))
        for (k, i) in idx.enumerated() {
            #expect(rows[k * 784] == Float(i) / 1000 && rows[k * 784 + 783] == Float(i) / 1000)
            #expect(hot[(k * 10)..<(k * 10 + 10)].firstIndex(of: 1).map { $0 - k * 10 } == i % 10)
        }
        // Batches of a validation-style slice (a view at an offset) gather the right rows.
        let tail = s.slice(15..<20)
        var t = BatchIterator(tail, shuffle: false)
        let (ti, tl) = try t.nextBatch(3)
        #expect(ti.elements(as: Float.self)?[784] == Float(16) / 1000)
        #expect(tl.shape == [3, 10])
    }

    @Test func badBatchSizes() throws {
        var it = BatchIterator(try split(5))
        #expect(throws: TensorError("batch size must be positive, not 0")) { try it.nextIndices(0) }
        #expect(throws: TensorError("batch size 6 is larger than the split's 5 examples")) { try it.nextIndices(6) }
        var empty = BatchIterator(try split(5).slice(0..<0))
        #expect(throws: TensorError("cannot take a batch from an empty split")) { try empty.nextBatch(1) }
    }

    @Test func splitChecks() throws {
        let images = try NDArray([Float](repeating: 0, count: 784 * 2), shape: [2, 784])
        #expect(throws: TensorError("label 10 is outside the 10 classes 0…9")) {
            try DataSplit(images: images, classIDs: try NDArray([Int64(1), 10], shape: [2]), classCount: 10, oneHot: false)
        }
        #expect(throws: TensorError("labels must be int64 of shape (2,), not int64 (3,)")) {
            try DataSplit(images: images, classIDs: try NDArray([Int64(1), 2, 3], shape: [3]), classCount: 10, oneHot: false)
        }
        let s = try DataSplit(images: images, classIDs: try NDArray([Int64(1), 2], shape: [2]), classCount: 10, oneHot: false)
        #expect(s.prefix(1).count == 1 && s.prefix(99).count == 2 && s.image(at: 2) == nil && s.classID(at: 1) == 2)
    }
}
