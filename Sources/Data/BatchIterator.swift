import Tensor

/// Mini-batches over a split, exactly as TF's `DataSet.next_batch` hands them out: the order
/// is shuffled before the first batch and again at every epoch boundary, and a batch that
/// crosses the boundary is the rest of the old epoch followed by the start of the new one.
/// A seed makes the sequence reproducible.
public struct BatchIterator: Sendable {
    public let split: DataSplit
    public let shuffle: Bool
    /// Completed passes over the split.
    public private(set) var epochsCompleted = 0
    /// Position within the current epoch's order.
    public private(set) var indexInEpoch = 0
    /// The current epoch's order of example indices.
    public private(set) var order: [Int]
    private var rng: ShuffleGenerator
    private var started = false

    public init(_ split: DataSplit, seed: UInt64 = 0, shuffle: Bool = true) {
        self.split = split
        self.shuffle = shuffle
        self.order = Array(0..<split.count)
        self.rng = ShuffleGenerator(seed: seed)
    }

    /// The example indices of the next batch of `n` (TF's `next_batch` bookkeeping).
    public mutating func nextIndices(_ n: Int) throws(TensorError) -> [Int] {
        let total = split.count
        guard n > 0 else { throw TensorError("batch size must be positive, not \(n)") }
        guard total > 0 else { throw TensorError("cannot take a batch from an empty split") }
        guard n <= total else { throw TensorError("batch size \(n) is larger than the split's \(total) examples") }
        if !started {
            started = true
            if shuffle { rng.shuffle(&order) }
        }
        let start = indexInEpoch
        if start + n > total {
            // Finish this epoch, reshuffle, and fill the batch from the start of the next.
            epochsCompleted += 1
            let rest = Array(order[start..<total])
            if shuffle { rng.shuffle(&order) }
            indexInEpoch = n - rest.count
            return rest + order[0..<indexInEpoch]
        }
        indexInEpoch += n
        return Array(order[start..<indexInEpoch])
    }

    /// The next batch: `(images, labels)` as (n, features) and (n,) or (n, classes) arrays.
    public mutating func nextBatch(_ n: Int) throws(TensorError) -> (images: NDArray, labels: NDArray) {
        try split.gather(nextIndices(n))
    }
}
