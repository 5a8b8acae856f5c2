import Testing
import Tensor
@testable import Data

/// Splits keep MNIST's pixels as bytes and scale them when asked: every float32 a user or the
/// engine sees must be bit for bit TF's `pixels.astype(float32) * float32(1/255)`.
@Suite struct PixelSplitTests {
    static func split() throws -> DataSplit {
        var bytes = [UInt8](repeating: 0, count: 6 * 784)
        for i in 0..<bytes.count { bytes[i] = UInt8((i * 37 + i / 784) % 256) }
        let px = try NDArray(bytes, shape: [6, 784])
        return try DataSplit(pixels: px, scale: Dataset.pixelScale, classIDs: try NDArray([Int64(0), 1, 2, 3, 4, 5], shape: [6]),
                             classCount: 10, oneHot: false)
    }

    static func tf(_ v: UInt8) -> Float { Float(v) * Float(1.0 / 255.0) }

    @Test func imagesBatchesAndSingleImagesAreTFsFloats() throws {
        let s = try Self.split()
        let bytes = s.pixels.elements(as: UInt8.self) ?? []
        let images = try s.images
        #expect(images.dtype == .float32 && images.shape == [6, 784])
        #expect((images.elements(as: Float.self) ?? []).map(\.bitPattern) == bytes.map { Self.tf($0).bitPattern })
        // The same array is kept for the next access.
        #expect(try s.images.storage === images.storage)
        let (batch, labels) = try s.gather([4, 1])
        let want = Array(bytes[(4 * 784)..<(5 * 784)] + bytes[784..<(2 * 784)]).map { Self.tf($0).bitPattern }
        #expect((batch.elements(as: Float.self) ?? []).map(\.bitPattern) == want)
        #expect(labels.elements(as: Int64.self) == [4, 1])
        let one = try #require(s.image(at: 5))
        #expect(one.shape == [784] && (one.elements(as: Float.self) ?? []).map(\.bitPattern) == bytes[(5 * 784)...].map { Self.tf($0).bitPattern })
        // Slices share the bytes and scale the same way.
        let tail = s.slice(3..<6)
        #expect(try tail.images.shape == [3, 784] && (tail.images.elements(as: Float.self) ?? []).first == Self.tf(bytes[3 * 784]))
    }

    @Test func floatSplitsStayFloat() throws {
        let f = try NDArray([Float](repeating: 0.25, count: 2 * 3), shape: [2, 3])
        let s = try DataSplit(images: f, classIDs: try NDArray([Int64(1), 2], shape: [2]), classCount: 3, oneHot: false)
        #expect(s.pixelScale == 1 && s.pixels.dtype == .float32)
        #expect(try s.images.storage === f.storage)
        #expect(throws: TensorError.self) {
            try DataSplit(pixels: f, scale: 1, classIDs: try NDArray([Int64(1), 2], shape: [2]), classCount: 3, oneHot: false)
        }
    }
}
