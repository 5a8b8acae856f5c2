// Ctrl-C must never kill the shell: it interrupts the work in progress, or clears the prompt.
import Glibc
import Shell
import Synchronization

enum SignalHandling {
    /// How many Ctrl-C have arrived, ever. `Interrupt` is cleared by whoever handles it; this
    /// count lets the REPL tell afterwards that one arrived while a statement ran.
    static let interruptCount = Atomic<Int>(0)

    /// Set when the terminal went away (SIGHUP). The REPL then stops at the next prompt, as at
    /// Ctrl-D, so the history is still saved.
    static let hungUp = Atomic<Bool>(false)

    /// The signal that ended the session (SIGHUP or SIGTERM), 0 while none did.
    static let endingSignal = Atomic<Int32>(0)

    /// Installs the SIGINT and SIGHUP handlers for the whole life of the REPL.
    ///
    /// The handler only raises `Interrupt` (an atomic flag, which is async-signal-safe). Long
    /// work polls that flag and stops cleanly; at the prompt, readline's signal-event hook (see
    /// `LineEditor`) sees it and clears the line. SA_RESTART keeps other blocking calls (file
    /// reads and writes in progress) from failing with EINTR; readline's own wait for a key is
    /// a `pselect`, which is interrupted regardless, so the hook still runs at once.
    static func installInterruptHandler() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            Interrupt.request()
            SignalHandling.interruptCount.wrappingAdd(1, ordering: .relaxed)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)

        // A closed terminal window: stop the work in progress like Ctrl-C; reading from the
        // hung-up terminal then gives end of input and the REPL exits through its normal path.
        // SIGTERM (a system shutting down, `kill`) is handled the same way: stop the work,
        // save the history, exit with 128 + the signal's number.
        var hangUp = sigaction()
        hangUp.__sigaction_handler.sa_handler = { signal in
            SignalHandling.endingSignal.store(signal, ordering: .relaxed)
            SignalHandling.hungUp.store(true, ordering: .relaxed)
            Interrupt.request()
        }
        sigemptyset(&hangUp.sa_mask)
        hangUp.sa_flags = SA_RESTART
        sigaction(SIGHUP, &hangUp, nil)
        sigaction(SIGTERM, &hangUp, nil)
    }
}
