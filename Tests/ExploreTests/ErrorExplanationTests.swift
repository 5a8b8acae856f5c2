import Testing
@testable import Explore

/// The second line of an error, naming the user's operands.
@Suite struct ErrorExplanationTests {
    @Test func reshapeSizes() {
        #expect(ErrorExplanation.reshape(.init("x", [2, 4, 3]), requested: [5, 5])
                == "reshape: x has 24 elements (2·4·3); (5, 5) needs 25")
        #expect(ErrorExplanation.reshape(.init("x", [2, 4, 3]), requested: [5, -1])
                == "reshape: x has 24 elements (2·4·3); (5, -1) needs a multiple of 5, and 24 = 5·4 + 4")
        #expect(ErrorExplanation.reshape(.init(nil, [8]), requested: [-1, -1])
                == "reshape: (-1, -1) has 2 entries of -1; only one size can be left for numpy to infer")
        #expect(ErrorExplanation.reshape(.init("x", [2, 4, 3]), requested: [4, -1]) == nil)
        #expect(ErrorExplanation.reshape(.init("x", [2, 4, 3]), requested: [6, 4]) == nil)
    }

    @Test func matmulInnerSizes() {
        #expect(ErrorExplanation.matmul(.init(nil, [128, 128]), .init(nil, [156, 512]))
                == "matmul: (128, 128) @ (156, 512): inner sizes 128 and 156 differ")
        #expect(ErrorExplanation.matmul(.init("outs[-1]", [128, 128]), .init("W", [156, 10]))
                == "matmul: outs[-1] (128, 128) @ W (156, 10): inner sizes 128 and 156 differ (the last axis of outs[-1] must equal axis -2 of W)")
        #expect(ErrorExplanation.matmul(.init("a", [2, 3]), .init("b", [3])) == nil)
        #expect(ErrorExplanation.matmul(.init("a", [2, 2, 3]), .init("b", [4, 3, 5]))
                == "matmul: a (2, 2, 3) @ b (4, 3, 5): the stacked (batch) axes (2,) and (4,) do not broadcast: axis -1 has sizes 2 and 4, and neither is 1")
    }

    @Test func broadcasting() {
        #expect(ErrorExplanation.broadcast("add", .init("x", [2, 3]), .init("y", [4]))
                == "x (2, 3) + y (4,): shapes are compared from the last axis; axis -1 has sizes 3 and 4, and neither is 1")
        #expect(ErrorExplanation.broadcast("add", .init("x", [2, 3]), .init("y", [3])) == nil)
    }

    @Test func splitTransposeIndexConcatenate() {
        #expect(ErrorExplanation.split(.init("x", [8, 3]), sections: 3, axis: 0)
                == "split: axis 0 of x has length 8 = 3·2 + 2, not a multiple of 3 (array_split allows unequal pieces)")
        #expect(ErrorExplanation.split(.init("x", [8, 3]), sections: 4, axis: 0) == nil)
        #expect(ErrorExplanation.transpose(.init("x", [2, 4, 3]), axes: [1, 0])
                == "transpose: x has 3 axes (2, 4, 3), but (1, 0) lists 2; give one entry per axis")
        #expect(ErrorExplanation.index(.init("x", [4, 3]), index: 5, axis: 0)
                == "index: axis 0 of x has length 4, so valid indices are 0 to 3 (or -4 to -1)")
        #expect(ErrorExplanation.index(.init("x", [4, 3]), index: -4, axis: 0) == nil)
        #expect(ErrorExplanation.concatenate([.init("a", [2, 3]), .init("b", [2, 4])], axis: 0)
                == "concatenate: a (2, 3) and b (2, 4) differ on axis 1 (3 vs 4); only axis 0, the one being joined, may differ")
    }
}
