import Tensor

/// A dataset loaded like TF's `input_data.read_data_sets`: train, validation and test splits
/// of 28×28 images flattened to 784 float32 values in [0, 1], with class-id or one-hot labels.
/// The validation split is taken from the front of the training images: by default the share TF
/// holds out of MNIST (5,000 of 60,000, one in twelve), so MNIST's 60,000 become 55,000 + 5,000
/// as in the tutorial and a smaller set gives up proportionally fewer.
public struct Dataset: Sendable {
    public let train: DataSplit
    public let validation: DataSplit
    public let test: DataSplit
    /// What was loaded, for people: e.g. `IDX files in /usr/share/datasets/fashion-mnist (gzip)`.
    public let source: String
    /// The directory, file prefix or `.npz` file the data came from.
    public let path: String
    /// Number of classes (10 for MNIST/Fashion-MNIST/KMNIST; more for some EMNIST splits).
    public var classCount: Int { train.classCount }

    /// The images of MNIST-format data are 28×28; other sizes load too (`imageShape`).
    public static let imageSide = 28
    /// The largest image side accepted, so a corrupt header cannot ask for a huge image.
    public static let maxImageSide = 4096
    /// (rows, columns) of every image: a model reads them as `rows` steps of `columns` values
    /// (28 steps of 28 for MNIST, 56 of 56 for a 56×56 set).
    public let imageShape: (rows: Int, columns: Int)
    /// The files read, in TF1's order (train images, train labels, test images, test labels).
    public internal(set) var files: [String] = []
    public static let defaultValidationSize = 5000

    /// TF's 5,000-of-60,000 share of `trainingCount`, rounded to the nearest image.
    public static func defaultValidation(forTraining trainingCount: Int) -> Int {
        let n = max(trainingCount, 0)
        return n / 12 + (n % 12 >= 6 ? 1 : 0)
    }

    /// Loads `path` (an IDX directory or file prefix, or a Keras `mnist.npz`), or when `path`
    /// is nil the first dataset `DatasetLocator` finds.
    /// `validation` nil takes `defaultValidation(forTraining:)` of the training images.
    public static func load(path: String? = nil, oneHot: Bool = false, validation: Int? = nil,
                            environment: [String: String] = DatasetLocator.processEnvironment) throws(TensorError) -> Dataset {
        let location: DatasetLocator.Location
        if let path { location = try DatasetLocator.resolve(DatasetLocator.expandingTilde(path, environment: environment)) } else { location = try DatasetLocator.locate(environment: environment) }
        let raw: RawDataset
        switch location {
        case .idx(let files): raw = try RawDataset(idx: files)
        case .npz(let file): raw = try RawDataset(npz: file)
        }
        var d = try Dataset(raw, oneHot: oneHot, validation: validation, path: location.path, source: location.description)
        switch location {
        case .idx(let f): d.files = [f.trainImages, f.trainLabels, f.testImages, f.testLabels]
        case .npz(let file): d.files = [file]
        }
        return d
    }

    /// Assembles splits from already-read pixels and labels (what `load` does after reading).
    init(_ raw: RawDataset, oneHot: Bool, validation requested: Int?, path: String, source: String) throws(TensorError) {
        let validation = requested ?? Dataset.defaultValidation(forTraining: raw.trainCount)
        guard validation >= 0 && validation <= raw.trainCount else {
            throw TensorError("Validation size should be between 0 and \(raw.trainCount). Received: \(validation).")
        }
        let classCount = max(10, Int(max(raw.trainLabels.max() ?? 0, raw.testLabels.max() ?? 0)) + 1)
        let features = raw.rows * raw.columns
        let all = try DataSplit(pixels: Dataset.pixelArray(raw.trainPixels, count: raw.trainCount, features: features), scale: Dataset.pixelScale,
                                classIDs: Dataset.classIDs(raw.trainLabels), classCount: classCount, oneHot: oneHot)
        self.validation = all.slice(0..<validation)
        self.train = all.slice(validation..<all.count)
        self.test = try DataSplit(pixels: Dataset.pixelArray(raw.testPixels, count: raw.testCount, features: features), scale: Dataset.pixelScale,
                                  classIDs: Dataset.classIDs(raw.testLabels), classCount: classCount, oneHot: oneHot)
        self.path = path
        self.source = source
        self.imageShape = (raw.rows, raw.columns)
    }

    /// TF's scale, `1.0 / 255.0` rounded to float32 as numpy does before multiplying.
    public static let pixelScale = Float(1.0 / 255.0)

    /// The pixels as a (count, features) uint8 array (kept as bytes; see `DataSplit`).
    static func pixelArray(_ pixels: [UInt8], count: Int, features: Int) throws(TensorError) -> NDArray {
        let out = try NDArray(zeros: [count, features], dtype: .uint8)
        let n = min(pixels.count, count * features)
        pixels.withUnsafeBytes { src in
            if let s = src.baseAddress, n > 0 { out.storage.pointer.copyMemory(from: s, byteCount: n) }
        }
        return out
    }

    /// Pixels 0…255 → float32 as TF computes them: `images.astype(float32) * (1.0 / 255.0)`,
    /// where numpy rounds the Python float 1/255 to float32 before multiplying.
    public static func scaledImages(_ pixels: [UInt8], count: Int, features: Int = imageSide * imageSide) throws(TensorError) -> NDArray {
        let out = try NDArray(zeros: [count, features], dtype: .float32)
        let scale = Float(1.0 / 255.0)
        var table = [Float](repeating: 0, count: 256)
        for v in 0..<256 { table[v] = Float(v) * scale }
        let n = min(pixels.count, count * features)
        let dst = out.storage.pointer.bindMemory(to: Float.self, capacity: max(1, n))
        // Raw pointers: this loop runs 47 million times for MNIST and must stay fast unoptimised.
        pixels.withUnsafeBufferPointer { src in
            table.withUnsafeBufferPointer { t in
                guard let s = src.baseAddress, let tb = t.baseAddress else { return }
                for i in 0..<n { dst[i] = tb[Int(s[i])] }
            }
        }
        return out
    }

    static func classIDs(_ labels: [UInt8]) throws(TensorError) -> NDArray {
        try NDArray(labels.map { Int64($0) }, shape: [labels.count])
    }
}
