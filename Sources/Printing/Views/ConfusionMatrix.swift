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
    public static func render(counts: [[Int]], labels: [String]? = nil, style: TerminalStyle) throws(TensorError) -> String {
        let k = counts.count
        guard counts.allSatisfy({ $0.count == k }) else {
            throw TensorError("a confusion matrix must be square; got rows of lengths \(counts.map(\.count))")
        }
        guard counts.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else {
            throw TensorError("a confusion matrix holds counts; got a negative entry")
        }
        let names = labels ?? (0..<k).map(String.init)
        guard names.count == k else {
            throw TensorError("\(names.count) labels given for \(k) classes")
        }
        if k == 0 { return "(no classes)" }

        // Sums saturate instead of overflowing; ratios are computed in Double.
        func add(_ a: Int, _ b: Int) -> Int { let (s, o) = a.addingReportingOverflow(b); return o ? Int.max : s }
        let rowSums = counts.map { $0.reduce(0, add) }
        let columnSums = (0..<k).map { j in counts.reduce(0) { add($0, $1[j]) } }
        let correct = (0..<k).reduce(0) { add($0, counts[$1][$1]) }
        let total = rowSums.reduce(0, add)
        func ratio(_ a: Int, _ b: Int) -> String { b > 0 ? ViewText.fixed(Double(a) / Double(b), 3) : "-" }

        let zero = style.unicode ? "·" : "."
        let cellWidth = max(5, names.map { ViewText.visibleWidth($0) }.max() ?? 0,
                            counts.joined().map { String($0).count }.max() ?? 0)
        let labelWidth = max(6, names.map { ViewText.visibleWidth($0) }.max() ?? 0)
        let column = { (text: String) in " " + ViewText.padLeft(text, cellWidth) }

        var lines: [String] = []
        lines.append(String(repeating: " ", count: labelWidth + 2) + "predicted")
        lines.append(ViewText.padRight("actual", labelWidth) + names.map(column).joined() + "  " + ViewText.padLeft("acc", 5))
        for i in 0..<k {
            var line = ViewText.padLeft(names[i], labelWidth)
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
        lines.append(ViewText.padLeft("prec", labelWidth) + (0..<k).map { column(ratio(counts[$0][$0], columnSums[$0])) }.joined())
        let overall = total > 0 ? ViewText.fixed(Double(correct) / Double(total), 4) : "-"
        lines.append("accuracy \(overall) (\(correct)/\(total))")
        return lines.joined(separator: "\n")
    }
}
