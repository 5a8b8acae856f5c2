// Long help pages through a pager, as IPython shows `?` output and git shows its help.
import Glibc

enum Pager {
    /// Rows of the terminal on stdout (0 when unknown).
    static func terminalRows() -> Int {
        var size = winsize()
        return ioctl(1, UInt(TIOCGWINSZ), &size) == 0 ? Int(size.ws_row) : 0
    }

    /// The pager to run: `$PAGER` when set (empty means none), else `less -FRX` when installed
    /// (-F: quit at once if the text fits, -R: keep colour, -X: leave the text on screen).
    static func command() -> String? {
        if let p = Terminal.environment("PAGER") { return p.isEmpty ? nil : p }
        return access("/usr/bin/less", X_OK) == 0 ? "/usr/bin/less -FRX" : nil
    }

    /// Shows `text` through the pager when it is taller than the terminal; returns false when it
    /// did not (short text, no pager), and the caller prints it as usual.
    static func show(_ text: String) -> Bool {
        let rows = terminalRows()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        guard rows > 0, lines >= rows - 1, let command = command() else { return false }
        fflush(nil)
        guard let pipe = popen(command, "w") else { return false }
        // Quitting the pager early closes the pipe: the write must fail, not kill rnnsh.
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        _ = fputs(text + "\n", pipe)
        let status = pclose(pipe)
        // The shell could not start the pager (127): the caller prints the text instead.
        return status != -1 && (status >> 8) & 0xff != 127
    }
}
