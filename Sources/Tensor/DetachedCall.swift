import Foundation
import Synchronization

/// One call that cannot poll for Ctrl-C itself — a LAPACK routine on a large matrix runs for
/// seconds inside OpenBLAS — made interruptible from the outside: it runs on a thread of its
/// own while the calling thread waits, reading the `Cancellation` flag every 10 ms. On Ctrl-C
/// the caller throws `TensorError.interrupted` at once and the statement ends; the abandoned
/// call finishes in the background on buffers it owns (everything it touches is captured by
/// value), and its result is dropped. The price is that CPU stays busy until it ends — bounded
/// by the one routine — but the shell answers within the 0.5 s the issue asks for.
enum DetachedCall {
    /// Calls below this much work (roughly multiply-adds) run inline: a thread per small matrix
    /// would cost more than the call (a stack of 10^5 2×2 matrices).
    static let threshold = 1 << 24

    /// `work()`, on its own thread when `cost` is large; throws `.interrupted` on Ctrl-C.
    static func run<T: Sendable>(cost: Int, _ work: @escaping @Sendable () -> T) throws(TensorError) -> T {
        if cost < threshold { return work() }
        try Cancellation.check()
        let box = Box<T>()
        let thread = Thread {
            let value = work()
            box.finish(value)
        }
        thread.stackSize = 16 << 20
        thread.start()
        while true {
            if let value = box.wait(milliseconds: 10) { return value }
            if Cancellation.isRequested { throw TensorError.interrupted }
        }
    }

    /// The result slot the worker fills and the caller waits on.
    final class Box<T: Sendable>: Sendable {
        private let value = Mutex<T?>(nil)
        private let done = DispatchSemaphore(value: 0)

        func finish(_ v: T) {
            value.withLock { $0 = v }
            done.signal()
        }

        func wait(milliseconds: Int) -> T? {
            if done.wait(timeout: .now() + .milliseconds(milliseconds)) == .timedOut { return nil }
            return value.withLock { $0 }
        }
    }
}
