import Printing

/// The one live progress line a statement shows on a terminal, replaced in place. It remembers
/// how wide the line on screen is, so after a window resize (the terminal may have rewrapped it
/// over several rows) the next draw or the statement's next output erases all of it, leaving
/// no stale lines.
struct LiveLine {
    /// Visible columns of the line on screen; nil when none is shown.
    private var shownWidth: Int?
    /// `TerminalSize.resizes` when the line was drawn.
    private var resizesAtDraw = 0

    var isShown: Bool { shownWidth != nil }

    /// The text that replaces the line on screen with `line`.
    mutating func draw(_ line: String) -> String {
        let text = erase() + line + "\u{1B}[K"
        shownWidth = ViewText.visibleWidth(line)
        resizesAtDraw = TerminalSize.resizes.load(ordering: .relaxed)
        return text
    }

    /// The text that erases the line on screen (empty when none is).
    mutating func end() -> String {
        guard shownWidth != nil else { return "" }
        let text = erase()
        shownWidth = nil
        return text
    }

    private func erase() -> String {
        guard let width = shownWidth else { return "\r" }
        guard TerminalSize.resizes.load(ordering: .relaxed) != resizesAtDraw, let columns = TerminalSize.columns() else {
            return "\r\u{1B}[K"
        }
        return ProgressLine.erase(previousWidth: width, columns: columns)
    }
}
