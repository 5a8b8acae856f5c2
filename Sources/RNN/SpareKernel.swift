import Foundation

/// One spare sequence kernel (a cell's activation buffers) kept between calls of a cell's
/// `unroll`/`gradients`. A fresh LSTM kernel for the tutorial's batch is ~13 MB of newly
/// mapped pages; touching them for the first time (page faults) cost as much as the unroll's
/// arithmetic, which held the shell's `unroll` to a third of the engine's evaluation speed.
/// Buffers are reused as the model's replicas reuse theirs: contents are unspecified.
enum SpareKernel {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var spare: SequenceKernel?
    /// Larger kernels are not kept (floats of activations, roughly).
    static let limit = 16 << 20

    /// The spare kernel if it is of `fresh`'s kind, else `fresh`.
    static func take(like fresh: SequenceKernel) -> SequenceKernel {
        lock.lock()
        defer { lock.unlock() }
        guard let s = spare, type(of: s) == type(of: fresh) else { return fresh }
        spare = nil
        return s
    }

    /// Keeps `k` for the next `take` when it is not too large. The caller must not use it
    /// afterwards.
    static func give(_ k: SequenceKernel) {
        let d = k.dims
        guard d.steps * d.batch * (2 * d.rowWidth + 8 * d.units) <= limit else { return }
        lock.lock()
        spare = k
        lock.unlock()
    }
}
