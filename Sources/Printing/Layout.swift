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
    /// The text of the element at a storage offset.
    let element: (Int) -> String
    /// True when the element texts come from the user's `formatter=` functions: they may be
    /// non-ASCII (widths then count characters, as Python's `len` does) or span several lines
    /// (numpy's `_extendLine_pretty`). numpy's own formatters never need either, so the plain
    /// path keeps counting bytes.
    var userText = false

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
                let word = index.map { element(offset + $0 * stride) } ?? "..."
                if userText, index != nil {
                    let pieces = Layout.splitLines(word)
                    if pieces.count > 1 {
                        // numpy's `_extendLine_pretty`: a multi-line word wraps as a block as wide
                        // as its widest line; its later lines line up under its first.
                        let widest = pieces.map(\.unicodeScalars.count).max() ?? 0
                        let hanging: String
                        if lineCount + widest > limit && lineCount > indentCount {
                            out += rstrip(line) + "\n"
                            line = indent + pieces[0]
                            hanging = indent
                        } else {
                            hanging = String(repeating: " ", count: lineCount)
                            line += pieces[0]
                        }
                        for piece in pieces.dropFirst() {
                            out += rstrip(line) + "\n"
                            line = hanging + piece
                        }
                        line += String(repeating: " ", count: widest - (pieces.last?.unicodeScalars.count ?? 0))
                        lineCount = line.unicodeScalars.count
                        if position != indices.count - 1 {
                            line += separator
                            lineCount += separator.unicodeScalars.count
                        }
                        continue
                    }
                }
                let wordCount = userText ? word.unicodeScalars.count : word.utf8.count
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

    /// Python's `str.rstrip()`: drops trailing whitespace (only spaces occur in numpy's own
    /// element texts; a user's formatter may end a word with any whitespace).
    private func rstrip(_ s: String) -> String {
        var scalars = s.unicodeScalars[...]
        while let last = scalars.last, Layout.isPythonWhitespace(last) { scalars.removeLast() }
        return String(scalars)
    }

    /// Python's `str.isspace()` for one character.
    static func isPythonWhitespace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Python's `str.splitlines()`: the line boundaries it knows, `\r\n` counting as one, no
    /// empty piece after a final boundary (`'a\n'` is `['a']`).
    static func splitLines(_ s: String) -> [String] {
        var pieces: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for c in s.unicodeScalars {
            if previousWasCR {
                previousWasCR = false
                if c == "\n" { continue }
            }
            switch c.value {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029:
                pieces.append(String(current))
                current = String.UnicodeScalarView()
                previousWasCR = c == "\r"
            default:
                current.append(c)
            }
        }
        if !current.isEmpty { pieces.append(String(current)) }
        return pieces
    }
}
