import Testing
import Tensor
@testable import Printing

@Suite struct ViewsHeatmapTests {
    let signed = try? NDArray([-1, 0, 0.5, 1, -0.25, 0] as [Double], shape: [2, 3])

    @Test func signedDataPlainShowsSignAndMagnitude() throws {
        let a = try #require(signed)
        // |t|·4 rounded: -1 → -#, 0 → blank, 0.5 → +:, -0.25 → -.
        let text = try Heatmap.render(a, style: .plain)
        #expect(text == """
            (2, 3) float64  min -1  max 1
            +------+
            |-#  +:|
            |+#-.  |
            +------+
            scale -1 [-# -* -: -.    +. +: +* +#] 1, 0 in the middle
            """)
        expectClean(text, style: .plain)
    }

    @Test func signedDataUnicode() throws {
        let a = try #require(signed)
        let text = try Heatmap.render(a, style: .unicode())
        #expect(text == """
            (2, 3) float64  min -1  max 1
            ┌──────┐
            │-█  +▒│
            │+█-░  │
            └──────┘
            scale -1 [-█ -▓ -▒ -░    +░ +▒ +▓ +█] 1, 0 in the middle
            """)
        expectClean(text, style: .unicode())
    }

    @Test func oneSignedDataUsesTheDensityRampFromMinToMax() throws {
        let text = try Heatmap.render(NDArray([0, 0.5, 1] as [Float]), style: .plain)
        #expect(text == """
            (3,) float32  min 0  max 1
            +------+
            |  ++@@|
            +------+
            scale 0 [ .:-=+*#%@] 1
            """)
    }

    @Test func colourSequentialIsViridisInTrueColour() throws {
        let text = try Heatmap.render(NDArray([0, 0.5, 1] as [Float]), style: .colour(trueColour: true))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[2] == "│" + esc + "48;2;68;1;84m  " + esc + "48;2;33;145;140m  " + esc + "48;2;253;231;37m  " + esc + "0m│")
        #expect(lines[4].hasPrefix("scale 0 [" + esc + "48;2;68;1;84m "))
        #expect(lines[4].hasSuffix(esc + "48;2;253;231;37m " + esc + "0m] 1"))
    }

    @Test func colourDivergingIsBlueToRedIn256Colours() throws {
        let text = try Heatmap.render(NDArray([-1, 0, 1] as [Float]), style: .colour())
        let lines = text.split(separator: "\n").map(String.init)
        // RdBu's ends and its near-white middle (247, 247, 247 is nearer cube white than grey 238).
        #expect(lines[2] == "│" + esc + "48;5;25m  " + esc + "48;5;231m  " + esc + "48;5;124m  " + esc + "0m│")
        #expect(lines[4].hasSuffix("0m] 1, 0 in the middle"))
    }

    @Test func largeArraysAreShrunkAndSaySo() throws {
        // Rows averaged in pairs: 2, 3, 4, 5 and 10, 11, 12, 13 out of 0…15.
        let text = try Heatmap.render(NDArray((0..<16).map { Double($0) }, shape: [4, 4]), style: .plain, maxRows: 2)
        #expect(text == """
            (4, 4) float64  min 0  max 15
            shown as 2×4, one cell per 2×1 block: its mean
            +--------+
            |..::::--|
            |**####%%|
            +--------+
            scale 0 [ .:-=+*#%@] 15
            """)
        let wide = try Heatmap.render(NDArray((0..<100).map { Double($0) }, shape: [1, 100]), style: TerminalStyle(colour: false, unicode: false, width: 22))
        #expect(wide.split(separator: "\n")[1...2].map(String.init) == ["shown as 1×10, one cell per 1×10 block:", "  its mean"])
        #expect(wide.split(separator: "\n")[4] == "|  ..::--==++**##%%@@|")
    }

    @Test func aGateSizedArrayFitsTheTerminal() throws {
        var values: [Float] = []
        for i in 0..<(128 * 512) {
            let residue = (i * 7919) % 2001 - 1000
            values.append(Float(residue) / 1000)
        }
        let text = try Heatmap.render(NDArray(values, shape: [128, 512]), style: .plain)
        let lines = text.split(separator: "\n")
        #expect(lines[0].hasPrefix("(128, 512) float32  min -1  max 1"))
        #expect(lines[1] == "shown as 32×37, one cell per 4×14 block: its largest |value| (sign kept)")
        #expect(lines.allSatisfy { ViewText.visibleWidth($0) <= 80 })
        #expect(lines.count == 32 + 5)
    }

    /// Signed weights in blocks: their mean cancels to a blank picture, the signed extreme keeps
    /// the structure, the standard deviation shows where blocks vary.
    @Test func blocksOfSignedWeightsKeepTheirStructure() throws {
        // Columns alternate ±1, except columns 4–7 whose values are ±3; a 20-column terminal
        // shrinks the 16 columns into 8 cells of 2 (and puts how a block became a cell on a
        // line of its own).
        var values: [Double] = []
        for _ in 0..<2 { for c in 0..<16 { values.append((c % 2 == 0 ? 1 : -1) * (c / 4 == 1 ? 3 : 1)) } }
        let w = try NDArray(values, shape: [2, 16])
        let style = TerminalStyle(colour: false, unicode: false, width: 20)
        let mean = try Heatmap.render(w, style: style, aggregation: .mean).split(separator: "\n").map(String.init)
        #expect(Array(mean[1...2]) == ["shown as 2×8, one cell per 1×2 block:", "  its mean"])
        #expect(mean[4] == "|                |", "the mean of ±v is 0: a blank row")
        let extreme = try Heatmap.render(w, style: style).split(separator: "\n").map(String.init)
        #expect(Array(extreme[1...2]) == ["shown as 2×8, one cell per 1×2 block:", "  its largest |value| (sign kept)"])
        #expect(extreme[4] == "|+.+.+#+#+.+.+.+.|")
        let spread = try Heatmap.render(w, style: style, aggregation: .std).split(separator: "\n").map(String.init)
        #expect(Array(spread[1...2]) == ["shown as 2×8, one cell per 1×2 block:", "  its standard deviation"])
        #expect(spread[0] == "(2, 16) float64  min -3  max 3")
        #expect(spread.last == "scale 1 [ .:-=+*#%@] 3")
        #expect(spread[4] == "|    @@@@        |")
        // Images (one-signed) keep the mean by default.
        let image = try Heatmap.render(NDArray((0..<32).map { Double($0) }, shape: [2, 16]), style: style)
        #expect(image.split(separator: "\n")[1...2].map(String.init) == ["shown as 2×8, one cell per 1×2 block:", "  its mean"])
    }

    @Test func nonFiniteValuesAreMarked() {
        let text = Heatmap.render(values: [1, .nan, 3, .infinity], rows: 2, columns: 2, style: .plain)
        #expect(text == """
            (2, 2)  min 1  max 3  (2 not finite)
            +----+
            |  ??|
            |@@@@|
            +----+
            scale 1 [ .:-=+*#%@] 3
            """)
        #expect(Heatmap.render(values: [.nan], rows: 1, columns: 1, style: .plain) == "(1, 1), no finite values")
        #expect(Heatmap.render(values: [1, 2], rows: 2, columns: 2, style: .plain) == "(2, 2), but only 2 values were given")
        #expect(Heatmap.render(values: [], rows: 0, columns: 3, style: .plain) == "(0, 3), empty")
    }

    @Test func refusesArraysOfOtherRanks() throws {
        #expect(throws: TensorError.self) { try Heatmap.render(NDArray([1, 2] as [Float], shape: [1, 1, 2]), style: .plain) }
        #expect(throws: TensorError.self) { try Heatmap.render(NDArray(scalar: Float(1)), style: .plain) }
    }
}

/// Issue 12: plots and heatmaps of huge arrays are reduced before drawing, so their time and
/// memory are bounded whatever the array's size.
@Suite struct HugeArrayViewTests {
    @Test func aHugeHeatmapIsReadFromASampleAndSaysSo() throws {
        // 2,000 × 2,000 into 32 rows: blocks of 63 × 51 elements, read at 32 × 32 points each.
        var values = [Double](repeating: 1, count: 2000 * 2000)
        values[0] = -4   // the first element of a block is always read
        let text = try Heatmap.render(try NDArray(values, shape: [2000, 2000]), style: .plain)
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "(2000, 2000) float64  min -4  max 1 (sampled: 32×32 values per block)")
        #expect(lines[1] == "shown as 32×39, one cell per 63×52 block: its largest |value| (sign kept)")
        #expect(lines[3].hasPrefix("|-#+.+."))
        #expect(lines.allSatisfy { ViewText.visibleWidth($0) <= 80 })
    }

    @Test func aSmallBlockIsStillReadWhole() throws {
        // Blocks up to 32 × 32 are exact: the same picture as before sampling existed.
        let text = try Heatmap.render(try NDArray((0..<(64 * 64)).map { Double($0 % 7) }, shape: [64, 64]), style: .plain, maxRows: 2)
        #expect(text.split(separator: "\n")[0] == "(64, 64) float64  min 0  max 6")
    }

    @Test func aLongSeriesBecomesMinAndMaxPerSpan() throws {
        var values = [Double](repeating: 0, count: 1_000_000)
        values[0] = 9       // the first element of a span is always read
        values[999_999] = -2
        let s = LineSeries.sampled(try NDArray(values, shape: [1_000_000]), name: "values")
        #expect(s.name == "values (1000000 values: min and max of each of 1024 spans, 64 evenly spaced values read per span)")
        #expect(s.values.count <= 2 * 1024)
        #expect(s.values.max() == 9 && s.values.min() == -2)
        #expect(s.x?.first == 0 && s.x?.last == 999_999)
        let short = LineSeries.sampled(try NDArray([3.0, 1, 4], shape: [3]), name: "values")
        #expect(short == LineSeries("values", [3, 1, 4]))
        let base = try NDArray([3.0, 1, 4, 1, 5, 9], shape: [6])
        let strided = LineSeries.sampled(NDArray(viewing: base.storage, dtype: .float64, shape: [3], strides: [2], offset: 0), name: "v")
        #expect(strided.values == [3, 4, 5])
    }

    /// The x axis of a long series runs from index 0 to the last index even when neither end
    /// is its span's extreme: `plot` of 2·10^8 values was labelled `1.55e+05 … 1.999e+08`.
    @Test func aLongSeriesKeepsItsFirstAndLastIndex() throws {
        let n = 1_000_000
        var values = [Double](repeating: 1, count: n)
        values[15] = 0; values[30] = 2              // read in the first span (every 976/63rd)
        values[999_023] = 3; values[999_983] = -1   // read in the last span
        let s = LineSeries.sampled(try NDArray(values, shape: [n]), name: "values")
        #expect(Array(s.x?.prefix(3) ?? []) == [0, 15, 30] && Array(s.values.prefix(3)) == [1, 0, 2])
        #expect(Array(s.x?.suffix(3) ?? []) == [999_023, 999_983, 999_999] && Array(s.values.suffix(3)) == [3, -1, 1])
        let chart = LineChart.render(series: [s], style: .plain)
        let lines = chart.split(separator: "\n")
        let axis = lines.firstIndex { $0.contains("+---") } ?? lines.count
        let ticks = axis + 1 < lines.count ? lines[axis + 1].split(separator: " ").map(String.init) : []
        #expect(ticks.first == "0" && ticks.last == "999999", "\(chart)")
    }
}
