// The terminal's width while rnnsh runs: asked of the terminal each time, and SIGWINCH counted,
// so a live progress line knows the window changed since it was drawn.
import Glibc
import Synchronization

enum TerminalSize {
    /// How many SIGWINCH have arrived, ever.
    static let resizes = Atomic<Int>(0)

    /// Counts window resizes for the whole run. Readline installs its own SIGWINCH handler
    /// while it reads a line and calls this one from it, so the count stays right at the prompt.
    static func installResizeHandler() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            TerminalSize.resizes.wrappingAdd(1, ordering: .relaxed)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGWINCH, &action, nil)
    }

    /// The columns of the terminal on `fd` now (nil when it is not a terminal), within the
    /// bounds `Display.detect` uses.
    static func columns(fd: Int32 = 1) -> Int? {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return min(max(Int(size.ws_col), 20), 1000)
    }
}
