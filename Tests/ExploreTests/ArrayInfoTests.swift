import Testing
import Tensor
@testable import Explore

/// `info x`: exact texts; the numbers agree with numpy (see NumpyFactsTests for the facts).
@Suite struct ArrayInfoTests {
    @Test func transposedViewOfANamedArray() throws {
        let base = try NDArray.arange(.int(24))
        let x = try base.reshape([2, 4, 3])
        let t = try x.transpose([1, 0, 2])
        let text = ArrayInfo(t, name: "t", related: [("base", base), ("x", x), ("t", t)]).text
        #expect(text == """
        t: int64 array of shape (4, 2, 3)
          shape         (4, 2, 3)
          dtype         int64 (8 bytes per element)
          strides       (24, 96, 8) bytes per step along each axis = (3, 12, 1) elements of 8 bytes
          C-contiguous  no: C order would have strides (48, 24, 8)
          view          yes: of base (shares its memory; nothing was copied)
          size          24 (4·2·3)
          nbytes        192 (24 × 8)
        """)
    }

    @Test func ownerIsToldWhoViewsIt() throws {
        let a = try NDArray.arange(.int(6), dtype: .float32)
        let b = try a.reshape([2, 3])
        let text = ArrayInfo(a, name: "a", related: [("a", a), ("b", b)]).text
        #expect(text == """
        a: float32 array of shape (6,)
          shape         (6,)
          dtype         float32 (4 bytes per element)
          strides       (4,) bytes per step = 1 element of 4 bytes
          C-contiguous  yes: the elements lie in memory in C order, last axis fastest
          view          no: owns its memory (viewed by b)
          size          6
          nbytes        24 (6 × 4)
        """)
    }

    @Test func splitPieceStartsInsideItsBase() throws {
        let r = try NDArray.arange(.int(24)).reshape([8, 3]).copy()
        let piece = try r.split(sections: 4)[1]
        let info = ArrayInfo(piece, name: "xs[1]", related: [("r", r)])
        #expect(info.baseName == "r")
        #expect(info.byteOffset == 48)
        #expect(info.text.contains("  view          yes: of r (shares its memory; nothing was copied); starts 48 bytes in"))
    }

    @Test func fortranOrderIsNamed() throws {
        let t = try NDArray.arange(.int(6), dtype: .float32).reshape([2, 3]).transpose()
        let info = ArrayInfo(t)
        #expect(info.text.contains("  C-contiguous  no: C order would have strides (8, 4); it is F-contiguous (first axis fastest, as after a transpose)"))
        #expect(info.text.contains("  view          yes: its base has no name in the workspace"))
    }
}
