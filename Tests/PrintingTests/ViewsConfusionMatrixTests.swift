import Testing
import Tensor
@testable import Printing

@Suite struct ViewsConfusionMatrixTests {
    let counts = [[50, 2, 0],
                  [1, 48, 3],
                  [0, 0, 47]]

    @Test func plainTableWithPerClassAccuracyPrecisionAndTotal() throws {
        // Rows sum to 52, 52, 47; columns to 51, 50, 50; 145 of 151 on the diagonal.
        let text = try ConfusionMatrix.render(counts: counts, style: .plain)
        #expect(text == """
                    predicted
            actual     0     1     2    acc
                 0    50     2     .  0.962
                 1     1    48     3  0.923
                 2     .     .    47  1.000
              prec 0.980 0.960 0.940
            accuracy 0.9603 (145/151)
            """)
        expectClean(text, style: .plain)
    }

    @Test func unicodeZerosAreMiddleDots() throws {
        let text = try ConfusionMatrix.render(counts: counts, style: .unicode())
        #expect(text.split(separator: "\n")[4] == "     2     ·     ·    47  1.000")
    }

    @Test func colourMarksTheDiagonalAndTheMistakes() throws {
        let text = try ConfusionMatrix.render(counts: counts, style: .colour())
        let row = text.split(separator: "\n").map(String.init)[2]
        #expect(row == "     0" + esc + "1m" + esc + "32m    50" + esc + "0m" + esc + "31m     2" + esc + "0m"
                + esc + "2m     ·" + esc + "0m  0.962")
    }

    @Test func labelsWidenTheColumns() throws {
        let text = try ConfusionMatrix.render(counts: [[3, 1], [0, 0]], labels: ["cat", "penguin"], style: .plain)
        #expect(text == """
                     predicted
            actual      cat penguin    acc
                cat       3       1  0.750
            penguin       .       0      -
               prec   1.000   0.000
            accuracy 0.7500 (3/4)
            """)
    }

    @Test func countsFromPredictions() {
        let m = ConfusionMatrix.counts(actual: [0, 1, 2, 2, 5, -1], predicted: [0, 2, 2, 1, 0, 0], classes: 3)
        #expect(m == [[1, 0, 0], [0, 0, 1], [0, 1, 1]])
    }

    @Test func refusesMalformedMatrices() {
        #expect(throws: TensorError.self) { try ConfusionMatrix.render(counts: [[1, 2], [3]], style: .plain) }
        #expect(throws: TensorError.self) { try ConfusionMatrix.render(counts: [[1, -2], [3, 4]], style: .plain) }
        #expect(throws: TensorError.self) { try ConfusionMatrix.render(counts: [[1]], labels: ["a", "b"], style: .plain) }
        #expect((try? ConfusionMatrix.render(counts: [], style: .plain)) == "(no classes)")
        // Sums saturate rather than overflow.
        #expect((try? ConfusionMatrix.render(counts: [[Int.max, Int.max], [0, 0]], style: .plain)) != nil)
    }
}
