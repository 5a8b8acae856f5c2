import Foundation
import Tensor

/// One part of a dataset (train, validation or test), as TF's `DataSet` holds it: images as
/// float32 in [0, 1] flattened to one row per example, and labels as class ids or one-hot rows.
///
/// The pixels are stored as they came (uint8 0…255 for MNIST-format files) with the scale that
/// makes them TF's float32 (`pixels.astype(float32) * float32(1/255)`, per element, exactly):
/// 55 MB for MNIST's 70,000 images instead of 220 MB. Batches (`gather`, `next_batch`) are
/// scaled as they are taken, the engine scales per chunk, and `images` gives the whole float32
/// array only when someone asks for it (printing `data.train.images`), made once and kept.
///
/// Splits are immutable values; taking the validation split from the front of training, or
/// `prefix(n)`, shares the pixels instead of copying them.
public struct DataSplit: Sendable {
    /// (count, features): uint8 pixels, or float32 images (then `pixelScale` is 1).
    public let pixels: NDArray
    /// What one unit of `pixels` is as a float32 image value (1/255 for bytes).
    public let pixelScale: Float
    /// (count,) int64 class ids, always available (for accuracy and confusion matrices).
    public let classIDs: NDArray
    /// The labels a model trains on: `classIDs`, or (count, classCount) float32 one-hot rows.
    public let labels: NDArray
    public let classCount: Int
    public let oneHot: Bool
    private let cache: ImageCache

    /// (count, features) float32, each row one flattened image (784 for 28×28): `pixels`
    /// scaled, made on first use and kept (it is 4× the pixels' size).
    public var images: NDArray {
        get throws(TensorError) { try cache.images(pixels, scale: pixelScale) }
    }

    public var count: Int { pixels.shape.first ?? 0 }
    /// Values per image (784 for MNIST).
    public var featureCount: Int { pixels.shape.count > 1 ? pixels.shape[1] : 0 }

    /// A split from float32 `images` (count, features) and int64 `classIDs` (count,) whose
    /// values lie in 0..<classCount; one-hot labels are made here when asked for.
    public init(images: NDArray, classIDs: NDArray, classCount: Int, oneHot: Bool) throws(TensorError) {
        guard images.dtype == .float32, images.ndim == 2 else {
            throw TensorError("images must be a float32 array of shape (count, features), not \(images.dtype.name) \(shapeString(images.shape))")
        }
        try self.init(checkedPixels: images, scale: 1, classIDs: classIDs, classCount: classCount, oneHot: oneHot)
    }

    /// A split from uint8 `pixels` (count, features) that become float32 images as
    /// `Float(pixel) * scale`; labels as for `init(images:…)`.
    public init(pixels: NDArray, scale: Float, classIDs: NDArray, classCount: Int, oneHot: Bool) throws(TensorError) {
        guard pixels.dtype == .uint8, pixels.ndim == 2 else {
            throw TensorError("pixels must be a uint8 array of shape (count, features), not \(pixels.dtype.name) \(shapeString(pixels.shape))")
        }
        try self.init(checkedPixels: pixels, scale: scale, classIDs: classIDs, classCount: classCount, oneHot: oneHot)
    }

    private init(checkedPixels: NDArray, scale: Float, classIDs: NDArray, classCount: Int, oneHot: Bool) throws(TensorError) {
        guard classIDs.dtype == .int64, classIDs.shape == [checkedPixels.shape[0]] else {
            throw TensorError("labels must be int64 of shape (\(checkedPixels.shape[0]),), not \(classIDs.dtype.name) \(shapeString(classIDs.shape))")
        }
        let ids = classIDs.elements(as: Int64.self) ?? []
        if let bad = ids.first(where: { $0 < 0 || $0 >= Int64(classCount) }) {
            throw TensorError("label \(bad) is outside the \(classCount) classes 0…\(classCount - 1)")
        }
        self.pixels = checkedPixels
        self.pixelScale = scale
        self.classIDs = classIDs
        self.classCount = classCount
        self.oneHot = oneHot
        self.labels = oneHot ? try DataSplit.oneHotRows(ids, classCount: classCount) : classIDs
        self.cache = ImageCache()
    }

    /// The class id of example `i` (nil when out of range).
    public func classID(at i: Int) -> Int? {
        guard i >= 0, i < count, case .int(let v)? = classIDs.scalar(at: [i]) else { return nil }
        return Int(v)
    }

    /// Example `i`'s image as a (features,) float32 array (nil when out of range).
    public func image(at i: Int) -> NDArray? {
        guard i >= 0, i < count else { return nil }
        let row = NDArray(viewing: pixels.storage, dtype: pixels.dtype, shape: [1, featureCount],
                          strides: [pixels.strides[0], pixels.strides[1]], offset: pixels.offset + i * pixels.strides[0])
        guard let img = try? DataSplit.scaled(row, pixelScale) else { return nil }
        return NDArray(viewing: img.storage, dtype: .float32, shape: [featureCount], strides: [img.strides[1]], offset: 0)
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
        return DataSplit(pixels: rows(pixels), scale: pixelScale, classIDs: rows(classIDs), labels: rows(labels),
                         classCount: classCount, oneHot: oneHot)
    }

    /// The first `n` examples (all of them when `n` is larger), e.g. for `train examples=N`.
    public func prefix(_ n: Int) -> DataSplit { slice(0..<max(0, n)) }

    /// A contiguous copy of the examples at `indices` (each must be in range): one batch.
    public func gather(_ indices: [Int]) throws(TensorError) -> (images: NDArray, labels: NDArray) {
        for i in indices where i < 0 || i >= count {
            throw TensorError("index \(i) is out of bounds for a split of \(count) examples")
        }
        return (try DataSplit.scaled(DataSplit.gatherRows(pixels, indices), pixelScale), try DataSplit.gatherRows(labels, indices))
    }

    /// `a` as float32 images: uint8 pixels times `scale` (as TF: each value converted, then
    /// multiplied in float32); float32 returned as is.
    static func scaled(_ a: NDArray, _ scale: Float) throws(TensorError) -> NDArray {
        guard a.dtype == .uint8 else { return a }
        let src = try a.contiguous()
        let out = try NDArray(zeros: src.shape, dtype: .float32)
        var table = [Float](repeating: 0, count: 256)
        for v in 0..<256 { table[v] = Float(v) * scale }
        let n = src.size
        let s = src.storage.pointer.assumingMemoryBound(to: UInt8.self) + src.offset
        let d = out.storage.pointer.bindMemory(to: Float.self, capacity: max(1, n))
        table.withUnsafeBufferPointer { t in
            guard let tb = t.baseAddress else { return }
            for i in 0..<n { d[i] = tb[Int(s[i])] }
        }
        return out
    }

    // MARK: Internals

    private init(pixels: NDArray, scale: Float, classIDs: NDArray, labels: NDArray, classCount: Int, oneHot: Bool) {
        self.pixels = pixels; self.pixelScale = scale; self.classIDs = classIDs; self.labels = labels
        self.classCount = classCount; self.oneHot = oneHot
        self.cache = ImageCache()
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

/// The float32 images of a split, made from its pixels on first use and kept (a split is a
/// value; its copies share this box).
final class ImageCache: @unchecked Sendable {
    private let lock = NSLock()
    private var value: NDArray?

    func images(_ pixels: NDArray, scale: Float) throws(TensorError) -> NDArray {
        if pixels.dtype == .float32 { return pixels }
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let made = try DataSplit.scaled(pixels, scale)
        value = made
        return made
    }
}
