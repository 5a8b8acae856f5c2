/// What the terminal that will show a view can do. The views never ask the terminal: the
/// caller (the shell) decides once from `isatty`, `NO_COLOR`, `TERM`, the locale and the
/// window size, and passes the facts in, so every view is a pure function of its inputs and
/// its text can be tested byte for byte.
public struct TerminalStyle: Sendable, Equatable {
    /// ANSI colour escapes may be written (a person is looking at a terminal).
    public var colour: Bool
    /// Colour escapes may use 24-bit RGB (`COLORTERM=truecolor`); otherwise the 256-colour
    /// palette is used. Ignored when `colour` is off.
    public var trueColour: Bool
    /// Non-ASCII characters (block elements, braille, box drawing) may be written.
    public var unicode: Bool
    /// Columns available. Views fit inside it; it is clamped to a sane range so an absurd
    /// value can neither overflow arithmetic nor produce megabyte lines.
    public var width: Int

    public init(colour: Bool, unicode: Bool, width: Int = 80, trueColour: Bool = false) {
        self.colour = colour
        self.unicode = unicode
        self.width = width
        self.trueColour = trueColour
    }

    /// Pipes, files and transcripts: ASCII only, no escapes, 80 columns.
    public static let plain = TerminalStyle(colour: false, unicode: false, width: 80)

    /// A UTF-8 terminal without colour (`NO_COLOR` set).
    public static func unicode(width: Int = 80) -> TerminalStyle {
        TerminalStyle(colour: false, unicode: true, width: width)
    }

    /// A colour UTF-8 terminal.
    public static func colour(width: Int = 80, trueColour: Bool = false) -> TerminalStyle {
        TerminalStyle(colour: true, unicode: true, width: width, trueColour: trueColour)
    }

    /// `width` clamped to 20…1000 columns.
    var columns: Int { min(max(width, 20), 1000) }
}
