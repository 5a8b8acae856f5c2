import Tensor

/// The four parts of an MNIST-format dataset as stored on disk — train/test pixels (n×rows×columns
/// bytes, 28×28 for MNIST) and labels (n bytes) — read and cross-checked, before any scaling or
/// splitting. Train and test images must have one size.
struct RawDataset {
    var trainPixels: [UInt8]
    var trainLabels: [UInt8]
    var testPixels: [UInt8]
    var testLabels: [UInt8]
    var trainCount: Int
    var testCount: Int
    var rows: Int
    var columns: Int

    /// Reads the four IDX files (raw or gzip).
    init(idx files: DatasetLocator.IDXFiles) throws(TensorError) {
        let trainImages = try IDXFile(path: files.trainImages, kind: .images)
        let trainLabels = try IDXFile(path: files.trainLabels, kind: .labels)
        let testImages = try IDXFile(path: files.testImages, kind: .images)
        let testLabels = try IDXFile(path: files.testLabels, kind: .labels)
        let (rows, columns) = try RawDataset.checkSide(Array(trainImages.dims.dropFirst()), path: trainImages.path)
        try RawDataset.checkSame(Array(testImages.dims.dropFirst()), as: (rows, columns), path: testImages.path, trainPath: trainImages.path)
        self.rows = rows
        self.columns = columns
        for (images, labels) in [(trainImages, trainLabels), (testImages, testLabels)] where images.count != labels.count {
            throw TensorError("\(labels.path): \(labels.count) labels, but \(images.path) holds \(images.count) images")
        }
        self.trainPixels = trainImages.bytes
        self.trainLabels = trainLabels.bytes
        self.testPixels = testImages.bytes
        self.testLabels = testLabels.bytes
        self.trainCount = trainImages.count
        self.testCount = testImages.count
    }

    /// Reads Keras's `mnist.npz`: `x_train` (n, 28, 28) uint8, `y_train` (n,), `x_test`, `y_test`.
    init(npz path: String) throws(TensorError) {
        let members = try NPZFile.read(path: path)
        func member(_ name: String) throws(TensorError) -> NDArray {
            guard let m = members.first(where: { $0.name == name }) else {
                let found = members.map(\.name).joined(separator: ", ")
                throw TensorError("\(path): no member \(name) (found: \(found.isEmpty ? "none" : found)); a Keras mnist.npz holds x_train, y_train, x_test, y_test")
            }
            return m.array
        }
        func pixels(_ name: String) throws(TensorError) -> (bytes: [UInt8], count: Int, side: (Int, Int)) {
            let a = try member(name)
            guard a.dtype == .uint8 else {
                throw TensorError("\(path): \(name) is \(a.dtype.name); expected uint8 pixels 0…255")
            }
            // (n, rows, columns), or (n, features) with a square number of features (784 = 28·28).
            let side: (Int, Int)
            if a.ndim == 3 {
                side = try RawDataset.checkSide(Array(a.shape.dropFirst()), path: "\(path): \(name)")
            } else if a.ndim == 2, case let s = Int(Double(a.shape[1]).squareRoot().rounded()), s > 0, s * s == a.shape[1] {
                side = try RawDataset.checkSide([s, s], path: "\(path): \(name)")
            } else {
                throw TensorError("\(path): \(name) has shape \(shapeString(a.shape)); expected images (n, rows, columns) such as (n, 28, 28)")
            }
            // A bulk copy: element-wise access would cost a closure call per pixel.
            return (a.withContiguousElements(UInt8.self) { Array($0) } ?? [], a.shape[0], side)
        }
        func labels(_ name: String, count: Int, imagesName: String) throws(TensorError) -> [UInt8] {
            let a = try member(name)
            guard a.ndim == 1, a.dtype.isInteger else {
                throw TensorError("\(path): \(name) is \(a.dtype.name) \(shapeString(a.shape)); expected integer class ids of shape (n,)")
            }
            guard a.shape[0] == count else {
                throw TensorError("\(path): \(a.shape[0]) labels in \(name), but \(imagesName) holds \(count) images")
            }
            var out: [UInt8] = []
            out.reserveCapacity(count)
            for s in a.scalars {
                guard case .int(let v) = s, v >= 0, v < 256 else {
                    let shown: String = if case .int(let v) = s { String(v) } else { String(s.doubleValue) }
                    throw TensorError("\(path): \(name) holds the label \(shown), outside 0…255")
                }
                out.append(UInt8(v))
            }
            return out
        }
        let train = try pixels("x_train"), test = try pixels("x_test")
        try RawDataset.checkSame([test.side.0, test.side.1], as: train.side, path: "\(path): x_test", trainPath: "x_train")
        (self.rows, self.columns) = train.side
        self.trainPixels = train.bytes
        self.testPixels = test.bytes
        self.trainCount = train.count
        self.testCount = test.count
        self.trainLabels = try labels("y_train", count: train.count, imagesName: "x_train")
        self.testLabels = try labels("y_test", count: test.count, imagesName: "x_test")
    }

    /// The (rows, columns) of 2-d images of a sane size (MNIST's are 28×28; 56×56 and
    /// others work too), refusing anything else and saying what it is.
    static func checkSide(_ side: [Int], path: String) throws(TensorError) -> (rows: Int, columns: Int) {
        guard side.count == 2, side.allSatisfy({ $0 >= 1 && $0 <= Dataset.maxImageSide }) else {
            throw TensorError("\(path): images are \(side.map(String.init).joined(separator: "×")); expected 2-d images (rows × columns, each 1…\(Dataset.maxImageSide)) such as MNIST's 28×28")
        }
        return (side[0], side[1])
    }

    /// Test images must have the training images' size: a model reads one shape.
    static func checkSame(_ side: [Int], as train: (rows: Int, columns: Int), path: String, trainPath: String) throws(TensorError) {
        _ = try checkSide(side, path: path)
        guard side == [train.rows, train.columns] else {
            throw TensorError("\(path): images are \(side[0])×\(side[1]), but \(trainPath) holds \(train.rows)×\(train.columns) images")
        }
    }
}
