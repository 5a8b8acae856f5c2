import Synchronization

/// The core's cancellation hook: one process-wide flag that long loops in Tensor, RNN and Data
/// poll, so Ctrl-C (or a hang-up, or SIGTERM) stops any operation within a fraction of a second.
///
/// The core never knows who asks: the shell's signal handlers call `request()` (an atomic
/// store, async-signal-safe) and clear the flag before each statement. Loops read the flag
/// every few milliseconds of work — per matmul row, per million elements of an element-wise
/// loop, per chunk of a file or of an evaluation. A throwing operation throws
/// `TensorError.interrupted`; a non-throwing inner loop just returns early, leaving its output
/// unfinished. That is safe because results are new values: the contract for callers is that
/// a result obtained while `isRequested` is true is never used (the shell's evaluator checks
/// after every command and drops it, so the statement fails and the workspace is unchanged).
public enum Cancellation {
    private static let flag = Atomic<Bool>(false)

    /// Ask the running work to stop (safe to call from a signal handler).
    public static func request() { flag.store(true, ordering: .relaxed) }

    /// Forget a pending request (before starting new work).
    public static func clear() { flag.store(false, ordering: .relaxed) }

    /// True once `request()` (or the enclosing `Scope`'s) was called and not yet cleared.
    @inline(__always)
    public static var isRequested: Bool {
        if flag.load(ordering: .relaxed) { return true }
        // Only a process that ever entered a scope pays for the task-local lookup.
        return scopesEntered.load(ordering: .relaxed) > 0 && (scope?.isRequested ?? false)
    }

    /// A stop request for the work of one caller only, where the process-wide flag would stop
    /// everyone: a test harness's watchdog ends its own hung statement without failing the
    /// other tests running in the same process. Work run inside `Cancellation.within(scope)`
    /// on that thread (and the threads it waits on while polling, such as `DetachedCall`'s
    /// caller) sees the scope's request as if Ctrl-C had been pressed; worker threads that do
    /// not inherit task-locals finish their chunk, and the caller stops after it.
    public final class Scope: Sendable {
        private let flag = Atomic<Bool>(false)
        public init() {}
        /// Ask the work inside this scope to stop (safe from any thread).
        public func request() { flag.store(true, ordering: .relaxed) }
        /// Forget this scope's pending request.
        public func clear() { flag.store(false, ordering: .relaxed) }
        /// True once `request()` was called and not yet cleared.
        public var isRequested: Bool { flag.load(ordering: .relaxed) }
    }

    @TaskLocal private static var scope: Scope?
    private static let scopesEntered = Atomic<Int>(0)

    /// Runs `body` so that `scope.request()` stops it as Ctrl-C would, and only it.
    public static func within<R>(_ scope: Scope, _ body: () throws -> R) rethrows -> R {
        scopesEntered.wrappingAdd(1, ordering: .relaxed)
        return try $scope.withValue(scope) { try body() }
    }

    /// True inside `deferring`: loops that poll with `isRequested` to stop early keep going.
    @TaskLocal public static var isDeferred = false

    /// Runs `body` so that a Ctrl-C arriving meanwhile does not stop its loops half-way: for a
    /// write into an array that already existed (an in-place operator, an assignment), where an
    /// early stop would leave the array half-changed and there is no new result to drop. The
    /// request stays pending for whatever runs next.
    public static func deferring<R>(_ body: () -> R) -> R {
        $isDeferred.withValue(true) { body() }
    }

    /// Throws `TensorError.interrupted` when a request is pending.
    @inline(__always)
    public static func check() throws(TensorError) {
        if isRequested { throw TensorError.interrupted }
    }
}

extension TensorError {
    /// What a cancelled operation throws (Python's KeyboardInterrupt).
    public static let interrupted = TensorError("interrupted", kind: .keyboardInterrupt)

    /// True for the error `Cancellation.check()` throws.
    public var isInterruption: Bool { kind == .keyboardInterrupt && message == "interrupted" }
}

extension Cancellation {
    /// Bytes moved between two polls of the flag by the chunked helpers below: ~10 ms of
    /// memory bandwidth.
    static let copyPiece = 32 << 20

    /// `memcpy` in pieces with a Ctrl-C check between them: copying a multi-GB buffer (a
    /// file's bytes into an array, an archive member out of its archive) stops within
    /// milliseconds instead of running to the end.
    static func copyMemory(to dst: UnsafeMutableRawPointer, from src: UnsafeRawPointer, byteCount: Int) throws(TensorError) {
        var done = 0
        while done < byteCount {
            if done > 0 { try check() }
            let n = Swift.min(copyPiece, byteCount - done)
            dst.advanced(by: done).copyMemory(from: src.advanced(by: done), byteCount: n)
            done += n
        }
    }

    /// `bytes[range]` as a new array, copied by `copyMemory` (interruptible).
    static func copy(_ bytes: [UInt8], _ range: Range<Int>) throws(TensorError) -> [UInt8] {
        if range.count <= copyPiece { return Array(bytes[range]) }
        var failure: TensorError?
        // Not zero-filled first (that alone is a long uninterruptible pass); on Ctrl-C the
        // array is returned short-initialized as empty and the caller throws.
        let out = [UInt8](unsafeUninitializedCapacity: range.count) { dst, initialized in
            bytes.withUnsafeBytes { src in
                guard let s = src.baseAddress, let d = dst.baseAddress else { return }
                do throws(TensorError) {
                    try copyMemory(to: UnsafeMutableRawPointer(d), from: s.advanced(by: range.lowerBound), byteCount: range.count)
                    initialized = range.count
                } catch { failure = error; initialized = 0 }
            }
        }
        if let failure { throw failure }
        return out
    }
}
