import Testing
import Tensor
@testable import Printing

@Suite struct ViewsDigitTests {
    // Ramp positions: 0 → first, 1 → last, v → round(v · (levels − 1)).
    let pixels: [Double] = [0, 0.25, 0.5,
                            1, 0.75, 0.1]

    @Test func plainUsesTheASCIIRampTwoColumnsPerPixel() throws {
        let text = try DigitView.render(pixels: pixels, height: 2, width: 3, style: .plain)
        #expect(text == "  ::++\n@@##..")
        expectClean(text, style: .plain)
    }

    @Test func unicodeWithoutColourUsesTheShadeRamp() throws {
        let text = try DigitView.render(pixels: pixels, height: 2, width: 3, style: .unicode())
        // 0.1 · 4 rounds to the blank level, and trailing blanks are dropped.
        #expect(text == "  ░░▒▒\n██▓▓")
        expectClean(text, style: .unicode())
    }

    @Test func colourDrawsTwoPixelRowsPerLineWithHalfBlocks() throws {
        // Rows: [0, 1], [0.5, 1], [1, 0]: the odd last row has no lower half.
        let text = try DigitView.render(pixels: [0, 1, 0.5, 1, 1, 0], height: 3, width: 2, style: .colour())
        let line1 = esc + "38;5;16m" + esc + "48;5;244m▀" + esc + "38;5;231m" + esc + "48;5;231m▀" + esc + "0m"
        let line2 = esc + "38;5;231m▀" + esc + "38;5;16m▀" + esc + "0m"
        #expect(text == line1 + "\n" + line2)
    }

    @Test func trueColourWritesRGBAndSkipsRepeatedEscapes() throws {
        let text = try DigitView.render(pixels: [1, 1, 0.5, 0.5], height: 2, width: 2, style: .colour(trueColour: true))
        #expect(text == esc + "38;2;255;255;255m" + esc + "48;2;128;128;128m▀▀" + esc + "0m")
    }

    @Test func valuesAreClampedAndNaNIsBackground() throws {
        let text = try DigitView.render(pixels: [-1, .nan, 2, 0.5], height: 2, width: 2, style: .plain)
        #expect(text == "\n@@++")
    }

    @Test func wideImagesAreShrunkByAveragingBlocks() throws {
        // 20 pixels need 40 columns; in 20 they are averaged in 2×2 blocks (here 1×2): 0.5 each.
        let row = (0..<20).map { Double($0 % 2) }
        let text = try DigitView.render(pixels: row, height: 1, width: 20, style: TerminalStyle(colour: false, unicode: false, width: 20))
        #expect(text == String(repeating: "+", count: 20))
    }

    @Test func arraysFlatSquareOrTwoDimensionalUint8Scaled() throws {
        let flat = try NDArray([0, 255, 51, 102] as [UInt8])
        #expect(try DigitView.render(flat, style: .plain) == "  @@\n::==")
        let square = try NDArray([0, 1, 0.2, 0.4] as [Float], shape: [1, 4])
        #expect(try DigitView.render(square, style: .plain) == "  @@::==")
    }

    @Test func refusesShapesThatAreNotImages() throws {
        #expect(throws: TensorError.self) { try DigitView.render(NDArray([1, 2, 3] as [Float]), style: .plain) }
        #expect(throws: TensorError.self) { try DigitView.render(NDArray([1, 2] as [Float], shape: [1, 2, 1]), style: .plain) }
        #expect(throws: TensorError.self) { try DigitView.render(pixels: [1, 2, 3], height: 2, width: 2, style: .plain) }
        #expect(throws: TensorError.self) { try DigitView.render(pixels: [], height: Int.max, width: 2, style: .plain) }
    }

    @Test func anMNISTSizedDigitFitsEightyColumnsInEveryMode() throws {
        var ring = [Double](repeating: 0, count: 784)
        for r in 0..<28 {
            for c in 0..<28 {
                let dr = Double(r) - 13.5, dc = Double(c) - 13.5
                let d = (dr * dr + dc * dc).squareRoot()
                ring[r * 28 + c] = max(0, 1 - abs(d - 8) / 3)
            }
        }
        for style in [TerminalStyle.plain, .unicode(), .colour()] {
            let text = try DigitView.render(pixels: ring, height: 28, width: 28, style: style)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == (style.colour ? 14 : 28))
            #expect(lines.allSatisfy { ViewText.visibleWidth($0) <= 56 })
            expectClean(text, style: style)
        }
    }
}

@Suite struct ViewsPredictionTests {
    let image = try? NDArray([0, 1, 1, 0] as [Float], shape: [2, 2])

    @Test func probabilitiesBesideTheImage() throws {
        let a = try #require(image)
        let text = try PredictionView.render(image: a, probabilities: [0.25, 0.75], title: "test image 0: label 1",
                                             style: TerminalStyle(colour: false, unicode: false, width: 40))
        // 40 columns − 4 for the image − 3 gap leave 33: label 1 + value 5 + spaces 2 + marker 2 → bar 23.
        #expect(text == """
            test image 0: label 1
              @@   0 ######                  0.250
            @@     1 #################       0.750 <
            """)
    }

    @Test func belowTheImageWhenNarrow() throws {
        let a = try #require(image)
        let text = try PredictionView.render(image: a, probabilities: [0.25, 0.75], labels: ["no", "yes"],
                                             style: TerminalStyle(colour: false, unicode: false, width: 24))
        // 24 − 4 − 3 leaves 17 < 20 columns: the chart goes below, with a bar of
        // 24 − label 3 − value 5 − spaces 2 − marker 2 = 12.
        #expect(text == "  @@\n@@\nno  ###          0.250\nyes #########    0.750 <")
        #expect(try PredictionView.render(image: a, probabilities: nil, style: .plain) == "  @@\n@@")
        #expect(throws: TensorError.self) { try PredictionView.render(image: a, probabilities: [1], labels: ["a", "b"], style: .plain) }
    }

    @Test func textWidthIsTheImagesNotItsInk() throws {
        #expect(try DigitView.textWidth(of: [784], style: .plain) == 56)
        #expect(try DigitView.textWidth(of: [28, 28], style: .colour()) == 28)
        // 80 columns hold 40 pixels at two columns each; 41 are shrunk by 2 to 21.
        #expect(try DigitView.textWidth(of: [2, 40], style: .plain) == 80)
        #expect(try DigitView.textWidth(of: [2, 41], style: .plain) == 42)
    }

    @Test func tallImagesAreShrunkToTheLineLimit() throws {
        // 100 rows of 4 pixels, at most 10 lines: shrunk by 10 in both directions → 10 × 1.
        let tall = [Double](repeating: 1, count: 400)
        let text = try DigitView.render(pixels: tall, height: 100, width: 4, style: .plain, maxLines: 10)
        #expect(text == Array(repeating: "@@", count: 10).joined(separator: "\n"))
    }
}
