import Synchronization

/// The Ctrl-C flag shared by the REPL's SIGINT handler and long-running work.
///
/// The handler may only do async-signal-safe things, so it just raises this atomic flag; loops
/// that can take long (training, big element-wise work in the shell) poll `isRequested` between
/// steps and stop cleanly, leaving the workspace consistent. The REPL clears it before reading
/// each line.
public enum Interrupt {
    private static let flag = Atomic<Bool>(false)

    /// Ask the running work to stop (safe to call from a signal handler).
    public static func request() { flag.store(true, ordering: .relaxed) }

    /// Forget a pending request (before starting a new statement).
    public static func clear() { flag.store(false, ordering: .relaxed) }

    /// True once `request()` was called and not yet cleared.
    public static var isRequested: Bool { flag.load(ordering: .relaxed) }

    /// The error a statement stopped by Ctrl-C ends with.
    public static let error = ShellError("interrupted", explanation: "stopped by Ctrl-C; the workspace is unchanged")

    /// Throws `Interrupt.error` when a request is pending; long loops call this between steps.
    public static func check() throws(ShellError) {
        if isRequested { throw error }
    }
}
