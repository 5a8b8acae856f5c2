// What the terminal around rnnsh can do, decided from the file descriptors and the environment.
import Glibc

enum Terminal {
    /// Whether `fd` is a terminal. Readline, prompts and colour are for people, never for pipes.
    static func isTTY(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Colour only when a person sees it: `fd` is a terminal, `NO_COLOR` is not set (to
    /// anything, even empty: the same rule as the rest of rnnsh) and `TERM` is not `dumb`.
    static func wantsColour(fd: Int32) -> Bool {
        wantsColour(isTTY: isTTY(fd), noColor: environment("NO_COLOR"), term: environment("TERM"))
    }

    /// The decision itself, separated from the process state so it can be tested.
    static func wantsColour(isTTY: Bool, noColor: String?, term: String?) -> Bool {
        guard isTTY else { return false }
        if noColor != nil { return false }
        if term == "dumb" { return false }
        return true
    }

    /// Whether the terminal on `fd` echoes Ctrl-C as `^C` (termios ECHOCTL), which leaves the
    /// cursor after the `^C` rather than at the start of a line.
    static func echoesControlCharacters(fd: Int32) -> Bool {
        var settings = termios()
        guard tcgetattr(fd, &settings) == 0 else { return false }
        return settings.c_lflag & tcflag_t(ECHOCTL) != 0
    }

    /// Writes `text` to stderr after flushing stdout, so the two streams reach a shared
    /// terminal in the order they were written. (Swift 6 cannot name C's `stderr` global.)
    static func writeError(_ text: String) {
        fflush(nil)
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// One environment variable, without Foundation (startup time matters).
    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }
}

/// The few escape sequences rnnsh uses; every use is guarded by `Terminal.wantsColour`.
enum TerminalStyle {
    static let red = "\u{1B}[1;31m"
    static let reset = "\u{1B}[0m"

    static func red(_ text: String, enabled: Bool) -> String {
        enabled ? red + text + reset : text
    }
}
