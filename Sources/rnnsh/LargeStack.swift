import Foundation

/// The shell runs on a thread with a large stack. Swift frees a value by recursion wherever
/// its runtime owns the structure (a closure's captured values, an iterator built on an
/// iterator, a deque in a deque): `f = (lambda g: lambda: g)(f)` or `x = map(abs, x)` 100,000
/// times, then dropped, overflowed the main thread's 8 MiB and the process died (rc 139, red
/// team). `ContainerTeardown` unrolls the containers it knows; for the rest there is room here.
/// The stack is address space: pages are touched only as deep as a statement goes.
enum LargeStack {
    /// 1 GiB, else smaller where the system refuses (a capped address space).
    static let sizes = [1 << 30, 256 << 20, 64 << 20]

    /// Runs `body` on such a thread and exits with its status; runs it here when no thread
    /// can be made.
    static func run(_ body: @escaping () -> Int32) -> Never {
        final class Box: @unchecked Sendable {
            let body: () -> Int32
            init(_ body: @escaping () -> Int32) { self.body = body }
        }
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        for size in sizes {
            var attr = pthread_attr_t()
            pthread_attr_init(&attr)
            defer { pthread_attr_destroy(&attr) }
            guard pthread_attr_setstacksize(&attr, size) == 0 else { continue }
            var thread = pthread_t()
            let made = pthread_create(&thread, &attr, { raw in
                let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
                exit(box.body())
            }, box)
            if made == 0 {
                // The main thread only waits; the shell's thread ends the process. It takes no
                // signal, so Ctrl-C, SIGTERM and SIGWINCH reach the shell's thread, where they
                // interrupt the read readline is blocked in (a signal interrupts a system call
                // only in the thread that takes it). The new thread keeps the mask it started with.
                var all = sigset_t()
                sigfillset(&all)
                pthread_sigmask(SIG_BLOCK, &all, nil)
                while true { sleep(3600) }
            }
        }
        exit(Unmanaged<Box>.fromOpaque(box).takeRetainedValue().body())
    }
}
