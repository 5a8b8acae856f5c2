import Testing
@testable import Printing

@Suite struct ViewsLineChartTests {
    let narrow = TerminalStyle(colour: false, unicode: false, width: 20)

    @Test func plainOneSeriesInterpolatedPerColumn() {
        // 13 columns: x 0, 1, 2 at columns 0, 6, 12; y 0…2 over rows 2…0.
        let text = LineChart.render(series: [LineSeries("a", [0, 1, 2])], style: narrow, height: 3)
        #expect(text == """
            2.00 +          ***
                 |    ******
            0.00 +****
                 +-------------
                  0     1     2
            """)
        expectClean(text, style: narrow)
    }

    @Test func unicodeOneSeriesInBraille() {
        let style = TerminalStyle(colour: false, unicode: true, width: 20)
        let text = LineChart.render(series: [LineSeries("a", [0, 1, 2])], style: style, height: 3)
        #expect(text == """
            2.00 ┤         ⣀⠤⠒⠉
                 │     ⣀⠤⠒⠉
            0.00 ┤⣀⠤⠒⠊⠉
                 └─────────────
                  0     1     2
            """)
        expectClean(text, style: style)
    }

    @Test func plainSeveralSeriesUseMarkersTitleAxisNameAndLegend() {
        let text = LineChart.render(series: [LineSeries("loss", [2, 1, 0.5]), LineSeries("val", [1.5, 1.5, 1])],
                                    style: narrow, title: "Loss", xLabel: "epoch", height: 4)
        #expect(text == """
            Loss
            2.00 +**
                 |ooooooooo
                 |     ****oooo
            0.50 +         ****
                 +-------------
                  0     1     2
                      epoch
                  * loss   o val
            """)
        expectClean(text, style: narrow)
    }

    @Test func colourSeriesAreBrailleInTheirOwnColours() {
        let style = TerminalStyle(colour: true, unicode: true, width: 20)
        let text = LineChart.render(series: [LineSeries("loss", [2, 1, 0.5]), LineSeries("val", [1.5, 1.5, 1])],
                                    style: style, title: "Loss", xLabel: "epoch", height: 4)
        let cyan = esc + "36m", yellow = esc + "33m", reset = esc + "0m"
        #expect(text == [
            esc + "1mLoss" + reset,
            "2.00 ┤" + cyan + "⠑⠤⡀" + reset,
            "     │" + yellow + "⠒⠒⠚⠒⢖⠒⠒⠢⢄⡀" + reset,
            "     │     " + cyan + "⠉⠢⢄⡀" + yellow + "⠈⠉⠒⠤" + reset,
            "0.50 ┤        " + cyan + "⠈⠑⠒⠤⣀" + reset,
            "     └─────────────",
            "      0     1     2",
            "          epoch",
            "      " + cyan + "━━" + reset + " loss   " + yellow + "━━" + reset + " val",
        ].joined(separator: "\n"))
    }

    @Test func gapsExplicitXAndFixedYRange() {
        // The NaN breaks the line: x=10 is a lone point; 30…40 a segment.
        let style = TerminalStyle(colour: false, unicode: false, width: 30)
        let text = LineChart.render(series: [LineSeries("a", [1, .nan, 3, 2], x: [10, 20, 30, 40])],
                                    style: style, height: 3, yRange: 0...4)
        #expect(text == """
            4.00 +
                 |               ********
            0.00 +*
                 +-----------------------
                  10    20      30     40
            """)
    }

    @Test func xTicksAreRoundNumbers() {
        let ticks = LineChart.xTickLabels(lo: 0, hi: 199, columns: 73, xs: [0, 199])
        #expect(ticks.map(\.1) == ["0", "50", "100", "150", "199"])
        let fractional = LineChart.xTickLabels(lo: 0, hi: 1, columns: 41, xs: [0, 0.5, 1])
        // A quarter of the span is 0.25; the next round step is 0.5.
        #expect(fractional.map(\.1) == ["0.00", "0.50", "1.00"])
        #expect(fractional.map(\.0) == [0, 20, 40])
        let epochs = LineChart.xTickLabels(lo: 1, hi: 3, columns: 41, xs: [1, 2, 3])
        #expect(epochs.map(\.1) == ["1", "2", "3"])
    }

    @Test func degenerateInputs() {
        #expect(LineChart.render(series: [], style: narrow, title: "T") == "T\n(no data)")
        #expect(LineChart.render(series: [LineSeries("a", [.nan, .infinity])], style: narrow) == "(no data)")
        // A flat series is widened around its value so it can be drawn.
        #expect(LineChart.render(series: [LineSeries("a", [5, 5])], style: narrow, height: 2) == """
            5.50 +
            4.50 +*************
                 +-------------
                  0           1
            """)
    }

    @Test func fitsTheWidthInEveryMode() {
        let steps = (0..<500).map { 2.3 * (1 - Double($0) / 600) }
        for style in [TerminalStyle.plain, .unicode(), .colour()] {
            let text = LineChart.render(series: [LineSeries("loss", steps), LineSeries("acc", steps.map { 2.3 - $0 })],
                                        style: style, title: "Training", xLabel: "step")
            #expect(text.split(separator: "\n").allSatisfy { ViewText.visibleWidth($0) < 80 })
            expectClean(text, style: style)
        }
    }

    /// The y labels of a chart (the text before each row's axis character) by row.
    func yLabels(_ text: String) -> [(row: Int, label: String)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { i, line in
            guard let plus = line.firstIndex(of: "+") else { return nil }
            let label = line[..<plus].trimmingCharacters(in: .whitespaces)
            return label.isEmpty ? nil : (i, label)
        }
    }

    @Test func yLabelsAreRoundAndEvenlySpaced() {
        let wide = TerminalStyle(colour: false, unicode: false, width: 40)
        // 1…9 fits 0…10 in steps of 2; 11 rows put a label on every second row.
        let fitted = LineChart.render(series: [LineSeries("a", [3, 1, 4, 1, 5, 9, 2, 6])], style: wide, height: 10)
        #expect(yLabels(fitted).map(\.label) == ["10", "8", "6", "4", "2", "0"])
        #expect(yLabels(fitted).map(\.row) == [0, 2, 4, 6, 8, 10])
        // A fixed 0…1 (accuracy) takes the step that divides it: quarters on 9 rows.
        let accuracy = LineChart.render(series: [LineSeries("a", [0.1, 0.9])], style: wide, height: 10, yRange: 0...1)
        #expect(yLabels(accuracy).map(\.label) == ["1.00", "0.75", "0.50", "0.25", "0.00"])
        #expect(yLabels(accuracy).map(\.row) == [0, 2, 4, 6, 8])
        // A loss curve: 0.48…2.302 becomes 0…2.5 in halves.
        let loss = LineChart.render(series: [LineSeries("loss", [2.302, 0.61, 0.48])], style: wide, height: 10)
        #expect(yLabels(loss).map(\.label) == ["2.5", "2.0", "1.5", "1.0", "0.5", "0.0"])
        // A point of exactly a label's value is drawn on that label's row.
        let exact = LineChart.render(series: [LineSeries("a", [0, 4, 8])], style: wide, height: 10)
        let rows = exact.split(separator: "\n").map(String.init)
        #expect(rows.first { $0.hasPrefix("4 +") }?.contains("*") == true)
    }

    @Test func aOnePointSeriesIsAMarkerWithItsValue() {
        let wide = TerminalStyle(colour: false, unicode: false, width: 40)
        let single = LineChart.render(series: [LineSeries("a", [0.5])], style: wide, height: 10)
        #expect(single.contains("+* 0.5") || single.contains("|* 0.5"))
        // At the right edge the value goes left of the marker, which stays at its x.
        let twoSeries = LineChart.render(series: [LineSeries("acc", [0.2, 0.4, 0.6], x: [0.5, 0.75, 1]),
                                                  LineSeries("val", [0.8], x: [1])],
                                         style: wide, height: 10, yRange: 0...1)
        let line = twoSeries.split(separator: "\n").first { $0.contains("0.8") }.map(String.init) ?? ""
        #expect(line.hasSuffix(" 0.8 o"))
        let unicode = LineChart.render(series: [LineSeries("a", [0.5])], style: TerminalStyle(colour: false, unicode: true, width: 40), height: 10)
        #expect(unicode.contains("● 0.5"))
    }

    @Test func epochChartsStartAtZero() {
        let wide = TerminalStyle(colour: false, unicode: false, width: 40)
        let text = LineChart.render(series: [LineSeries("loss", [2, 1, 0.5], x: [1.0 / 3, 2.0 / 3, 1])], style: wide, height: 10, xFrom: 0)
        let ticks = text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(ticks.trimmingCharacters(in: .whitespaces).hasPrefix("0.00 "))
    }

    @Test(arguments: [(0.4, 0.5), (2.0, 2.0), (2.1, 2.5), (0.07, 0.1), (3.0, 5.0), (6.0, 10.0), (0.0, -1.0), (Double.nan, -1.0)])
    func roundSteps(raw: Double, step: Double) {
        #expect((LineChart.roundStep(raw) ?? -1) == step)
    }

    @Test func dividingStepsAndDecimals() {
        #expect(LineChart.dividingStep(of: 1, from: 0.25) == 0.25)
        #expect(LineChart.dividingStep(of: 4, from: 2.5) == nil)   // 2.5, 5, 10, 20, 25 leave a part step
        #expect(LineChart.dividingStep(of: 3, from: 1) == 1)
        #expect(LineChart.decimals(ofStep: 0.25) == 2)
        #expect(LineChart.decimals(ofStep: 20) == 0)
        #expect(LineChart.decimals(ofStep: 0.5) == 1)
    }
}
