import Testing
@testable import Printing

@Suite struct ViewsBarChartTests {
    let labels = ["0", "1", "7"]
    let probabilities = [0.01, 0.2, 0.79]

    @Test func plainBarsInWholeColumnsWithAMarkerOnTheMaximum() {
        let text = BarChart.render(labels: labels, values: probabilities, style: .plain, maximum: 1, barWidth: 10)
        #expect(text == """
            0            0.010
            1 ##         0.200
            7 ########   0.790 <
            """)
        expectClean(text, style: .plain)
    }

    @Test func unicodeBarsInEighths() {
        // 0.01·80 = 0.8 → one eighth; 0.2·80 = 16 → two blocks; 0.79·80 = 63.2 → 7 blocks + 7/8.
        let text = BarChart.render(labels: labels, values: probabilities, style: .unicode(), maximum: 1, barWidth: 10)
        #expect(text == """
            0 ▏          0.010
            1 ██         0.200
            7 ███████▉   0.790 ◀
            """)
        expectClean(text, style: .unicode())
    }

    @Test func colourHighlightsTheMaximumInsteadOfAMarker() {
        let text = BarChart.render(labels: labels, values: probabilities, style: .colour(), maximum: 1, barWidth: 10)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "0 ▏          0.010")
        #expect(lines[2] == esc + "1m7" + esc + "0m " + esc + "1m" + esc + "32m███████▉" + esc + "0m   " + esc + "1m0.790" + esc + "0m")
    }

    @Test func fullBarIsTheLargestValueByDefault() {
        let text = BarChart.render(labels: ["a", "bb"], values: [2, 4], style: .plain, barWidth: 4)
        #expect(text == "a  ##   2.000\nbb #### 4.000 <")
    }

    @Test func negativeAndNaNValuesDrawNoBar() {
        let text = BarChart.render(labels: ["x", "y", "z"], values: [-1, .nan, 0.5], style: .plain,
                                   maximum: 1, barWidth: 4, decimals: 2)
        #expect(text == "x      -1.00\ny        nan\nz ##    0.50 <")
    }

    @Test func defaultWidthFitsTheTerminal() {
        // 30 columns: label 1 + value 5 + two spaces + marker 2 leave 20 for the bar.
        let text = BarChart.render(labels: ["7"], values: [0.981], style: TerminalStyle(colour: false, unicode: true, width: 30), maximum: 1)
        #expect(text == "7 ███████████████████▋ 0.981 ◀")
        #expect(BarChart.render(labels: [], values: [], style: .plain).isEmpty)
    }
}
