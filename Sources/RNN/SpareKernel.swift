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

    /// Kernels for the chunks of `Cell.unroll`, one per worker, kept between calls (a chunk's
    /// kernel is small, but fresh pages on every call would cost as much as its arithmetic).
    nonisolated(unsafe) private static var chunkSpares: [SequenceKernel] = []

    /// `n` kernels: the kept chunk kernels of `make()`'s kind first, then fresh ones.
    static func take(_ n: Int, make: () -> SequenceKernel) -> [SequenceKernel] {
        let fresh = make()
        lock.lock()
        var out = chunkSpares.filter { type(of: $0) == type(of: fresh) }
        chunkSpares = []
        lock.unlock()
        if out.count > n { out.removeLast(out.count - n) }
        if out.count < n { out.append(fresh) }
        while out.count < n { out.append(make()) }
        return out
    }

    /// Keeps chunk kernels for the next `take(_:make:)`; the caller must not use them afterwards.
    static func give(_ ks: [SequenceKernel]) {
        lock.lock()
        chunkSpares = ks.filter { $0.dims.steps * $0.dims.batch * (2 * $0.dims.rowWidth + 8 * $0.dims.units) <= limit }
        lock.unlock()
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
