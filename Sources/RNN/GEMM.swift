import CBLAS
import Foundation

/// Matrix products through OpenBLAS's `cblas_sgemm`, row-major, with leading dimensions so that
/// callers can multiply sub-blocks of larger buffers in place (a timestep's rows, the `h` half of
/// a `[x, h]` row, one gate block) without copying.
///
/// Every product the engine needs is `C = alpha·op(A)·op(B) + beta·C` with `op` the identity or
/// the transpose; sizes are Ints checked by the callers, which own the buffers.
enum GEMM {
    /// `C[m×n] = alpha · op(A)[m×k] · op(B)[k×n] + beta · C`.
    /// `lda`, `ldb`, `ldc` are row strides (in elements) of A, B, C as stored (before `op`).
    @inline(__always)
    static func sgemm(transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int,
                      alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
                      b: UnsafePointer<Float>, ldb: Int,
                      beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
        if m == 0 || n == 0 { return }
        if k == 0 {
            // BLAS would scale C by beta; do it here so the k == 0 case needs no special care.
            for r in 0..<m { for j in 0..<n { c[r * ldc + j] = beta == 0 ? 0 : beta * c[r * ldc + j] } }
            return
        }
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}

/// The number of threads OpenBLAS uses for one product. The pthread build is the right one here:
/// it keeps both cores busy on the per-step products and degrades gracefully when the machine
/// is shared (the OpenMP build collapsed when the other core was busy).
public enum BLASThreads {
    /// Threads OpenBLAS will use for the next product.
    public static var count: Int { Int(openblas_get_num_threads()) }
    /// Processors OpenBLAS found.
    public static var processors: Int { Int(openblas_get_num_procs()) }
    /// Sets the thread count (clamped to 1...processors). Results are bit-identical for a given
    /// count; a different count may round differently.
    public static func set(_ n: Int) {
        openblas_set_num_threads(Int32(max(1, min(n, max(processors, 1)))))
    }
    /// OpenBLAS's thread count is one global setting, so two computations that want different
    /// counts (two models, or tests running in parallel) must not overlap, or a product may be
    /// split differently and round differently. Engine work that calls BLAS runs inside
    /// `exclusively`, which sets the count it needs and holds it until done.
    static let lock = NSLock()

    /// Runs `body` with OpenBLAS on `n` threads, excluding other engine work meanwhile.
    static func exclusively<R>(threads n: Int, _ body: () throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        if count != n { set(n) }
        return try body()
    }

    /// OpenBLAS's build description (version, target core, threading).
    public static var configuration: String {
        guard let p = openblas_get_config() else { return "" }
        return String(cString: p)
    }
}
