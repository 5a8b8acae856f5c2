// The micro-kernel contract shared by the driver (sgemm.c) and the per-ISA kernels.
//
// A micro-kernel computes one register tile of C:
//     C[i][j] = alpha · Σ_p A(i, p) · Bp[p][j] + beta · C[i][j]      i < mr ≤ MR, j < nr ≤ NR
// A is read in place, element (i, p) at a[i·rsa + p·csa] (row-major A: rsa = lda, csa = 1;
// a transposed A: rsa = 1, csa = lda), so A is never packed. Bp is a packed panel of B:
// kc rows of NR floats, 64-byte aligned, zero past nr. beta == 0 does not read C.
// Each element is one FMA per p, in order, into an accumulator starting at zero, then stored
// as alpha·acc (+ beta·C by one FMA): every kernel of a set computes a row the same way, so
// which tile a row falls in never changes its bits (tests check this across the sets' tiles).
#ifndef CKERNELS_MICROKERNELS_H
#define CKERNELS_MICROKERNELS_H

typedef void (*rk_microkernel)(long kc, const float *a, long rsa, long csa, const float *bp,
                               float *c, long ldc, long mr, long nr, float alpha, float beta);

/// A kernel set: its register tile, the largest k-block whose B panel stays in L1, and
/// optionally a tile of fewer rows (smr < mr, same nr) for the rows a full tile would waste
/// (see m_tiling in sgemm.c; smr 0 and NULL: none).
typedef struct {
    int mr, nr, kc;
    rk_microkernel kernel;
    int smr;
    rk_microkernel small;
} rk_kernel_info;

#if defined(__x86_64__)
void rk_ukr_avx512_8x32(long kc, const float *a, long rsa, long csa, const float *bp,
                        float *c, long ldc, long mr, long nr, float alpha, float beta);
void rk_ukr_avx2_6x16(long kc, const float *a, long rsa, long csa, const float *bp,
                      float *c, long ldc, long mr, long nr, float alpha, float beta);
void rk_ukr_avx2_4x16(long kc, const float *a, long rsa, long csa, const float *bp,
                      float *c, long ldc, long mr, long nr, float alpha, float beta);
#endif
void rk_ukr_generic_4x8(long kc, const float *a, long rsa, long csa, const float *bp,
                        float *c, long ldc, long mr, long nr, float alpha, float beta);
#endif
