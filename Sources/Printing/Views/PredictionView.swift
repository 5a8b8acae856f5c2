import Tensor

/// What `show IMAGE` and `predict MODEL IMAGE` print: the image, and beside it (below it when
/// the terminal is too narrow) the class probabilities as a bar chart with the most likely
/// class highlighted.
public enum PredictionView {
    /// - Parameters:
    ///   - image: an image array as `DigitView` takes it (`(28, 28)` or `(784,)`).
    ///   - probabilities: one per class; nil draws the image alone.
    ///   - labels: class names; nil numbers the classes from 0.
    ///   - title: a first line, e.g. `test image 7: label 3`.
    public static func render(image: NDArray, probabilities: [Double]?, labels: [String]? = nil,
                              title: String? = nil, style: TerminalStyle) throws(TensorError) -> String {
        let picture = try DigitView.render(image, style: style)
        var out = title.map { [$0] } ?? []
        guard let probabilities, !probabilities.isEmpty else {
            out.append(picture)
            return out.joined(separator: "\n")
        }
        let names = labels ?? probabilities.indices.map(String.init)
        guard names.count == probabilities.count else {
            throw TensorError("\(names.count) labels given for \(probabilities.count) probabilities")
        }
        let gap = 3
        let pictureWidth = try DigitView.textWidth(of: image.shape, style: style)
        let rest = style.columns - pictureWidth - gap
        // The chart goes beside the picture when its labels, values ("0.800"), the plain
        // marker and a bar of at least 10 columns fit there; else underneath, at full width.
        let labelWidth = names.map { ViewText.visibleWidth($0) }.max() ?? 0
        let needed = labelWidth + 1 + 10 + 1 + 5 + (style.colour ? 0 : 2)
        let beside = rest >= max(20, needed)
        var chartStyle = style
        chartStyle.width = beside ? rest : style.columns
        let chart = BarChart.render(labels: names, values: probabilities, style: chartStyle, maximum: 1)
        out.append(beside ? ViewText.sideBySide(picture, chart, gap: gap, leftWidth: pictureWidth) : picture + "\n" + chart)
        return out.joined(separator: "\n")
    }
}
