/// Labelled values as horizontal bars — a classifier's probabilities per class, say:
///
///     7 ███████████████████▋ 0.981 ◀
///
/// Bars are drawn in eighths of a column with Unicode, in whole `#` columns in ASCII. The
/// largest value is highlighted: bold green with colour, a trailing marker (`◀` or `<`)
/// without it. Negative and NaN values draw no bar; their numbers still show.
public enum BarChart {
    /// - Parameters:
    ///   - labels: one per value, left-aligned in a column as wide as the widest.
    ///   - maximum: the value of a full bar; nil means the largest value. Pass 1 for probabilities.
    ///   - barWidth: columns of a full bar; nil means as many as fit, at most 30.
    ///   - decimals: digits after the point of the printed values.
    ///   - highlightMaximum: mark the (first) largest value.
    public static func render(labels: [String], values: [Double], style: TerminalStyle,
                              maximum: Double? = nil, barWidth: Int? = nil, decimals: Int = 3,
                              highlightMaximum: Bool = true) -> String {
        let n = min(labels.count, values.count)
        if n == 0 { return "" }
        let texts = values.prefix(n).map { ViewText.fixed($0, decimals) }
        let labelWidth = labels.prefix(n).map { ViewText.visibleWidth($0) }.max() ?? 0
        let valueWidth = texts.map { $0.count }.max() ?? 0
        let marker = style.unicode ? " ◀" : " <"
        let markerWidth = highlightMaximum && !style.colour ? 2 : 0
        let available = style.columns - labelWidth - valueWidth - 2 - markerWidth
        let width = min(max(barWidth ?? min(30, available), 1), 1000)

        var best: Int? = nil
        for i in 0..<n where !values[i].isNaN {
            if best.map({ values[i] > values[$0] }) ?? true { best = i }
        }
        let largest = best.map { values[$0] } ?? 0
        let full = maximum ?? largest
        let scale = full > 0 && full.isFinite ? full : 1

        var lines: [String] = []
        for i in 0..<n {
            let highlighted = highlightMaximum && i == best
            let fraction = values[i] / scale
            var bar = style.unicode ? eighthsBar(fraction, width: width) : hashBar(fraction, width: width)
            let barColumns = bar.count
            var label = ViewText.padRight(labels[i], labelWidth)
            var value = ViewText.padLeft(texts[i], valueWidth)
            if style.colour && highlighted {
                bar = ANSI.paint(bar, .green, bold: true, enabled: true)
                label = ANSI.paint(label, nil, bold: true, enabled: true)
                value = ANSI.paint(value, nil, bold: true, enabled: true)
            }
            var line = label + " " + bar + String(repeating: " ", count: width - barColumns) + " " + value
            if highlighted && !style.colour { line += marker }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// Full blocks plus one partial block in eighths: `fraction` of `width` columns.
    static func eighthsBar(_ fraction: Double, width: Int) -> String {
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        let eighths = clampedInt((fraction * Double(width * 8)).rounded(), 0, width * 8)
        return String(repeating: "█", count: eighths / 8) + partials[eighths % 8]
    }

    /// Whole `#` columns: `fraction` of `width`, rounded.
    static func hashBar(_ fraction: Double, width: Int) -> String {
        String(repeating: "#", count: clampedInt((fraction * Double(width)).rounded(), 0, width))
    }
}
