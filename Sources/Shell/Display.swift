import Foundation

/// What the terminal that shows a session's output can do, decided once by the front end
/// (from `isatty`, `NO_COLOR`, the locale and the window size) and handed to commands that draw
/// (digits, charts, progress lines). Transcripts, pipes and tests use `.plain`, so their text is
/// the same everywhere and never holds escapes or `\\r`.
public struct Display: Sendable, Equatable {
    /// stdout is a terminal: live progress lines are worth sending.
    public var isTerminal: Bool
    /// Non-ASCII characters (half blocks, braille, box drawing) may be written.
    public var unicode: Bool
    /// ANSI colour may be written.
    public var color: Bool
    /// Columns available.
    public var width: Int

    public init(isTerminal: Bool, unicode: Bool, color: Bool, width: Int = 80) {
        self.isTerminal = isTerminal
        self.unicode = unicode
        self.color = color
        self.width = width
    }

    /// Pipes, files, transcripts: ASCII, no colour, 80 columns, no live lines.
    public static let plain = Display(isTerminal: false, unicode: false, color: false, width: 80)

    /// The display of a process's stdout: a terminal gets Unicode when the locale is UTF-8 (or
    /// unset, as on most modern systems), colour unless `NO_COLOR` is set, and its real width.
    public static func detect(fd: Int32 = 1, environment: [String: String] = ProcessInfo.processInfo.environment) -> Display {
        guard isatty(fd) != 0 else { return .plain }
        let locale = environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"] ?? ""
        let utf8 = locale.isEmpty || locale.uppercased().contains("UTF-8") || locale.uppercased().contains("UTF8")
        var size = winsize()
        var width = 80
        if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { width = Int(size.ws_col) }
        else if let c = environment["COLUMNS"].flatMap({ Int($0) }), c > 0 { width = c }
        return Display(isTerminal: true, unicode: utf8, color: environment["NO_COLOR"] == nil && environment["TERM"] != "dumb",
                       width: min(max(width, 20), 1000))
    }
}

import Printing

extension Display {
    /// The views' idea of this display.
    public var style: TerminalStyle {
        isTerminal ? TerminalStyle(colour: color, unicode: unicode, width: width) : .plain
    }
}
