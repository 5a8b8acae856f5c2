import Foundation
import Shell

/// How the non-interactive front ends (`-c`, pipe mode, `rnnsh FILE.rnn`) show a statement's
/// transient progress lines: on a terminal each one replaces the previous in place
/// (`\r` + line + erase-to-end), and the next real output first erases it, so the screen keeps
/// only the lines that matter; anywhere else (pipes, files) progress is dropped, so no `\r`
/// ever reaches a log or a transcript.
enum LiveOutput {
    nonisolated(unsafe) static var line = LiveLine()
    static let stdoutIsTerminal = isatty(1) != 0

    /// Draws a progress line (terminal only).
    static func progress(_ text: String) {
        guard stdoutIsTerminal else { return }
        StandardStreams.out(line.draw(text))
    }

    /// Erases a progress line still on screen, before other output.
    static func endProgress() {
        let erase = line.end()
        if !erase.isEmpty { StandardStreams.out(erase) }
    }
}

/// Ctrl-C outside the REPL (`-c`, scripts, pipe mode): the first one asks the running work to
/// stop (training stops after its batch and keeps the model; other long work fails with
/// "interrupted", which ends a script); a second one while the first is still pending ends the
/// process as Ctrl-C normally does, so nothing can make rnnsh unkillable.
enum ScriptInterrupts {
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            if Interrupt.isRequested {
                signal(SIGINT, SIG_DFL)
                raise(SIGINT)
                return
            }
            Interrupt.request()
            SignalHandling.interruptCount.wrappingAdd(1, ordering: .relaxed)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked (a blocked mask is inherited across
        // fork/exec; test runners and some supervisors do this): unblock it, or Ctrl-C and
        // `kill -INT` would never reach the handler.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }
}
