import Foundation

/// Text helpers shared by the views: widths that ignore escape sequences, trailing-space
/// stripping, number formatting and putting two views side by side.
public enum ViewText {
    /// Columns `text` occupies on a terminal: characters outside ANSI escape sequences (every
    /// character the views write is one column wide).
    public static func visibleWidth(_ text: Substring) -> Int {
        var n = 0
        var inEscape = false
        var afterEscape = false
        for ch in text.unicodeScalars {
            if afterEscape {
                // `ESC [` opens a control sequence; `ESC x` is a two-character escape.
                afterEscape = false
                inEscape = ch == "["
                continue
            }
            if inEscape {
                if ch.value >= 0x40 && ch.value <= 0x7E { inEscape = false }
                continue
            }
            if ch == "\u{1B}" { afterEscape = true; continue }
            if ch.properties.generalCategory == .nonspacingMark { continue }
            n += 1
        }
        return n
    }

    public static func visibleWidth(_ text: String) -> Int { visibleWidth(text[...]) }

    /// Two blocks of lines next to each other, `gap` columns apart. The left block is padded to
    /// `leftWidth` columns (default: its widest line); the shorter block is centred vertically
    /// (or top-aligned). No line ends in spaces.
    public static func sideBySide(_ left: String, _ right: String, gap: Int = 3, centred: Bool = true,
                                  leftWidth: Int? = nil) -> String {
        let l = left.isEmpty ? [] : left.split(separator: "\n", omittingEmptySubsequences: false)
        let r = right.isEmpty ? [] : right.split(separator: "\n", omittingEmptySubsequences: false)
        let height = max(l.count, r.count)
        let leftWidth = max(leftWidth ?? 0, l.map { visibleWidth($0) }.max() ?? 0)
        let lTop = centred ? (height - l.count) / 2 : 0
        let rTop = centred ? (height - r.count) / 2 : 0
        var out: [String] = []
        for row in 0..<height {
            let li = row - lTop, ri = row - rTop
            let leftLine = li >= 0 && li < l.count ? String(l[li]) : ""
            let rightLine = ri >= 0 && ri < r.count ? String(r[ri]) : ""
            if rightLine.isEmpty {
                out.append(stripTrailingSpaces(leftLine))
            } else {
                let pad = leftWidth - visibleWidth(leftLine) + max(gap, 0)
                out.append(leftLine + String(repeating: " ", count: pad) + rightLine)
            }
        }
        return out.joined(separator: "\n")
    }

    /// `s` without trailing spaces.
    static func stripTrailingSpaces(_ s: String) -> String {
        var scalars = Substring(s)
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }

    /// `text` padded with spaces on the left to `width` columns.
    static func padLeft(_ text: String, _ width: Int) -> String {
        let n = visibleWidth(text)
        return n >= width ? text : String(repeating: " ", count: width - n) + text
    }

    /// `text` padded with spaces on the right to `width` columns.
    static func padRight(_ text: String, _ width: Int) -> String {
        let n = visibleWidth(text)
        return n >= width ? text : text + String(repeating: " ", count: width - n)
    }

    /// A fixed-point number (`%.Nf`); `nan`, `inf`, `-inf` as numpy spells them.
    static func fixed(_ x: Double, _ decimals: Int) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let text = String(format: "%.\(min(max(decimals, 0), 12))f", x)
        // A negative value that rounds to zero prints without its sign.
        if text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
    }

    /// A short number for legends and axes (`%.4g`): `0.9134`, `-0.83`, `1.235e+05`.
    static func short(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let text = String(format: "%.4g", x)
        return text == "-0" ? "0" : text
    }
}
