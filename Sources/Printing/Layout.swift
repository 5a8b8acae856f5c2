import Tensor

/// numpy's `_formatArray`: the bracketed, nested, wrapped text of a non-empty array of rank ≥ 1
/// (docs/printing.md §5).
///
/// Each nesting level indents by one more space and narrows the usable width by one (for the
/// closing bracket). Rows wrap before a word that would pass `width - 1`, unless the line
/// holds nothing yet; rows of a 2-d block are separated by one newline, blocks of higher
/// rank by `rank - 1` newlines, the extra ones empty.
struct Layout {
    /// `" "` for `str`, `", "` for `repr`.
    let separator: String
    let array: NDArray
    let plan: DisplayPlan
    let element: (Scalar) -> String

    /// The body for a first line that starts after `indentWidth` characters (the `[` plus any
    /// `array(` prefix), wrapping at `width`.
    func body(indentWidth: Int, width: Int) -> String {
        render(axis: 0, offset: array.offset, indent: String(repeating: " ", count: indentWidth), width: width)
    }

    private func render(axis: Int, offset: Int, indent: String, width: Int) -> String {
        let indices = plan.axes[axis]
        let axesLeft = array.ndim - axis
        let stride = array.strides[axis]
        let childIndent = indent + " "
        var out = ""

        if axesLeft == 1 {
            let limit = width - max(rstrip(separator).utf8.count, 1)
            let indentCount = indent.utf8.count
            var line = indent
            var lineCount = indentCount
            for (position, index) in indices.enumerated() {
                // Ctrl-C: stop formatting; the caller drops a result made while a request is
                // pending (a 10^7-element print ran on for 113 s in a debug build).
                if position & 0xFFF == 0xFFF && Cancellation.isRequested && !Cancellation.isDeferred { break }
                let word = index.map { element(array.scalar(atStorageOffset: offset + $0 * stride)) } ?? "..."
                let wordCount = word.utf8.count
                if lineCount + wordCount > limit && lineCount > indentCount {
                    out += rstrip(line) + "\n"
                    line = indent
                    lineCount = indentCount
                }
                line += word
                lineCount += wordCount
                if position != indices.count - 1 {
                    line += separator
                    lineCount += separator.utf8.count
                }
            }
            out += line
        } else {
            let joiner = rstrip(separator) + String(repeating: "\n", count: axesLeft - 1)
            for (position, index) in indices.enumerated() {
                // Rows shorter than the row loop's 4096-element poll never reached it: (10^7, 10)
                // ran to the end after Ctrl-C. One check per row.
                if Cancellation.isRequested && !Cancellation.isDeferred { break }
                if position > 0 { out += joiner }
                out += indent
                if let i = index {
                    out += render(axis: axis + 1, offset: offset + i * stride, indent: childIndent, width: width - 1)
                } else {
                    out += "..."
                }
            }
        }
        // The first line was built behind `indent`; the opening bracket takes its place.
        return "[" + String(decoding: out.utf8.dropFirst(indent.utf8.count), as: UTF8.self) + "]"
    }

    /// Python's `str.rstrip()` for our ASCII output: drops trailing spaces.
    private func rstrip(_ s: String) -> String {
        var bytes = Array(s.utf8)
        while bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
