import Testing
import Tensor
@testable import Explore

/// One stage of `trace arange 24 | reshape 2 4 3 | transpose 1 0 2 | reshape -1 3 | split 4`.
@Suite struct TraceStageTests {
    @Test func tutorialStages() throws {
        let a = try NDArray.arange(.int(24))
        let x = try a.reshape([2, 4, 3])
        let t = try x.transpose([1, 0, 2])
        let r = try t.reshape([-1, 3])
        let xs = try r.split(sections: 4)
        let stages = [
            TraceStage(number: 1, operation: "arange", arguments: "24", inputs: [], value: .array(a)),
            TraceStage(number: 2, operation: "reshape", arguments: "2 4 3", inputs: [("#1", a)], value: .array(x)),
            TraceStage(number: 3, operation: "transpose", arguments: "1 0 2", inputs: [("#2", x)], value: .array(t)),
            TraceStage(number: 4, operation: "reshape", arguments: "-1 3", inputs: [("#3", t)], value: .array(r)),
            TraceStage(number: 5, operation: "split", arguments: "4", inputs: [("#4", r)], value: .arrays(xs, isTuple: false)),
        ]
        #expect(stages.map(\.header) == [
            "#1 arange 24 → (24,) int64, strides (8,), new array",
            "#2 reshape 2 4 3 → (2, 4, 3) int64, strides (96, 24, 8), view of #1",
            "#3 transpose 1 0 2 → (4, 2, 3) int64, strides (24, 96, 8), view of #2",
            "#4 reshape -1 3 → (8, 3) int64, strides (24, 8), copy of #3 (#3 is not C-contiguous)",
            "#5 split 4 → list of 4 × (2, 3) int64, strides (24, 8), views of #4",
        ])
        #expect(stages[4].valueText == """
        [array([[ 0,  1,  2],
               [12, 13, 14]]), array([[ 3,  4,  5],
               [15, 16, 17]]), array([[ 6,  7,  8],
               [18, 19, 20]]), array([[ 9, 10, 11],
               [21, 22, 23]])]
        """)
        #expect(stages[2].text() == """
        #3 transpose 1 0 2 → (4, 2, 3) int64, strides (24, 96, 8), view of #2
        [[[ 0  1  2]
          [12 13 14]]

         [[ 3  4  5]
          [15 16 17]]

         [[ 6  7  8]
          [18 19 20]]

         [[ 9 10 11]
          [21 22 23]]]
        """)
    }

    @Test func otherValuesAndComputedArrays() throws {
        let a = try NDArray.arange(.int(3), dtype: .float32)
        let s = TraceStage(number: 2, operation: "shape", arguments: "", inputs: [("x", a)], value: .other(kind: "tuple", text: "(3,)"))
        #expect(s.text() == "#2 shape → tuple\n(3,)")
        let b = try a.astype(.float64)
        let c = TraceStage(number: 3, operation: "astype", arguments: "float64", inputs: [("x", a)], value: .array(b))
        #expect(c.header == "#3 astype float64 → (3,) float64, strides (8,), copy of x (a new dtype needs new memory)")
        let d = TraceStage(number: 4, operation: "add", arguments: "1", inputs: [("x", a)], value: .array(b))
        #expect(d.header == "#4 add 1 → (3,) float64, strides (8,), new array")
    }
}
