import Foundation

/// Keras's progress line for training, as a pure formatter:
///
///     234/468 [==============>...............] - ETA: 3s - loss: 0.4123 - acc: 0.8610 - 11234 ex/s
///
/// and the line that replaces it when the epoch ends:
///
///     468/468 [==============================] - 5s 11ms/step - loss: 0.3012 - acc: 0.9134 - 11234 ex/s
///
/// The caller decides how to show it: on a terminal, `\r` + the live line + erase-to-end
/// (`ESC[K`) and finally `\r` + the summary + erase-to-end + newline; in a pipe or transcript
/// only the summary, so no `\r` noise is ever recorded. A live line never reaches the
/// terminal's last column (some terminals wrap there), so `\r` always returns to its start:
/// the bar shrinks first (to 10), then the examples per second, then metrics from the end go.
/// The summary is written once, so it only shrinks its bar and never drops a metric.
///
/// With Unicode the bar is Keras 3's `━━━━━━━━━━─────────` (done part green with colour).
public enum ProgressLine {
    static let fullBar = 30
    static let shortestBar = 10

    /// The line during an epoch, after `step` of `total` batches and `elapsed` seconds.
    /// Metric values follow Keras: `%.4f`, or `%.4e` for magnitudes at most 1e-3.
    public static func live(step: Int, total: Int, elapsed: Double, metrics: [(name: String, value: Double)],
                            examplesPerSecond: Double? = nil, style: TerminalStyle) -> String {
        let done = min(max(step, 0), max(total, 0))
        var timing: [String] = []
        if done > 0 && done < total && elapsed.isFinite && elapsed > 0 {
            let eta = elapsed / Double(done) * Double(total - done)
            timing.append("ETA: " + duration(eta))
        }
        return fitted(step: done, total: total, timing: timing, metrics: metrics, rate: examplesPerSecond,
                      mayDrop: true, style: style)
    }

    /// The epoch's final line: total time, time per step, the final metrics.
    public static func summary(total: Int, elapsed: Double, metrics: [(name: String, value: Double)],
                               examplesPerSecond: Double? = nil, style: TerminalStyle) -> String {
        var timing: [String] = []
        if elapsed.isFinite && elapsed >= 0 {
            var text = String(format: "%.0fs", elapsed)
            if total > 0 { text += " " + perStep(elapsed / Double(total)) }
            timing.append(text)
        }
        let steps = max(total, 0)
        return fitted(step: steps, total: steps, timing: timing, metrics: metrics, rate: examplesPerSecond,
                      mayDrop: false, style: style)
    }

    /// What to write before a live line replaces the one on screen: `\r` and erase-to-end, and
    /// after the window was resized, the rows the old line now spans too. A terminal that
    /// rewraps its lines on a resize (tmux, VTE, iTerm2, kitty, Windows Terminal) spreads an old
    /// line of `previousWidth` columns over `⌈previousWidth / columns⌉` rows with the cursor on
    /// the last; each row is erased on its own (`ESC[K` then up), because tmux moves a screen
    /// cleared from the top with `ESC[J` into its history instead of erasing it.
    public static func erase(previousWidth: Int, columns: Int) -> String {
        let extraRows = columns > 0 && previousWidth > columns ? (previousWidth - 1) / columns : 0
        return "\r\u{1B}[K" + String(repeating: "\u{1B}[1A\u{1B}[K", count: extraRows)
    }

    /// Keras's `Epoch 1/3` header (epochs counted from 1).
    public static func epochHeader(epoch: Int, of epochs: Int) -> String { "Epoch \(epoch)/\(epochs)" }

    /// The longest form of the line that fits in `style.columns - 1` columns (with `mayDrop`
    /// off, only the bar adapts).
    static func fitted(step: Int, total: Int, timing: [String], metrics: [(name: String, value: Double)],
                       rate: Double?, mayDrop: Bool, style: TerminalStyle) -> String {
        let limit = style.columns - 1
        let counter = ViewText.padLeft(String(step), String(max(total, 0)).count) + "/" + String(max(total, 0))
        var tail = timing + metrics.map { $0.name + ": " + metricText($0.value) }
        var rateText = rate.flatMap { $0.isFinite && $0 >= 0 ? String(format: "%.0f ex/s", $0) : nil }
        while true {
            let parts = tail + (rateText.map { [$0] } ?? [])
            let tailText = parts.map { (style.unicode ? " " : " - ") + $0 }.joined()
            // Unicode: `NNN/NNN ━━━ tail`; ASCII: `NNN/NNN [===] - tail`.
            let fixed = counter.count + 1 + (style.unicode ? 0 : 2) + ViewText.visibleWidth(tailText)
            let room = limit - fixed
            let nothingLeft = tail.isEmpty && rateText == nil
            if room >= shortestBar || !mayDrop || nothingLeft {
                // A live line with nothing left to drop lets the bar go below ten columns.
                let barWidth = room >= shortestBar ? min(room, fullBar) : (mayDrop ? max(room, 1) : shortestBar)
                return counter + " " + bar(step: step, total: total, width: barWidth, style: style) + tailText
            }
            if rateText != nil { rateText = nil } else { tail.removeLast() }
        }
    }

    /// Keras's bar: `=` for finished steps, `>` at the head while running, `.` for the rest.
    static func bar(step: Int, total: Int, width: Int, style: TerminalStyle) -> String {
        let filled = total > 0 ? clampedInt((Double(width) * Double(step) / Double(total)).rounded(.down), 0, width) : width
        if style.unicode {
            let done = String(repeating: "━", count: filled)
            let rest = String(repeating: style.colour ? "━" : "─", count: width - filled)
            guard style.colour else { return done + rest }
            return (filled > 0 ? ANSI.foreground(.green) + done + ANSI.reset : "")
                + (filled < width ? ANSI.dim + rest + ANSI.reset : "")
        }
        var text = ""
        if filled > 0 {
            text += String(repeating: "=", count: filled - 1) + (step < total ? ">" : "=")
        }
        text += String(repeating: ".", count: width - filled)
        return "[" + text + "]"
    }

    /// `%.4f`, or `%.4e` when the magnitude is at most 1e-3 (Keras's rule).
    static func metricText(_ v: Double) -> String {
        if !v.isFinite { return ViewText.fixed(v, 4) }
        return abs(v) > 1e-3 ? String(format: "%.4f", v) : String(format: "%.4e", v)
    }

    /// Keras's ETA: `1:02:03` past an hour, `2:03` past a minute, else `7s`.
    static func duration(_ seconds: Double) -> String {
        let s = clampedInt(seconds.rounded(), 0, 359_999_999)
        if s >= 3600 { return String(format: "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60) }
        if s >= 60 { return String(format: "%d:%02d", s / 60, s % 60) }
        return "\(s)s"
    }

    /// Keras's time per step: `2s/step`, `11ms/step`, `850us/step`.
    static func perStep(_ seconds: Double) -> String {
        if seconds >= 1 { return String(format: "%.0fs/step", seconds) }
        if seconds >= 1e-3 { return String(format: "%.0fms/step", seconds * 1e3) }
        return String(format: "%.0fus/step", seconds * 1e6)
    }
}
