import Tensor

/// The Ctrl-C flag shared by the REPL's SIGINT handler and long-running work.
///
/// The handler may only do async-signal-safe things, so it just raises this atomic flag; loops
/// that can take long (training, big element-wise work in the shell) poll `isRequested` between
/// steps and stop cleanly, leaving the workspace consistent. The REPL clears it before reading
/// each line.
///
/// The flag is the core's `Cancellation` flag, so the same Ctrl-C also stops long loops inside
/// Tensor, RNN and Data (GEMMs, conversions, file reads), which know nothing of the shell.
public enum Interrupt {
    /// Ask the running work to stop (safe to call from a signal handler).
    public static func request() { Cancellation.request() }

    /// Forget a pending request (before starting a new statement).
    public static func clear() { Cancellation.clear() }

    /// True once `request()` was called and not yet cleared.
    public static var isRequested: Bool { Cancellation.isRequested }

    /// The error a statement stopped by Ctrl-C ends with.
    public static let error = ShellError("interrupted", explanation: "stopped by Ctrl-C; the workspace is unchanged")

    /// Throws `Interrupt.error` when a request is pending; long loops call this between steps.
    public static func check() throws(ShellError) {
        if isRequested { throw error }
    }
}

extension ShellError {
    /// True for an error Ctrl-C caused: `Interrupt.error` (wherever it was located), or the
    /// core's `TensorError.interrupted` turned into a ShellError by one of the conversions that
    /// copy its message but not its explanation (a random draw's kept the kind, `load`'s not
    /// even that: then the pending request tells).
    public var isInterruption: Bool {
        message == Interrupt.error.message
            && (kind == .keyboardInterrupt || explanation == Interrupt.error.explanation || (kind == nil && Interrupt.isRequested))
    }
}
