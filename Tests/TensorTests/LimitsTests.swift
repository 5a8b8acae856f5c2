import Testing
@testable import Tensor

/// The memory-limit refusal uses numpy's MemoryError text, sizes formatted exactly as numpy's
/// `_size_to_string` formats them (Fixtures/limits.json), and huge or zero-size-but-huge shapes
/// are refused before anything is allocated.
@Suite struct LimitsTests {
    @Test func sizeStringsMatchNumpy() throws {
        let cases = try loadFixture("limits")
        #expect(cases.count > 20)
        for c in cases {
            let want = c.json["text"]?.string
            switch c.op {
            case "size_string":
                #expect(Limits.numpySizeString(c.args["bytes"]?.int ?? -1) == want, "\(c)")
            default:
                let shape = c.args["shape"]?.ints ?? []
                let e = #expect(throws: TensorError.self) { try NDArray.zeros(shape, dtype: dtype(c.args["dtype"])) }
                #expect(e?.message == want, "\(c)")
            }
        }
    }

    @Test func zeroSizeShapesWithHugeAxesAreRefused() throws {
        let e = #expect(throws: TensorError.self) { try NDArray.zeros([0, 1 << 62, 4]) }
        #expect(e?.message == "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.")
        // A legal zero-size array stays legal, and its transpose reports size 0 without overflow.
        let z = try NDArray.zeros([0, 1 << 40, 4], dtype: .uint8)
        #expect(z.T.size == 0)
        #expect(throws: TensorError.self) { try NDArray.zeros([0]).reshape([0, 1 << 62, 4]) }
    }
}
