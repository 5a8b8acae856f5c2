import Testing
import Tensor
@testable import Explore
import Printing

/// `track`: labels, formulas and sentences for the tutorial's pipeline, toy and full size.
@Suite struct TrackTests {
    static func tutorial(_ shape: [Int], names: [String]?) throws -> Track {
        let n = shape.reduce(1, *)
        let x = try NDArray.arange(.int(Int64(n))).reshape(shape)
        func pipeline(_ a: NDArray) throws -> [NDArray] {
            try a.transpose([1, 0, 2]).reshape([-1, shape[2]]).split(sections: shape[1])
        }
        return try Track(source: .init(name: "x", shape: shape, axis: 0, axisNames: names), sourceValues: x,
                         resultName: "xs", origins: pipeline(Track.indexArray(shape: shape)), values: pipeline(x), isList: true)
    }

    @Test func toyTutorialSplitHoldsFirstRowsOfEveryImage() throws {
        let t = try Self.tutorial([2, 4, 3], names: ["image", "row", "pixel"])
        #expect(t.text() == """
        track x (2, 4, 3) → xs: a list of 4 arrays of shape (2, 3); each element labelled by the image it came from (axis 0 of x)
        xs[p][i, j] = x[i, p, j]
        xs[0] holds row 0 of every image
        xs[1] holds row 1 of every image
        xs[2] holds row 2 of every image
        xs[3] holds row 3 of every image
        labels (image of each element):
        xs[0] [[0 0 0]
               [1 1 1]]
        xs[1] [[0 0 0]
               [1 1 1]]
        xs[2] [[0 0 0]
               [1 1 1]]
        xs[3] [[0 0 0]
               [1 1 1]]
        """)
    }

    @Test func colouredValuesOnATerminal() throws {
        let t = try Self.tutorial([2, 4, 3], names: ["image", "row", "pixel"])
        let lines = t.text(color: true).split(separator: "\n").map(String.init)
        #expect(lines[6] == "values, coloured by image:")
        #expect(lines[7] == "xs[0] [[ \u{1B}[31m0\u{1B}[0m  \u{1B}[31m1\u{1B}[0m  \u{1B}[31m2\u{1B}[0m]")
        #expect(lines[8] == "       [\u{1B}[32m12\u{1B}[0m \u{1B}[32m13\u{1B}[0m \u{1B}[32m14\u{1B}[0m]]")
        #expect(lines.last == "legend: \u{1B}[31mimage 0\u{1B}[0m  \u{1B}[32mimage 1\u{1B}[0m")
    }

    @Test func fullBatchIsSummarised() throws {
        let t = try Self.tutorial([128, 28, 28], names: ["image", "row", "pixel"])
        let text = t.text()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "track x (128, 28, 28) → xs: a list of 28 arrays of shape (128, 28); each element labelled by the image it came from (axis 0 of x)")
        #expect(lines[1] == "xs[p][i, j] = x[i, p, j]")
        #expect(Array(lines[2...6]) == ["xs[0] holds row 0 of every image", "xs[1] holds row 1 of every image",
                                        "xs[2] holds row 2 of every image", "…", "xs[27] holds row 27 of every image"])
        #expect(lines[8] == "xs[0] [[  0   0   0 ...   0   0   0]")
        #expect(lines.count == 8 + 7 + 1)
        #expect(lines.last == "…")
    }

    @Test func unnamedAxesAndAMergedReshape() throws {
        let x = try NDArray.arange(.int(24)).reshape([2, 4, 3])
        let o = try Track.indexArray(shape: [2, 4, 3]).transpose([1, 0, 2]).reshape([-1, 3])
        let t = try Track(source: .init(name: "x", shape: [2, 4, 3], axis: 1), sourceValues: x, resultName: "y",
                          origins: [o], values: [x.transpose([1, 0, 2]).reshape([-1, 3])], isList: false)
        #expect(t.formulas == ["y[i, j] = x[i % 2, i // 2, j]"])
        #expect(t.sentence(0) == "holds all of x")
        #expect(NumpyFormat.str(t.labels(0)) == "[[0 0 0]\n [0 0 0]\n [1 1 1]\n [1 1 1]\n [2 2 2]\n [2 2 2]\n [3 3 3]\n [3 3 3]]")
    }

    @Test func slicesAreDescribedByRange() throws {
        let x = try NDArray.arange(.int(24)).reshape([2, 4, 3])
        let o = try Track.indexArray(shape: [2, 4, 3]).subscripted([.index(1), .slice(start: 1, stop: 3, step: nil)])
        let t = try Track(source: .init(name: "x", shape: [2, 4, 3], axis: 1, axisNames: ["image", "row", "pixel"]),
                          sourceValues: x, resultName: "y", origins: [o],
                          values: [x.subscripted([.index(1), .slice(start: 1, stop: 3, step: nil)])], isList: false)
        #expect(t.formulas == ["y[i, j] = x[1, i + 1, j]"])
        #expect(t.sentence(0) == "holds rows 1 to 2 of image 1")
    }

    @Test func hugeSourcesAreRefusedBeforeAllocating() {
        #expect(throws: TensorError.self) { try Track.indexArray(shape: [60000, 28, 28]) }
    }

    @Test func arithmeticIsRefused() throws {
        let x = try NDArray.arange(.int(6))
        let doubled = try NDArray((0..<6).map { Int64(2 * $0) }, shape: [6])
        #expect(throws: TensorError.self) {
            try Track(source: .init(name: "x", shape: [6]), sourceValues: x, resultName: "y",
                      origins: [Track.indexArray(shape: [6])], values: [doubled], isList: false)
        }
    }
}
