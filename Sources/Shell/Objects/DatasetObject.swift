import Data
import Foundation
import Tensor

/// A loaded dataset in the workspace (`data = mnist`): its three splits are attributes
/// (`data.train`, `data.validation`, `data.test`), each with `.images` and `.labels` as in TF's
/// `input_data.read_data_sets`.
public struct DatasetObject: ShellObject {
    public let dataset: Dataset
    /// The splits as shell values; each keeps its own `next_batch` position, shared by every
    /// copy of this value (TF's `DataSet` object is likewise one stateful thing).
    public let train: SplitObject
    public let validation: SplitObject
    public let test: SplitObject

    public init(_ dataset: Dataset, seed: UInt64 = 0) {
        self.dataset = dataset
        let names = ClassNames.forSource(dataset.source, count: dataset.classCount)
        train = SplitObject(dataset.train, name: "train", datasetName: dataset.name, classNames: names, seed: seed)
        validation = SplitObject(dataset.validation, name: "validation", datasetName: dataset.name, classNames: names, seed: seed)
        test = SplitObject(dataset.test, name: "test", datasetName: dataset.name, classNames: names, seed: seed)
    }

    public var kind: String { "dataset" }

    public var summary: String {
        "\(dataset.name): \(dataset.train.count)/\(dataset.validation.count)/\(dataset.test.count) images, \(dataset.classCount) classes"
    }

    public var detail: String {
        var lines = ["dataset \(dataset.source)"]
        let w = String(max(dataset.train.count, dataset.validation.count, dataset.test.count)).count
        for s in [train, validation, test] {
            lines.append("  " + s.name.padding(toLength: 11, withPad: " ", startingAt: 0)
                         + String(repeating: " ", count: w - String(s.split.count).count) + s.layoutSummary)
        }
        let names = train.classNames
        lines.append("  \(dataset.classCount) classes" + (names.isEmpty ? "" : ": " + names.joined(separator: ", ")))
        return lines.joined(separator: "\n")
    }

    public func attribute(_ name: String) -> Value? {
        switch name {
        case "train": return .object(train)
        case "validation": return .object(validation)
        case "test": return .object(test)
        case "source": return .string(dataset.source)
        case "path": return .string(dataset.path)
        case "num_classes": return .int(dataset.classCount)
        case "class_names": return .list(train.classNames.map { .string($0) })
        default: return nil
        }
    }

    public var attributeNames: [String] { ["train", "validation", "test", "source", "path", "num_classes", "class_names"] }

    /// The split called `name` (`train`, `validation`/`val`, `test`).
    public func split(named name: String) -> SplitObject? {
        switch name {
        case "train": return train
        case "validation", "val", "valid": return validation
        case "test": return test
        default: return nil
        }
    }
}

/// One split of a dataset: images `(n, 784)` float32 in [0, 1] and labels (class ids or one-hot).
public struct SplitObject: ShellObject {
    public let split: DataSplit
    public let name: String
    public let datasetName: String
    /// Human names of the classes (`Sneaker`), empty when the dataset does not say.
    public let classNames: [String]
    /// `next_batch`'s position and shuffle order, shared by all copies of this split.
    let cursor: BatchCursor

    init(_ split: DataSplit, name: String, datasetName: String, classNames: [String], seed: UInt64) {
        self.split = split
        self.name = name
        self.datasetName = datasetName
        self.classNames = classNames
        self.cursor = BatchCursor(BatchIterator(split, seed: seed))
    }

    public var kind: String { "split" }

    var layoutSummary: String {
        "\(split.count) images \(shapeString([split.count, split.featureCount])) float32, labels \(shapeString(split.labels.shape)) \(split.labels.dtype.name)"
    }

    public var summary: String { "\(datasetName) \(name): \(split.count) images, labels \(split.oneHot ? "one-hot" : "class ids")" }

    public var detail: String {
        "\(datasetName) \(name): \(layoutSummary)"
    }

    public func attribute(_ name: String) -> Value? {
        switch name {
        // Made from the stored bytes on first use (see DataSplit); nil only over the memory limit.
        case "images": return (try? split.images).map { .array($0) }
        case "labels": return .array(split.labels)
        case "class_ids": return .array(split.classIDs)
        case "num_examples": return .int(split.count)
        case "epochs_completed": return .int(cursor.epochsCompleted)
        // `mnist.train.next_batch(128)`, verbatim from the tutorial.
        case "next_batch": return .function(Callable(name: "next_batch", receiver: .object(self)))
        default: return nil
        }
    }

    public var attributeNames: [String] { ["images", "labels", "class_ids", "num_examples", "epochs_completed", "next_batch"] }

    /// The name of class `id` (`7 Sneaker`), or just the number.
    public func className(_ id: Int) -> String {
        id >= 0 && id < classNames.count ? "\(id) \(classNames[id])" : String(id)
    }
}

/// The mutable `next_batch` state of a split. The shell runs one statement at a time on one
/// thread; the lock only keeps the type honest about `Sendable`.
final class BatchCursor: @unchecked Sendable {
    private var iterator: BatchIterator
    private let lock = NSLock()

    init(_ iterator: BatchIterator) { self.iterator = iterator }

    func next(_ n: Int) throws(TensorError) -> (images: NDArray, labels: NDArray) {
        lock.lock()
        defer { lock.unlock() }
        return try iterator.nextBatch(n)
    }

    var epochsCompleted: Int {
        lock.lock()
        defer { lock.unlock() }
        return iterator.epochsCompleted
    }
}

/// Class names of the well-known MNIST-format datasets, recognised from the source description.
enum ClassNames {
    static let fashion = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
    static let kmnist = ["o", "ki", "su", "tsu", "na", "ha", "ma", "ya", "re", "wo"]

    static func forSource(_ source: String, count: Int) -> [String] {
        if source.hasPrefix("Fashion-MNIST"), count == 10 { return fashion }
        if source.hasPrefix("KMNIST"), count == 10 { return kmnist }
        return []
    }
}

extension Dataset {
    /// `Fashion-MNIST`, `MNIST`, … (the part of `source` before the colon).
    var name: String {
        source.split(separator: ":", maxSplits: 1).first.map(String.init) ?? "dataset"
    }
}
