import Tensor

/// One part of a dataset (train, validation or test), as TF's `DataSet` holds it: images as
/// float32 in [0, 1] flattened to one row per example, and labels as class ids or one-hot rows.
///
/// Splits are immutable values; taking the validation split from the front of training, or
/// `prefix(n)`, shares the pixels instead of copying them.
public struct DataSplit: Sendable {
    /// (count, features) float32, each row one flattened image (784 for 28×28).
    public let images: NDArray
    /// (count,) int64 class ids, always available (for accuracy and confusion matrices).
    public let classIDs: NDArray
    /// The labels a model trains on: `classIDs`, or (count, classCount) float32 one-hot rows.
    public let labels: NDArray
    public let classCount: Int
    public let oneHot: Bool

    public var count: Int { images.shape.first ?? 0 }
    /// Values per image (784 for MNIST).
    public var featureCount: Int { images.shape.count > 1 ? images.shape[1] : 0 }

    /// A split from float32 `images` (count, features) and int64 `classIDs` (count,) whose
    /// values lie in 0..<classCount; one-hot labels are made here when asked for.
    public init(images: NDArray, classIDs: NDArray, classCount: Int, oneHot: Bool) throws(TensorError) {
        guard images.dtype == .float32, images.ndim == 2 else {
            throw TensorError("images must be a float32 array of shape (count, features), not \(images.dtype.name) \(shapeString(images.shape))")
        }
        guard classIDs.dtype == .int64, classIDs.shape == [images.shape[0]] else {
            throw TensorError("labels must be int64 of shape (\(images.shape[0]),), not \(classIDs.dtype.name) \(shapeString(classIDs.shape))")
        }
        let ids = classIDs.elements(as: Int64.self) ?? []
        if let bad = ids.first(where: { $0 < 0 || $0 >= Int64(classCount) }) {
            throw TensorError("label \(bad) is outside the \(classCount) classes 0…\(classCount - 1)")
        }
        self.images = images
        self.classIDs = classIDs
        self.classCount = classCount
        self.oneHot = oneHot
        self.labels = oneHot ? try DataSplit.oneHotRows(ids, classCount: classCount) : classIDs
    }

    /// The class id of example `i` (nil when out of range).
    public func classID(at i: Int) -> Int? {
        guard i >= 0, i < count, case .int(let v)? = classIDs.scalar(at: [i]) else { return nil }
        return Int(v)
    }

    /// Example `i`'s image as a (features,) view (nil when out of range).
    public func image(at i: Int) -> NDArray? {
        guard i >= 0, i < count else { return nil }
        return NDArray(viewing: images.storage, dtype: .float32, shape: [featureCount], strides: [images.strides[1]],
                       offset: images.offset + i * images.strides[0])
    }

    /// Rows `range` of this split, sharing storage (how TF slices training into validation).
    public func slice(_ range: Range<Int>) -> DataSplit {
        let lo = max(0, min(range.lowerBound, count)), hi = max(lo, min(range.upperBound, count))
        func rows(_ a: NDArray) -> NDArray {
            var shape = a.shape
            shape[0] = hi - lo
            return NDArray(viewing: a.storage, dtype: a.dtype, shape: shape, strides: a.strides,
                           offset: hi > lo ? a.offset + lo * a.strides[0] : a.offset)
        }
        return DataSplit(images: rows(images), classIDs: rows(classIDs), labels: rows(labels), classCount: classCount, oneHot: oneHot)
    }

    /// The first `n` examples (all of them when `n` is larger), e.g. for `train examples=N`.
    public func prefix(_ n: Int) -> DataSplit { slice(0..<max(0, n)) }

    /// A contiguous copy of the examples at `indices` (each must be in range): one batch.
    public func gather(_ indices: [Int]) throws(TensorError) -> (images: NDArray, labels: NDArray) {
        for i in indices where i < 0 || i >= count {
            throw TensorError("index \(i) is out of bounds for a split of \(count) examples")
        }
        return (try DataSplit.gatherRows(images, indices), try DataSplit.gatherRows(labels, indices))
    }

    // MARK: Internals

    private init(images: NDArray, classIDs: NDArray, labels: NDArray, classCount: Int, oneHot: Bool) {
        self.images = images; self.classIDs = classIDs; self.labels = labels
        self.classCount = classCount; self.oneHot = oneHot
    }

    static func oneHotRows(_ ids: [Int64], classCount: Int) throws(TensorError) -> NDArray {
        let out = try NDArray(zeros: [ids.count, classCount], dtype: .float32)
        let p = out.storage.pointer.bindMemory(to: Float.self, capacity: max(1, ids.count * classCount))
        for (row, id) in ids.enumerated() { p[row * classCount + Int(id)] = 1 }
        return out
    }

    /// Copies whole rows (axis 0) of `a` in the order of `indices`.
    static func gatherRows(_ a: NDArray, _ indices: [Int]) throws(TensorError) -> NDArray {
        var shape = a.shape
        shape[0] = indices.count
        let out = try NDArray(zeros: shape, dtype: a.dtype)
        let w = a.itemSize
        let rowElements = shape.dropFirst().reduce(1, *)
        let src = try a.contiguous()
        let dst = out.storage.pointer
        for (k, i) in indices.enumerated() {
            dst.advanced(by: k * rowElements * w).copyMemory(
                from: src.storage.pointer.advanced(by: (src.offset + i * rowElements) * w), byteCount: rowElements * w)
        }
        return out
    }
}
