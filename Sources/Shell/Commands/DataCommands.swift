import Foundation
import Data
import Tensor

/// Loading datasets and drawing batches from them, as the tutorial's
/// `input_data.read_data_sets("/tmp/data/", one_hot=True)` and `mnist.train.next_batch(128)`.
enum DataCommands {
    static let all: [Command] = [mnist, nextBatch]

    static let mnist = Command(
        name: "mnist", category: "Data",
        summary: "Load MNIST-format data (IDX files or Keras mnist.npz) as train/validation/test splits.",
        parameters: [Parameter("path", .path, default: .none, help: "a directory of IDX files, a file prefix, one IDX file, or an mnist.npz; default: search")],
        options: [Parameter("one_hot", .bool, default: .bool(false), help: "labels as one-hot float32 rows instead of class ids"),
                  Parameter("validation", .optionalInt, default: .none, help: "examples taken from the front of training for validation (default: one in twelve, TF's 5,000 of 60,000)"),
                  Parameter("seed", .int, default: .int(0), help: "seed of next_batch's shuffling")],
        help: """
            Loads a dataset like TF's `input_data.read_data_sets`: pixels as float32 in [0, 1] \
            flattened to 784 (other image sizes load too: 56×56 images give 3,136 values, which \
            `train` reads as 56 steps of 56), labels as class ids (`one_hot=True` gives one-hot rows), and a \
            validation split taken from the front of training: TF's share, 5,000 of 60,000 (so \
            `data.train` has 55,000 examples), one in twelve of a smaller set; `validation=N` \
            sets it and `validation=0` keeps every training image. MNIST, Fashion-MNIST, KMNIST and EMNIST all use \
            the IDX format (raw or `.gz`). Without PATH it looks in `$RNNSH_DATA`, then \
            `/tmp/data/` (the tutorial's path), then `~/.keras/datasets/mnist.npz`, then what \
            `download` put in `~/.keras/datasets/`, then `/usr/share/datasets/fashion-mnist/` \
            (Debian's `dataset-fashion-mnist`), and says which one it loaded. `mnist kmnist` \
            (or `fashion-mnist`) loads a downloaded dataset by name.
            """,
        examples: [Example("data = mnist\ndata.train.images.shape\ndata.test")],
        run: { call in
            var path: String? = nil
            if call.arguments.isGiven("path") {
                guard case .string(let given) = call.arguments["path"] else {
                    throw call.error("mnist() expects a path, got \(call.arguments["path"].typeName)", argument: "path")
                }
                path = try call.path("path")
                // `mnist kmnist`: a dataset `download` knows, by name, unless a file is called that.
                if let p = path, !FileManager.default.fileExists(atPath: p), !given.contains("/"),
                   let entry = DatasetCatalog.entry(given) {
                    let cached = entry.loadPath(home: DatasetLocator.home(DatasetLocator.processEnvironment))
                    guard FileManager.default.fileExists(atPath: cached) else {
                        throw call.error("\(entry.title) is not downloaded yet (looked in \(cached))", argument: "path",
                                         explanation: "get it with: download \(entry.name)")
                    }
                    path = cached
                }
            }
            let validation = call.arguments.int("validation")
            if let validation, validation < 0 {
                throw call.error("validation size should be between 0 and the training size, not \(validation)", argument: "validation")
            }
            let seed = call.arguments.int("seed") ?? 0
            let dataset = try Dataset.load(path: path, oneHot: call.arguments.bool("one_hot") ?? false, validation: validation)
            let object = DatasetObject(dataset, seed: UInt64(bitPattern: Int64(seed)))
            call.print("Loaded \(dataset.source): train \(dataset.train.count), validation \(dataset.validation.count), test \(dataset.test.count)")
            if path == nil, dataset.source.hasPrefix("Fashion-MNIST"), dataset.source.contains(DatasetLocator.debianFashionMNIST.dropLast()) {
                // The search fell through to Debian's package: clothing, not the tutorial's digits.
                call.print("note: no MNIST digits found, so this is Fashion-MNIST (clothes, 10 classes); `download mnist` gets the digits")
            }
            return .object(object)
        })

    static let nextBatch = Command(
        name: "next_batch", category: "Data",
        summary: "The next (images, labels) batch of a split, reshuffled every epoch like TF.",
        parameters: [Parameter("split", .value, help: "a split such as data.train"),
                     Parameter("batch_size", .int, help: "examples per batch")],
        help: """
            TF's `mnist.train.next_batch(batch_size)`: returns a tuple `(images, labels)` of \
            shapes `(batch_size, 784)` and `(batch_size,)` (or `(batch_size, classes)` one-hot). \
            The split is shuffled before its first batch and again whenever an epoch is used up; \
            a batch that crosses the end takes the rest of the old epoch and the start of the \
            new one. Each split remembers where it is; the order is fixed by `mnist seed=`.
            """,
        examples: [Example("data = mnist\nx, y = next_batch data.train 128\nx.shape\ny.shape")],
        isMethod: false,
        run: { call in
            let split = try ObjectArguments.split(call.arguments["split"], call: call, argument: "split")
            let n = call.arguments.int("batch_size") ?? 0
            let (x, y) = try split.cursor.next(n)
            return .tuple([.array(x), .array(y)])
        })
}
