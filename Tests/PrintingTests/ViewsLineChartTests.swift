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
}
