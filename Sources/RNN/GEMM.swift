import CKernels
import Foundation
import Synchronization

/// Matrix products through the engine's own kernels (`Sources/CKernels`), row-major, with
/// leading dimensions so that callers can multiply sub-blocks of larger buffers in place (a
/// timestep's rows, the `h` half of a `[x, h]` row, one gate block) without copying.
///
/// Every product the engine needs is `C = alpha·op(A)·op(B) + beta·C` with `op` the identity or
/// the transpose; sizes are Ints checked by the callers, which own the buffers.
///
/// Why our own kernels rather than OpenBLAS: OpenBLAS picks its kernels from the CPU's identity
/// when it loads. Debian's 0.3.21 does not know some newer CPUs and falls back to generic SSE3
/// kernels (2–3× slower), and some machines set `OPENBLAS_CORETYPE=Haswell` because older
/// builds compute wrong results on their CPUs, which forgoes AVX-512. CKernels asks the CPU
/// what it can run, checks the chosen micro-kernels against a reference product at first use,
/// and falls back to the next set if the check fails — on every machine, with nothing to set.
enum GEMM {
    /// `C[m×n] = alpha · op(A)[m×k] · op(B)[k×n] + beta · C`.
    /// `lda`, `ldb`, `ldc` are row strides (in elements) of A, B, C as stored (before `op`).
    /// `beta == 0` never reads C. Inside `BLASThreads.exclusively(threads: n)` with n > 1, a
    /// large product is split by rows over the worker pool; each row of C is computed by the
    /// same sequence of operations either way, so the result does not depend on n.
    @inline(__always)
    static func sgemm(transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int,
                      alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
                      b: UnsafePointer<Float>, ldb: Int,
                      beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
        if m == 0 || n == 0 { return }
        let threads = BLASThreads.current
        // Below ~2 MFLOP a split costs more in hand-offs than it gains.
        if threads > 1, m >= 16, m * n * k >= 1 << 20 {
            let parts = min(threads, m / 8)
            let rowsPer = (m / parts + 7) / 8 * 8
            let box = UncheckedBox((a, b, c))
            WorkerPool.shared.run(tasks: (m + rowsPer - 1) / rowsPer, workers: threads) { t, _ in
                let (a, b, c) = box.value
                let r0 = t * rowsPer, rows = min(rowsPer, m - r0)
                let aRows = transA ? a + r0 : a + r0 * lda
                rk_sgemm(transA ? 1 : 0, transB ? 1 : 0, rows, n, k, alpha, aRows, lda, b, ldb, beta, c + r0 * ldc, ldc)
            }
            return
        }
        rk_sgemm(transA ? 1 : 0, transB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }
}

extension GEMM {
    /// Runs `body` with the floats `[base, base + count)` declared unchanged (a model's weights
    /// during a batch): a B operand inside that range is packed once and reused by every
    /// product on every thread (the forward pass multiplies by the same kernel 28 times per
    /// chunk, the backward pass by its transpose 27 times). Nothing may write to the range
    /// meanwhile. Inside another such scope this just runs `body`.
    /// A nil `base` declares nothing.
    static func whileConstant<R>(_ base: UnsafePointer<Float>?, count: Int, _ body: () throws -> R) rethrows -> R {
        let began = base.map { rk_constant_begin($0, count) != 0 } ?? false
        defer { if began { rk_constant_end() } }
        return try body()
    }
}

/// The kernel set the engine's products run on, chosen for this CPU (see `GEMM`).
public enum GEMMKernels {
    /// The active set's short name: `avx512`, `avx2` or `generic`.
    public static var active: String { String(cString: rk_name(rk_active())) }
    /// The active set with its register tile, e.g. `avx512 (AVX-512F 8x32 (16 zmm accumulators))`.
    public static var description: String {
        let k = rk_active()
        var s = "\(String(cString: rk_name(k))): \(String(cString: rk_description(k))), verified on this CPU"
        let failed = rk_failed_mask()
        if failed != 0 {
            let names = (0..<Int(RK_KERNEL_COUNT.rawValue)).filter { failed & (1 << $0) != 0 }
                .map { String(cString: rk_name(rk_kernel(rawValue: UInt32($0)))) }
            s += "; failed the check and not used: " + names.joined(separator: ", ")
        }
        return s
    }
    /// Every set this CPU supports, best first (for the benchmark's same-run peaks).
    public static var supported: [String] {
        (0..<Int(RK_KERNEL_COUNT.rawValue)).map { rk_kernel(rawValue: UInt32($0)) }
            .filter { rk_supported($0) != 0 }.map { String(cString: rk_name($0)) }
    }
    /// The set named `name`, if this CPU supports it.
    static func kernel(named name: String) -> rk_kernel? {
        (0..<Int(RK_KERNEL_COUNT.rawValue)).map { rk_kernel(rawValue: UInt32($0)) }
            .first { String(cString: rk_name($0)) == name && rk_supported($0) != 0 }
    }
    /// One product with an explicit kernel set (benchmark peaks and tests), single-threaded.
    static func sgemm(with name: String, transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int,
                      alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                      beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
        let kern = kernel(named: name) ?? RK_GENERIC
        rk_sgemm_with(kern, transA ? 1 : 0, transB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }
}

/// How many threads one product may use (the `.blas` parallelism: one replica, each product
/// split by rows over the worker pool). The name is historical (OpenBLAS used to do this).
/// Engine work runs inside `exclusively`, which sets the count for the calling computation.
public enum BLASThreads {
    /// The count for products issued now (1 outside `exclusively`).
    static var current: Int { count.load(ordering: .relaxed) }
    private static let count = Atomic<Int>(1)
    /// Processors this process may run on.
    public static var processors: Int { ProcessInfo.processInfo.activeProcessorCount }
    /// Engine computations do not overlap: a model's threads and its product threads assume
    /// the cores are theirs, and tests running in parallel stay reproducible.
    static let lock = NSLock()

    /// Runs `body` with products split over `n` threads, excluding other engine work meanwhile.
    static func exclusively<R>(threads n: Int, _ body: () throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        let previous = count.exchange(max(1, min(n, WorkerPool.maxWorkers)), ordering: .relaxed)
        defer { count.store(previous, ordering: .relaxed) }
        return try body()
    }

    /// What runs the products: the kernel set and how it was chosen.
    public static var configuration: String { "CKernels " + GEMMKernels.description }
}
