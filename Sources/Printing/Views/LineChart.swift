import Foundation

/// One curve of a line chart: `values[i]` at `x[i]` (or at `i` when `x` is nil). NaN and
/// infinite values leave a gap.
public struct LineSeries: Sendable, Equatable {
    public var name: String
    public var values: [Double]
    public var x: [Double]?

    public init(_ name: String, _ values: [Double], x: [Double]? = nil) {
        self.name = name
        self.values = values
        self.x = x
    }

    /// The (x, y) pairs, as many as both arrays have.
    var points: [(x: Double, y: Double)] {
        let n = x.map { min($0.count, values.count) } ?? values.count
        return (0..<n).map { i in (x?[i] ?? Double(i), values[i]) }
    }
}

/// Loss and accuracy curves over epochs or steps, drawn in the terminal with a title, y-axis
/// labels, x-axis labels and a legend.
///
/// With Unicode the curves are braille dots (2×4 per character) — in colour, one colour per
/// series; without colour a single series still uses braille, but several use ASCII markers
/// (`*`, `+`, `o`, …) one per character cell, so they stay apart. Plain output is ASCII.
public enum LineChart {
    static let colours: [ANSI.Basic] = [.cyan, .yellow, .magenta, .green, .red, .blue]
    /// `+` is left out: it marks the y-axis ticks.
    static let markers: [Character] = ["*", "o", "x", "#", "@", "%"]

    /// - Parameters:
    ///   - title: the first line (bold with colour).
    ///   - xLabel: the x axis' name, centred under the tick labels (`epoch`, `step`).
    ///   - height: rows of the plot area (2…100).
    ///   - yRange: fixed y limits (e.g. `0...1` for accuracy); nil fits the data and widens it
    ///     to whole tick steps, so every y label is a round number.
    ///   - xFrom: where the x axis starts when the data start later (epoch charts start at 0,
    ///     not at the first batch's 0.0023).
    public static func render(series: [LineSeries], style: TerminalStyle, title: String? = nil,
                              xLabel: String? = nil, height: Int = 10,
                              yRange: ClosedRange<Double>? = nil, xFrom: Double? = nil) -> String {
        var lines: [String] = []
        if let title { lines.append(ANSI.paint(title, nil, bold: true, enabled: style.colour)) }
        let all = series.map(\.points)
        let finite = all.joined().filter { $0.x.isFinite && $0.y.isFinite }
        guard let first = finite.first else {
            lines.append("(no data)")
            return lines.joined(separator: "\n")
        }

        // Ranges: the data's, or the caller's y limits; a flat range is widened so it can be drawn.
        var xlo = first.x, xhi = first.x, ylo = first.y, yhi = first.y
        for p in finite {
            xlo = min(xlo, p.x); xhi = max(xhi, p.x)
            ylo = min(ylo, p.y); yhi = max(yhi, p.y)
        }
        if let yRange, yRange.lowerBound.isFinite, yRange.upperBound.isFinite {
            ylo = yRange.lowerBound; yhi = yRange.upperBound
        }
        if let xFrom, xFrom.isFinite, xFrom < xlo { xlo = xFrom }
        if yhi - ylo <= 0 || !(yhi - ylo).isFinite {
            let pad = ylo == 0 ? 1 : abs(ylo) * 0.1
            ylo -= pad; yhi += pad
        }

        var rows = min(max(height, 2), 100)
        let braille = style.unicode && (style.colour || series.count == 1)
        let sub = braille ? (x: 2, y: 4) : (x: 1, y: 1)

        // Y labels are round numbers when the chart has room (5 rows or more): multiples of a
        // step of 1, 2, 2.5 or 5 times a power of ten giving about `tickCount` labels. A fitted
        // range grows to whole steps, a fixed one takes a step that divides it, so the top and
        // bottom rows are labelled too; the height moves by a row or two so that the labels
        // fall on evenly spaced rows, and each label stands on the row where a point of exactly
        // that value is drawn. A smaller chart names the value at each labelled row's centre.
        let tickCount = rows >= 9 ? 5 : (rows >= 5 ? 3 : 2)
        let fitted = yRange == nil || !(yRange?.lowerBound.isFinite ?? false) || !(yRange?.upperBound.isFinite ?? false)
        var yStep: Double? = nil
        if rows >= 5, let step = roundStep((yhi - ylo) / Double(tickCount - 1)) {
            if fitted {
                let lo = (ylo / step).rounded(.down) * step, hi = (yhi / step).rounded(.up) * step
                if lo.isFinite && hi.isFinite && hi > lo { ylo = lo; yhi = hi; yStep = step }
            } else {
                yStep = dividingStep(of: yhi - ylo, from: step)
            }
        }
        if let yStep {
            let steps = (yhi - ylo) / yStep
            let intervals = steps < 1000 ? Int(steps.rounded()) : 0
            if intervals > 0, let even = [0, -1, 1, -2, 2].map({ rows + $0 }).first(where: { ($0 - 1) % intervals == 0 }) {
                rows = even
            }
        }
        func row(ofValue v: Double) -> Int {
            let dot = clampedInt(((yhi - v) / (yhi - ylo) * Double(rows * sub.y - 1)).rounded(), 0, rows * sub.y - 1)
            return dot / sub.y
        }
        var yLabels: [Int: String] = [:]
        let magnitude = max(abs(ylo), abs(yhi))
        if let yStep, (yhi - ylo) / yStep <= 40 {
            let yDecimals = decimals(ofStep: yStep)
            let first = (ylo / yStep).rounded(.up)
            var k = 0.0
            while (first + k) * yStep <= yhi + yStep * 1e-9 {
                let r = row(ofValue: (first + k) * yStep)
                if yLabels[r] == nil { yLabels[r] = axisNumber((first + k) * yStep, decimals: yDecimals, magnitude: magnitude) }
                k += 1
            }
        } else {
            var tickRows = Set<Int>()
            for k in 0..<tickCount {
                tickRows.insert(clampedInt((Double(k * (rows - 1)) / Double(tickCount - 1)).rounded(), 0, rows - 1))
            }
            let yDecimals = decimals(forSpan: yhi - ylo)
            for r in tickRows {
                let fraction: Double
                if r == 0 { fraction = 0 } else if r == rows - 1 { fraction = 1 } else {
                    fraction = (Double(sub.y * r) + Double(sub.y - 1) / 2) / Double(sub.y * rows - 1)
                }
                yLabels[r] = axisNumber(yhi - fraction * (yhi - ylo), decimals: yDecimals, magnitude: magnitude)
            }
        }
        let tickRows = Set(yLabels.keys)
        let labelWidth = yLabels.values.map { $0.count }.max() ?? 0
        // Never write the terminal's last column: some terminals wrap there.
        let columns = max(8, style.columns - labelWidth - 3)

        // Rasterise: a cell holds a braille bit mask (or a marker) and the series drawn last.
        let dotsX = columns * sub.x, dotsY = rows * sub.y
        var masks = [UInt8](repeating: 0, count: columns * rows)
        var owner = [Int](repeating: -1, count: columns * rows)
        func position(_ p: (x: Double, y: Double)) -> (Int, Int) {
            let fx = xhi > xlo ? (p.x - xlo) / (xhi - xlo) : 0
            let fy = (yhi - p.y) / (yhi - ylo)
            return (clampedInt((fx * Double(dotsX - 1)).rounded(), 0, dotsX - 1),
                    clampedInt((fy * Double(dotsY - 1)).rounded(), 0, dotsY - 1))
        }
        func plot(_ x: Int, _ y: Int, _ s: Int) {
            let cell = (y / sub.y) * columns + x / sub.x
            if braille { masks[cell] |= brailleBit(x % 2, y % 4) }
            owner[cell] = s
        }
        // A series of one point (one epoch's validation accuracy, a model trained one epoch)
        // would be a single dot: it is drawn as a marker with its value beside it.
        var pointLabels: [Int: (series: Int, text: String)] = [:]
        for (s, points) in all.enumerated() {
            let drawable = points.filter { $0.x.isFinite && $0.y.isFinite }
            guard drawable.count == 1, let p = drawable.first else { continue }
            let (dx, dy) = position(p)
            let mark = style.unicode ? "●" : String(markers[s % markers.count])
            let text = mark + " " + ViewText.short(p.y)
            // The value goes right of the marker, or left of it at the right edge.
            let column = dx / sub.x
            if column + text.count <= columns {
                pointLabels[(dy / sub.y) * columns + column] = (s, text)
            } else {
                let flipped = " " + ViewText.short(p.y) + " " + mark
                pointLabels[(dy / sub.y) * columns + max(column - flipped.count + 1, 0)] = (s, flipped)
            }
        }
        for (s, points) in all.enumerated() {
            if points.filter({ $0.x.isFinite && $0.y.isFinite }).count == 1 { continue }
            var previous: (Int, Int)? = nil
            for p in points {
                guard p.x.isFinite && p.y.isFinite else { previous = nil; continue }
                let here = position(p)
                if let previous {
                    if braille { line(from: previous, to: here) { plot($0, $1, s) } }
                    else { columnwiseLine(from: previous, to: here) { plot($0, $1, s) } }
                } else {
                    plot(here.0, here.1, s)
                }
                previous = here
            }
        }

        // Rows: label, axis, cells; colour escapes only where the series changes.
        let axis = style.unicode ? (tick: "┤", bar: "│", corner: "└", rule: "─") : (tick: "+", bar: "|", corner: "+", rule: "-")
        for r in 0..<rows {
            var line = ViewText.padLeft(yLabels[r] ?? "", labelWidth) + " " + (tickRows.contains(r) ? axis.tick : axis.bar)
            let cells = (0..<columns).map { r * columns + $0 }
            var last = cells.lastIndex { owner[$0] >= 0 } ?? -1
            for (c, cell) in cells.enumerated() {
                if let label = pointLabels[cell] { last = max(last, min(c + label.text.count, columns) - 1) }
            }
            var current: Int? = nil
            var c = 0
            while c <= last {
                let cell = cells[c]
                if let label = pointLabels[cell] {
                    if style.colour && current != label.series {
                        line += ANSI.foreground(colours[label.series % colours.count])
                        current = label.series
                    }
                    let text = String(label.text.prefix(columns - c))
                    line += text
                    c += text.count
                    continue
                }
                c += 1
                let s = owner[cell]
                if s < 0 {
                    line += " "
                    continue
                }
                if style.colour && current != s {
                    line += ANSI.foreground(colours[s % colours.count])
                    current = s
                }
                line += braille ? String(brailleCharacter(masks[cell])) : String(markers[s % markers.count])
            }
            if current != nil { line += ANSI.reset }
            lines.append(line)
        }
        lines.append(String(repeating: " ", count: labelWidth + 1) + axis.corner + String(repeating: axis.rule, count: columns))

        // X tick labels under the plot, then the axis name centred beneath them.
        let margin = labelWidth + 2
        let xTicks = xTickLabels(lo: xlo, hi: xhi, columns: columns, xs: finite.map(\.x))
        var tickLine = [Character](repeating: " ", count: margin + columns)
        var end = -1
        for (column, text) in xTicks {
            let count = text.count
            let start = min(max(column - count / 2, 0), max(columns - count, 0))
            if start <= end + 1 && end >= 0 { continue }
            for (i, ch) in text.enumerated() where margin + start + i < tickLine.count { tickLine[margin + start + i] = ch }
            end = start + count
        }
        lines.append(ViewText.stripTrailingSpaces(String(tickLine)))
        if let xLabel, !xLabel.isEmpty {
            let indent = margin + max(0, (columns - xLabel.count) / 2)
            lines.append(String(repeating: " ", count: indent) + xLabel)
        }

        if series.count > 1 {
            let entries = series.enumerated().map { s, item -> String in
                if braille {
                    return ANSI.paint("━━", colours[s % colours.count], enabled: style.colour) + " " + item.name
                }
                return ANSI.paint(String(markers[s % markers.count]), colours[s % colours.count], enabled: style.colour) + " " + item.name
            }
            lines.append(String(repeating: " ", count: margin) + entries.joined(separator: "   "))
        }
        return lines.joined(separator: "\n")
    }

    /// The round step (1, 2, 2.5 or 5 times a power of ten) at least `raw`; nil when `raw` is
    /// not a positive finite number.
    static func roundStep(_ raw: Double) -> Double? {
        guard raw > 0, raw.isFinite else { return nil }
        let magnitude = pow(10, log10(raw).rounded(.down))
        guard magnitude > 0, magnitude.isFinite else { return nil }
        return [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw * (1 - 1e-12) } ?? 10 * magnitude
    }

    /// The first round step from `step` up (at most ten times it) that divides `span` into
    /// whole steps: 0.25 for accuracy's 0…1; nil when none does.
    static func dividingStep(of span: Double, from step: Double) -> Double? {
        var candidate = step
        for _ in 0..<8 {
            let n = span / candidate
            if n >= 1, abs(n - n.rounded()) < 1e-9 * max(1, n) { return candidate }
            guard let next = roundStep(candidate * (1 + 1e-9)), next > candidate, next <= step * 10 else { return nil }
            candidate = next
        }
        return nil
    }

    /// Digits after the point that write every multiple of `step` exactly (0.25 → 2, 20 → 0).
    static func decimals(ofStep step: Double) -> Int {
        for d in 0...6 {
            let scaled = step * pow(10, Double(d))
            if abs(scaled - scaled.rounded()) <= 1e-9 * max(1, abs(scaled)) { return d }
        }
        return 6
    }

    /// Digits after the point that tell neighbouring labels of a range `span` apart.
    static func decimals(forSpan span: Double) -> Int {
        guard span > 0, span.isFinite else { return 2 }
        return min(max(2 - Int(log10(span).rounded(.down)), 0), 6)
    }

    /// A y-axis number: fixed-point, or `%.4g` for magnitudes where fixed-point is unreadable.
    static func axisNumber(_ v: Double, decimals: Int, magnitude: Double) -> String {
        magnitude >= 1e7 ? ViewText.short(v) : ViewText.fixed(v, decimals)
    }

    /// Labelled x positions: the first and last x, and between them the multiples of a round
    /// step (1, 2 or 5 times a power of ten; at least 1 when the x are integers) — at most
    /// about five labels, so `0 50 100 150 199` rather than `0 49.75 99.5 …`.
    static func xTickLabels(lo: Double, hi: Double, columns: Int, xs: [Double]) -> [(Int, String)] {
        let integral = xs.allSatisfy { $0 == $0.rounded() && abs($0) < 1e15 }
        var values = [lo]
        var step = 0.0
        if hi > lo {
            let raw = (hi - lo) / 4
            let magnitude = pow(10, (log10(raw)).rounded(.down))
            step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
            if integral { step = max(step, 1) }
            var k = (lo / step).rounded(.up)
            var count = 0
            while k * step < hi && count < 12 {
                let v = k * step
                // Keep interior ticks clear of the end labels.
                if v - lo >= step / 2 && hi - v >= step / 2 { values.append(v) }
                k += 1
                count += 1
            }
            values.append(hi)
        }
        let xDecimals = integral ? 0 : decimals(forSpan: hi - lo)
        let magnitude = max(abs(lo), abs(hi))
        return values.map { v in
            let f = hi > lo ? (v - lo) / (hi - lo) : 0
            return (clampedInt((f * Double(columns - 1)).rounded(), 0, columns - 1),
                    axisNumber(v, decimals: xDecimals, magnitude: magnitude))
        }
    }

    /// The braille bit of dot column `x` (0–1) and dot row `y` (0–3) of a character.
    static func brailleBit(_ x: Int, _ y: Int) -> UInt8 {
        let left: [UInt8] = [0x01, 0x02, 0x04, 0x40]
        let right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
        return x == 0 ? left[y] : right[y]
    }

    static func brailleCharacter(_ mask: UInt8) -> Character {
        Character(Unicode.Scalar(0x2800 + UInt32(mask)) ?? " ")
    }

    /// Bresenham's line between two dots, both ends included.
    static func line(from a: (Int, Int), to b: (Int, Int), _ plot: (Int, Int) -> Void) {
        var (x, y) = a
        let dx = abs(b.0 - x), dy = -abs(b.1 - y)
        let sx = x < b.0 ? 1 : -1, sy = y < b.1 ? 1 : -1
        var err = dx + dy
        while true {
            plot(x, y)
            if x == b.0 && y == b.1 { return }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    /// One cell per column between two cells, the row interpolated linearly (marker charts).
    static func columnwiseLine(from a: (Int, Int), to b: (Int, Int), _ plot: (Int, Int) -> Void) {
        if a.0 == b.0 { plot(a.0, a.1); plot(b.0, b.1); return }
        let step = a.0 < b.0 ? 1 : -1
        for x in stride(from: a.0, through: b.0, by: step) {
            let f = Double(x - a.0) / Double(b.0 - a.0)
            plot(x, Int((Double(a.1) + f * Double(b.1 - a.1)).rounded()))
        }
    }
}
