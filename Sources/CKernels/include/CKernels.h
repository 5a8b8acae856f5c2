// CKernels — the engine's single-precision matrix product, with micro-kernels compiled per
// instruction set and chosen at run time for the CPU it runs on (see sgemm.c).
//
// Every product is row-major: C[m×n] = alpha · op(A)[m×k] · op(B)[k×n] + beta · C, where op is
// the identity or the transpose and lda/ldb/ldc are the row strides of A, B, C as stored.
// beta == 0 never reads C (so NaN garbage there does not leak in), like BLAS.
#ifndef CKERNELS_H
#define CKERNELS_H

#ifdef __cplusplus
extern "C" {
#endif

/// Kernel sets, best first. Values are stable (tests and `RNNSH_KERNELS` name them).
typedef enum {
    RK_AVX512 = 0,  ///< AVX-512F, 8×32 register tile (16 zmm accumulators)
    RK_AVX2 = 1,    ///< AVX2 + FMA, 6×16 register tile (12 ymm accumulators)
    RK_GENERIC = 2, ///< portable C, 4×8 tile (whatever the compiler vectorises)
    RK_KERNEL_COUNT = 3
} rk_kernel;

/// The product with the active kernel set (chosen, and verified, on first use).
void rk_sgemm(int transA, int transB, long m, long n, long k, float alpha,
              const float *a, long lda, const float *b, long ldb,
              float beta, float *c, long ldc);

/// The same product with an explicit kernel set (for tests and the benchmark); the set must
/// be supported by this CPU (`rk_supported`), otherwise this falls back to the generic set.
void rk_sgemm_with(rk_kernel kernel, int transA, int transB, long m, long n, long k, float alpha,
                   const float *a, long lda, const float *b, long ldb,
                   float beta, float *c, long ldc);

/// True when this CPU (and OS) can run the kernel set.
int rk_supported(rk_kernel kernel);

/// Checks a kernel set against a double-precision reference product over odd shapes, every
/// transpose combination, strided operands and beta ≠ 0; returns 1 when every element agrees.
int rk_verify(rk_kernel kernel);

/// The active kernel set: the best supported one that passed `rk_verify` (or the one named by
/// the environment variable RNNSH_KERNELS=avx512|avx2|generic, if supported and verified).
rk_kernel rk_active(void);

/// A short name ("avx512", "avx2", "generic") and a description (ISA and register tile).
const char *rk_name(rk_kernel kernel);
const char *rk_description(rk_kernel kernel);

/// Declares the floats [base, base + count) unchanged until rk_constant_end (e.g. a model's
/// weights during one batch). Meanwhile a B operand lying inside the range is packed once, by
/// whichever thread first needs it, and every later product naming the same operand (same
/// address, stride, shape and transpose), on any thread, reuses that packing unchecked.
/// Writing to the range before rk_constant_end gives wrong products. Not nestable: while a
/// range is declared, another begin does nothing and returns 0 (call rk_constant_end only
/// after a begin that returned 1).
int rk_constant_begin(const float *base, long count);
/// Ends the range and drops the packings made for it.
void rk_constant_end(void);

/// Kernel sets that were supported but failed verification on this CPU (a bit mask by
/// rk_kernel), so the caller can say why a slower set is active.
int rk_failed_mask(void);

#ifdef __cplusplus
}
#endif
#endif
