// The line editor: GNU readline (so Ctrl-R, the kill ring and the user's ~/.inputrc all work).
import CReadline
import Glibc
import Shell

/// Reads lines from a terminal with readline. Main thread only; readline is not reentrant.
enum LineEditor {
    /// The prompt to show again after Ctrl-C abandons a (possibly continued) statement.
    nonisolated(unsafe) private static var freshPrompt = ""
    /// Set when Ctrl-C cleared the line during the last `readLine`: the caller drops whatever
    /// statement it was accumulating.
    nonisolated(unsafe) private(set) static var interruptedDuringRead = false
    /// Text the next line starts with (a block's indentation), typed in by the startup hook.
    nonisolated(unsafe) private static var pendingIndent = ""

    /// Configures readline once, before the first `readLine`.
    static func configure() {
        // `$if rnnsh` sections of ~/.inputrc apply to us. Readline keeps the pointer.
        rnnsh_rl_set_readline_name(strdup("rnnsh"))
        // SIGINT stays with our handler (`SignalHandling`) even while readline waits for a key;
        // readline reports the interrupted wait through the signal-event hook instead.
        rnnsh_rl_set_catch_signals(0)
        rnnsh_rl_set_signal_event_hook { LineEditor.signalArrived() }
        rnnsh_rl_set_startup_hook {
            if !LineEditor.pendingIndent.isEmpty { _ = rl_insert_text(LineEditor.pendingIndent) }
            return 0
        }
        Completion.install()
    }

    /// One line, without its newline; nil at end of input (Ctrl-D on an empty line).
    /// `fresh` is the prompt that Ctrl-C returns to.
    static func readLine(prompt: String, fresh: String, indent: String = "") -> String? {
        freshPrompt = fresh
        interruptedDuringRead = false
        pendingIndent = indent
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    /// Ctrl-C at the prompt: leave what was typed visible, followed by `^C`, and start over on
    /// a fresh, empty line (as bash does). Runs inside readline, on the main thread.
    private static func signalArrived() -> Int32 {
        guard Interrupt.isRequested else { return 0 }  // another signal (e.g. window resize)
        Interrupt.clear()
        if SignalHandling.hungUp.load(ordering: .relaxed) {
            // The terminal is gone (or going). Readline would wait on for keys, so end its
            // input: stdin becomes /dev/null, the read sees end of input, readline returns nil
            // (never the half-typed line) and the REPL stops as at Ctrl-D.
            let null = open("/dev/null", O_RDONLY)
            if null >= 0 {
                dup2(null, 0)
                close(null)
            } else {
                close(0)
            }
            return 0
        }
        interruptedDuringRead = true
        _ = rl_end_of_line(1, 0)
        rl_redisplay()
        print("^C", terminator: "")
        fflush(nil)
        rl_replace_line("", 1)
        // Without this, Ctrl-C while editing a recalled line would blank that history entry.
        using_history()
        _ = rl_crlf()
        rl_set_prompt(freshPrompt)
        _ = rl_on_new_line()
        rl_redisplay()
        return 0
    }
}
