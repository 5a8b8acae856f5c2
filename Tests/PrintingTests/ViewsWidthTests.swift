import Foundation
import Testing
import Tensor
@testable import Printing

/// Every view at the widths a learner's terminal has (60, 80 and 120 columns), plain and in
/// colour: no line is wider than the terminal (a wider one wraps and breaks the picture), and
/// the layout adapts as stated (exact lines where the width decides them).
@Suite struct ViewsWidthTests {
    static let widths = [60, 80, 120]
    static func styles(_ width: Int) -> [TerminalStyle] {
        [TerminalStyle(colour: false, unicode: false, width: width), .colour(width: width)]
    }
    static let fashion = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
    static let probabilities = [0.01, 0.0, 0.02, 0.0, 0.01, 0.05, 0.0, 0.11, 0.0, 0.80]

    func expectFits(_ text: String, _ width: Int, _ view: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(ViewText.visibleWidth(line) <= width, "\(view) at \(width): \(line)", sourceLocation: sourceLocation)
        }
    }

    /// A kernel-like (156, 512) signed matrix: drawn in blocks, with its structure (a positive
    /// left half, a negative right half) kept by the signed extreme.
    @Test(arguments: widths)
    func heatmap(width: Int) throws {
        var values = [Float](repeating: 0, count: 156 * 512)
        for i in values.indices {
            let magnitude = Float(1 + i % 7) / 7
            values[i] = i % 512 < 256 ? magnitude : -magnitude
        }
        let kernel = try NDArray(values, shape: [156, 512])
        for style in Self.styles(width) {
            let text = try Heatmap.render(kernel, style: style)
            expectFits(text, width, "heatmap")
            let lines = text.split(separator: "\n").map(String.init)
            let cells = (width - 2) / 2, factor = (512 - 1) / cells + 1
            let how = "shown as 32×\((512 - 1) / factor + 1), one cell per 5×\(factor) block:"
            // Too long for 60 columns: the aggregation goes on a line of its own.
            let wrapped = width < 72
            #expect(Array(lines[1...(wrapped ? 2 : 1)]) == (wrapped ? [how, "  its largest |value| (sign kept)"] : [how + " its largest |value| (sign kept)"]))
            if !style.colour {
                // The first row: `+#` cells on the left half, `-#` on the right, none blank.
                let row = lines[wrapped ? 4 : 3].dropFirst().dropLast()
                #expect(row.hasPrefix("+#+#") && row.hasSuffix("-#-#") && !row.contains("  "), "\(row)")
            }
        }
    }

    @Test(arguments: widths)
    func lineChart(width: Int) {
        let loss = LineSeries("loss", (0..<200).map { 2.3 * exp(-Double($0) / 60) + 0.3 })
        for style in Self.styles(width) {
            let text = LineChart.render(series: [loss], style: style, title: "loss", xLabel: "step", height: 8)
            expectFits(text, width, "line chart")
        }
    }

    @Test(arguments: widths)
    func barChartAndPrediction(width: Int) throws {
        let pixels: [Float] = (0..<784).map { Float(($0 % 28) * ($0 / 28)) / 729 }
        let image = try NDArray(pixels, shape: [784])
        for style in Self.styles(width) {
            let bars = BarChart.render(labels: Self.fashion, values: Self.probabilities, style: style, maximum: 1)
            expectFits(bars, width, "bar chart")
            let labels = Self.fashion.enumerated().map { "\($0.offset) \($0.element)" }
            let prediction = try PredictionView.render(image: image, probabilities: Self.probabilities, labels: labels,
                                                       title: "test image 0: label 9 Ankle boot", style: style)
            expectFits(prediction, width, "prediction")
            let picture = try DigitView.render(image, style: style)
            expectFits(picture, width, "digit")
        }
        // In 60 plain columns the 56-column digit leaves no room beside it: the chart goes under.
        let plain60 = try PredictionView.render(image: image, probabilities: Self.probabilities, labels: nil, style: TerminalStyle(colour: false, unicode: false, width: 60))
        #expect(plain60.split(separator: "\n", omittingEmptySubsequences: false).count == 28 + 10)
        let plain120 = try PredictionView.render(image: image, probabilities: Self.probabilities, labels: nil, style: TerminalStyle(colour: false, unicode: false, width: 120))
        #expect(plain120.split(separator: "\n", omittingEmptySubsequences: false).count == 28)
        // 80 columns: the digit (56) and a chart of the long Fashion names do not fit side by side.
        let labels = Self.fashion.enumerated().map { "\($0.offset) \($0.element)" }
        let plain80 = try PredictionView.render(image: image, probabilities: Self.probabilities, labels: labels, style: TerminalStyle(colour: false, unicode: false, width: 80))
        let lines80 = plain80.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines80.count == 28 + 10)
        #expect(lines80.last == "9 Ankle boot  ########################       0.800 <")
    }

    @Test(arguments: widths)
    func progressLine(width: Int) {
        for style in Self.styles(width) {
            let prefix = "Epoch 1/3 "
            var lineStyle = style
            lineStyle.width -= prefix.count
            let line = prefix + ProgressLine.live(step: 17, total: 429, elapsed: 2.5, metrics: [("loss", 0.6616), ("acc", 0.757)],
                                                  examplesPerSecond: 11234, style: lineStyle)
            // A live line stays off the last column, so `\r` always returns to its start.
            #expect(ViewText.visibleWidth(line) < width, "\(line)")
        }
    }
}
