import Testing
import Tensor
@testable import Explore

/// `explain reshape|transpose|split`: exact texts for the tutorial's steps.
@Suite struct ExplainTests {
    let x: NDArray

    init() throws { x = try NDArray.arange(.int(24)).reshape([2, 4, 3]) }

    @Test func transposeWithAxisNames() throws {
        let text = try Explain.transpose(x, [1, 0, 2], axisNames: ["image", "row", "pixel"])
        #expect(text == """
        transpose x (2, 4, 3) → y (4, 2, 3): the axes are reordered to (1, 0, 2)
          y[i, j, k] = x[j, i, k]: y[0] holds row 0 of every image
          axis 0 of y is axis 1 of x, axis 1 of y is axis 0 of x, axis 2 stays
          only strides change: (96, 24, 8) → (24, 96, 8) bytes; no data moves, y is a view of x
          y is no longer C-contiguous, so a later reshape that merges its moved axes has to copy
        """)
    }

    @Test func transposeWithoutNames() throws {
        let text = try Explain.transpose(x, [2, 0, 1], name: "batch", result: "t")
        #expect(text == """
        transpose batch (2, 4, 3) → t (3, 2, 4): the axes are reordered to (2, 0, 1)
          t[i, j, k] = batch[j, k, i]: t[0] = batch[:, :, 0], entry 0 of axis 2 from every batch[i, j]
          axis 0 of t is axis 2 of batch, axis 1 of t is axis 0 of batch, axis 2 of t is axis 1 of batch
          only strides change: (96, 24, 8) → (8, 96, 24) bytes; no data moves, t is a view of batch
          t is no longer C-contiguous, so a later reshape that merges its moved axes has to copy
        """)
    }

    @Test func reshapeThatMustCopy() throws {
        let t = try x.transpose([1, 0, 2])
        let text = try Explain.reshape(t, [-1, 3], name: "t", result: "r")
        #expect(text == """
        reshape t (4, 2, 3) → r (8, 3): the 24 elements keep their C order (last axis fastest) and are regrouped
          r[i, j] = t[i // 2, i % 2, j]
          axes 0 and 1 of t (4 × 2) merge into axis 0 of r (8)
          axis 2 of t becomes axis 1 of r (3)
          copy: t is not C-contiguous: its axes 0 and 1 (lengths 4 and 2, strides 24 and 96 bytes) cannot act as one axis; that needs a stride of 2 × 96 = 192 bytes on axis 0, not 24
          no single stride steps through r's elements in order, so numpy copies the 24 elements into new memory (r does not share memory with t)
        """)
    }

    @Test func reshapeOfContiguousIsAView() throws {
        let text = try Explain.reshape(NDArray.arange(.int(24)), [2, 4, 3])
        #expect(text == """
        reshape x (24,) → y (2, 4, 3): the 24 elements keep their C order (last axis fastest) and are regrouped
          y[i, j, k] = x[12*i + 3*j + k]
          axis 0 of x (24) splits into axes 0, 1 and 2 of y (2 × 4 × 3)
          no data moves: x is C-contiguous, so y is a view with strides (96, 24, 8) bytes
        """)
    }

    @Test func reshapeOfTransposeThatStaysAView() throws {
        // Splitting axes of a transposed array needs no copy (numpy: shares memory).
        let t = try x.transpose([1, 0, 2])
        let text = try Explain.reshape(t, [2, 2, 2, 3], name: "t")
        #expect(text.hasSuffix("  no data moves: the merged axes of t are evenly spaced in memory, so y is a view with strides (48, 24, 96, 8) bytes"))
    }

    @Test func reshapeErrorIsNumpys() {
        #expect(throws: TensorError("cannot reshape array of size 24 into shape (5,5)", kind: .valueError)) {
            try Explain.reshape(x, [5, 5])
        }
    }

    @Test func splitEqualPieces() throws {
        let r = try x.transpose([1, 0, 2]).reshape([-1, 3])
        let text = try Explain.split(r, sections: 4, name: "r", result: "xs")
        #expect(text == """
        split r (8, 3) along axis 0 → xs: a list of 4 pieces of (2, 3)
          xs[p][i, j] = r[2*p + i, j]  for p in 0..3
          xs[p] = r[2*p:2*p + 2]: piece p holds positions 2·p to 2·p + 1 of axis 0
          each piece is a slice: a view of r with its strides (24, 8) bytes; no data moves
        """)
    }

    @Test func arraySplitUnequalPieces() throws {
        let text = try Explain.split(NDArray.arange(.int(8)), sections: 3, equal: false)
        #expect(text == """
        split x (8,) along axis 0 → ys: a list of 3 pieces
          ys[0] = x[0:3]
          ys[1] = x[3:6]
          ys[2] = x[6:8]
          each piece is a slice: a view of x with its strides (8,) bytes; no data moves
        """)
    }

    @Test func splitAlongAxisOne() throws {
        let text = try Explain.split(NDArray.arange(.int(24)).reshape([4, 6]), sections: 3, axis: 1)
        #expect(text == """
        split x (4, 6) along axis 1 → ys: a list of 3 pieces of (4, 2)
          ys[p][i, j] = x[i, 2*p + j]  for p in 0..2
          ys[p] = x[:, 2*p:2*p + 2]: piece p holds positions 2·p to 2·p + 1 of axis 1
          each piece is a slice: a view of x with its strides (48, 8) bytes; no data moves
        """)
    }

    @Test func formulasForRegroupedAxes() {
        #expect(IndexFormula.reshapeSource(old: [2, 4, 3], new: [6, 4], vars: ["i", "j"])
                == ["(4*i + j) // 12", "((4*i + j) // 3) % 4", "(4*i + j) % 3"])
        #expect(IndexFormula.reshapeSource(old: [2, 1, 3], new: [6], vars: ["i"]) == ["i // 3", "0", "i % 3"])
        #expect(IndexFormula.reshapeSource(old: [0, 3], new: [3, 0], vars: ["i", "j"]) == nil)
    }
}
