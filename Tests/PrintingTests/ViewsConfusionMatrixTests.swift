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

/// Fashion-MNIST's long class names at the widths a learner's terminal has: the table always
/// fits, and the names are never lost.
@Suite struct ViewsConfusionMatrixWidthTests {
    static let fashion = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
    static let counts: [[Int]] = (0..<10).map { i in (0..<10).map { j in i == j ? 900 + 7 * i : (i + 2 * j) % 9 == 0 ? 13 * (i + 1) : 0 } }

    @Test(arguments: [60, 80, 120])
    func fitsTheTerminal(width: Int) throws {
        for style in [TerminalStyle(colour: false, unicode: false, width: width), .colour(width: width)] {
            let text = try ConfusionMatrix.render(counts: Self.counts, labels: Self.fashion, style: style)
            for line in text.split(separator: "\n") {
                #expect(ViewText.visibleWidth(line) <= width, "\(width) columns: \(line)")
            }
            for name in Self.fashion { #expect(text.contains(name), "\(name) is shown at width \(width)") }
        }
    }

    @Test func eightyColumnsNumberTheColumnsAndNameTheRows() throws {
        let text = try ConfusionMatrix.render(counts: Self.counts, labels: Self.fashion, style: TerminalStyle(colour: false, unicode: false, width: 80))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[1] == "actual            0     1     2     3     4     5     6     7     8     9    acc")
        #expect(lines[2] == "0 T-shirt/top   900     .     .     .     .     .     .     .     .    13  0.986")
        #expect(lines.count == 14)
    }

    @Test func sixtyColumnsAddALegend() throws {
        let text = try ConfusionMatrix.render(counts: Self.counts, labels: Self.fashion, style: TerminalStyle(colour: false, unicode: false, width: 60))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[1] == "actual   0   1   2   3   4   5   6   7   8   9    acc")
        #expect(lines[12] == "prec %  87  89  92 100  97  88 100  93  96  98")
        #expect(lines[14] == "0 T-shirt/top  1 Trouser  2 Pullover  3 Dress  4 Coat")
        #expect(lines[15] == "5 Sandal  6 Shirt  7 Sneaker  8 Bag  9 Ankle boot")
    }

    @Test func wideTerminalsKeepNamesAsColumnHeads() throws {
        let text = try ConfusionMatrix.render(counts: Self.counts, labels: Self.fashion, style: TerminalStyle(colour: false, unicode: false, width: 160))
        #expect(text.split(separator: "\n")[1].hasPrefix("actual      T-shirt/top     Trouser"))
    }
}
