import Tensor

/// The four parts of an MNIST-format dataset as stored on disk — train/test pixels (n×28×28
/// bytes) and labels (n bytes) — read and cross-checked, before any scaling or splitting.
struct RawDataset {
    var trainPixels: [UInt8]
    var trainLabels: [UInt8]
    var testPixels: [UInt8]
    var testLabels: [UInt8]
    var trainCount: Int
    var testCount: Int

    /// Reads the four IDX files (raw or gzip).
    init(idx files: DatasetLocator.IDXFiles) throws(TensorError) {
        let trainImages = try IDXFile(path: files.trainImages, kind: .images)
        let trainLabels = try IDXFile(path: files.trainLabels, kind: .labels)
        let testImages = try IDXFile(path: files.testImages, kind: .images)
        let testLabels = try IDXFile(path: files.testLabels, kind: .labels)
        for images in [trainImages, testImages] {
            try RawDataset.checkSide(Array(images.dims.dropFirst()), path: images.path)
        }
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
        func pixels(_ name: String) throws(TensorError) -> (bytes: [UInt8], count: Int) {
            let a = try member(name)
            guard a.dtype == .uint8 else {
                throw TensorError("\(path): \(name) is \(a.dtype.name); expected uint8 pixels 0…255")
            }
            guard a.ndim == 3 || (a.ndim == 2 && a.shape[1] == Dataset.imageSide * Dataset.imageSide) else {
                throw TensorError("\(path): \(name) has shape \(shapeString(a.shape)); expected (n, 28, 28)")
            }
            if a.ndim == 3 { try RawDataset.checkSide(Array(a.shape.dropFirst()), path: "\(path): \(name)") }
            // A bulk copy: element-wise access would cost a closure call per pixel.
            return (a.withContiguousElements(UInt8.self) { Array($0) } ?? [], a.shape[0])
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
        self.trainPixels = train.bytes
        self.testPixels = test.bytes
        self.trainCount = train.count
        self.testCount = test.count
        self.trainLabels = try labels("y_train", count: train.count, imagesName: "x_train")
        self.testLabels = try labels("y_test", count: test.count, imagesName: "x_test")
    }

    /// Refuses images that are not 28×28, saying what they are.
    static func checkSide(_ side: [Int], path: String) throws(TensorError) {
        guard side == [Dataset.imageSide, Dataset.imageSide] else {
            throw TensorError("\(path): images are \(side.map(String.init).joined(separator: "×")), expected 28×28 (MNIST format)")
        }
    }
}
