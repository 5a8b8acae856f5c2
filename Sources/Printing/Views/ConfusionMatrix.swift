import Tensor

/// A k×k confusion matrix: row = the true class, column = the predicted one, with each
/// class's accuracy (recall: its diagonal count over its row) on the right, each predicted
/// class's precision underneath, and the overall accuracy:
///
///               predicted
///     actual      0      1      2     acc
///          0     50      2      .   0.962
///          1      1     48      3   0.923
///          2      .      .     47   1.000
///       prec  0.980  0.960  0.940
///     accuracy 0.9667 (145/150)
///
/// Off-diagonal zeros print as `.` (`·` with Unicode) so the mistakes stand out; with colour
/// the diagonal is bold green and the mistakes red.
public enum ConfusionMatrix {
    /// Counts from parallel arrays of class ids; ids outside `0..<classes` are skipped.
    public static func counts(actual: [Int], predicted: [Int], classes: Int) -> [[Int]] {
        let k = max(classes, 0)
        var m = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        for (a, p) in zip(actual, predicted) where a >= 0 && a < k && p >= 0 && p < k {
            m[a][p] += 1
        }
        return m
    }

    /// - Parameters:
    ///   - counts: `counts[actual][predicted]`, square, non-negative.
    ///   - labels: class names; nil numbers the classes from 0.
    ///
    /// The table fits `style.width`: class names head the columns when they fit; otherwise the
    /// columns are numbered and the names stand beside the row numbers (`0 T-shirt/top`); when
    /// even that is too wide, rows are numbered too and a legend under the table names them.
    public static func render(counts: [[Int]], labels: [String]? = nil, style: TerminalStyle) throws(TensorError) -> String {
        let k = counts.count
        guard counts.allSatisfy({ $0.count == k }) else {
            throw TensorError("a confusion matrix must be square; got rows of lengths \(counts.map(\.count))")
        }
        guard counts.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else {
            throw TensorError("a confusion matrix holds counts; got a negative entry")
        }
        if let labels, labels.count != k {
            throw TensorError("\(labels.count) labels given for \(k) classes")
        }
        if k == 0 { return "(no classes)" }
        let numbers = (0..<k).map(String.init)
        let names = labels ?? numbers
        let countWidth = counts.joined().map { String($0).count }.max() ?? 1
        // The three layouts, widest first; the first that fits the terminal is used.
        let layouts: [Layout] = [
            Layout(columns: names, rows: names, cell: max(5, names.map(ViewText.visibleWidth).max() ?? 0, countWidth), legend: false),
            Layout(columns: numbers, rows: labels == nil ? numbers : zip(numbers, names).map { $0 == $1 ? $0 : "\($0) \($1)" },
                   cell: max(5, countWidth), legend: false),
            Layout(columns: numbers, rows: numbers, cell: max(3, countWidth), legend: labels != nil),
        ]
        let chosen = layouts.first { $0.width(k) <= style.columns } ?? layouts[layouts.count - 1]
        return table(counts, chosen, names: names, style: style)
    }

    /// How the table is labelled.
    struct Layout {
        var columns: [String]
        var rows: [String]
        var cell: Int
        /// A legend `0 name  1 name …` under the table, when the names appear nowhere else.
        var legend: Bool

        var labelWidth: Int { max(6, rows.map(ViewText.visibleWidth).max() ?? 0) }

        /// Columns of the widest line: row labels, k cells, and the `acc` column.
        func width(_ k: Int) -> Int { labelWidth + k * (cell + 1) + 2 + 5 }
    }

    static func table(_ counts: [[Int]], _ layout: Layout, names: [String], style: TerminalStyle) -> String {
        let k = counts.count
        // Sums saturate instead of overflowing; ratios are computed in Double.
        func add(_ a: Int, _ b: Int) -> Int { let (s, o) = a.addingReportingOverflow(b); return o ? Int.max : s }
        let rowSums = counts.map { $0.reduce(0, add) }
        let columnSums = (0..<k).map { j in counts.reduce(0) { add($0, $1[j]) } }
        let correct = (0..<k).reduce(0) { add($0, counts[$1][$1]) }
        let total = rowSums.reduce(0, add)
        func ratio(_ a: Int, _ b: Int) -> String { b > 0 ? ViewText.fixed(Double(a) / Double(b), 3) : "-" }
        // Narrow cells show precision as a whole percentage (`98`), which always fits 3 columns.
        let percent = layout.cell < 5
        func precision(_ j: Int) -> String {
            guard columnSums[j] > 0 else { return "-" }
            return percent ? String(Int((Double(counts[j][j]) * 100 / Double(columnSums[j])).rounded(.down))) : ratio(counts[j][j], columnSums[j])
        }

        let zero = style.unicode ? "·" : "."
        let labelWidth = layout.labelWidth
        let column = { (text: String) in " " + ViewText.padLeft(text, layout.cell) }

        var lines: [String] = []
        lines.append(String(repeating: " ", count: labelWidth + 2) + "predicted")
        lines.append(ViewText.padRight("actual", labelWidth) + layout.columns.map(column).joined() + "  " + ViewText.padLeft("acc", 5))
        for i in 0..<k {
            var line = layout.rows[i] == String(i) || layout.rows == layout.columns
                ? ViewText.padLeft(layout.rows[i], labelWidth) : ViewText.padRight(layout.rows[i], labelWidth)
            for j in 0..<k {
                let n = counts[i][j]
                let text = column(n == 0 && i != j ? zero : String(n))
                if !style.colour {
                    line += text
                } else if n == 0 {
                    line += ANSI.dim + text + ANSI.reset
                } else {
                    line += ANSI.paint(text, i == j ? .green : .red, bold: i == j, enabled: true)
                }
            }
            lines.append(line + "  " + ViewText.padLeft(ratio(counts[i][i], rowSums[i]), 5))
        }
        lines.append(ViewText.padLeft(percent ? "prec %" : "prec", labelWidth) + (0..<k).map { column(precision($0)) }.joined())
        let overall = total > 0 ? ViewText.fixed(Double(correct) / Double(total), 4) : "-"
        lines.append("accuracy \(overall) (\(correct)/\(total))")
        if layout.legend {
            // `0 T-shirt/top  1 Trouser …`, wrapped to the terminal.
            var line = ""
            for (i, name) in names.enumerated() {
                let item = "\(i) \(name)"
                if !line.isEmpty && ViewText.visibleWidth(line) + 2 + ViewText.visibleWidth(item) > style.columns {
                    lines.append(line)
                    line = ""
                }
                line += (line.isEmpty ? "" : "  ") + item
            }
            if !line.isEmpty { lines.append(line) }
        }
        return lines.joined(separator: "\n")
    }
}
