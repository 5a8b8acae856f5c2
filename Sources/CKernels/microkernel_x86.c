// The x86-64 micro-kernels, each compiled for its own instruction set with a target attribute
// (the rest of the program stays portable); sgemm.c calls one only after checking the CPU.
// This file and sgemm.c's dispatch are the only machine-specific code in the engine.
#include "microkernels.h"

#if defined(__x86_64__)
#include <immintrin.h>

// AVX-512F: an 8×32 tile of C in 16 zmm accumulators. Per step p: two 16-float loads of the B
// panel, eight broadcasts of A (folded into the FMAs as {1to16} memory operands), 16 FMAs.
// On Zen 4 (one 512-bit FMA per cycle) and Sapphire Rapids (two) the FMAs, not the loads, bound it.
__attribute__((target("avx512f")))
void rk_ukr_avx512_8x32(long kc, const float *a, long rsa, long csa, const float *bp,
                        float *c, long ldc, long mr, long nr, float alpha, float beta) {
    // Rows past mr re-read row 0 (in bounds); their results are never stored.
    const float *a0 = a;
    const float *a1 = mr > 1 ? a + rsa : a, *a2 = mr > 2 ? a + 2 * rsa : a, *a3 = mr > 3 ? a + 3 * rsa : a;
    const float *a4 = mr > 4 ? a + 4 * rsa : a, *a5 = mr > 5 ? a + 5 * rsa : a, *a6 = mr > 6 ? a + 6 * rsa : a;
    const float *a7 = mr > 7 ? a + 7 * rsa : a;
    __m512 c00 = _mm512_setzero_ps(), c01 = _mm512_setzero_ps(), c10 = _mm512_setzero_ps(), c11 = _mm512_setzero_ps();
    __m512 c20 = _mm512_setzero_ps(), c21 = _mm512_setzero_ps(), c30 = _mm512_setzero_ps(), c31 = _mm512_setzero_ps();
    __m512 c40 = _mm512_setzero_ps(), c41 = _mm512_setzero_ps(), c50 = _mm512_setzero_ps(), c51 = _mm512_setzero_ps();
    __m512 c60 = _mm512_setzero_ps(), c61 = _mm512_setzero_ps(), c70 = _mm512_setzero_ps(), c71 = _mm512_setzero_ps();
    long off = 0;
    for (long p = 0; p < kc; p++, off += csa, bp += 32) {
        __m512 b0 = _mm512_load_ps(bp), b1 = _mm512_load_ps(bp + 16);
        __m512 x;
        x = _mm512_set1_ps(a0[off]); c00 = _mm512_fmadd_ps(x, b0, c00); c01 = _mm512_fmadd_ps(x, b1, c01);
        x = _mm512_set1_ps(a1[off]); c10 = _mm512_fmadd_ps(x, b0, c10); c11 = _mm512_fmadd_ps(x, b1, c11);
        x = _mm512_set1_ps(a2[off]); c20 = _mm512_fmadd_ps(x, b0, c20); c21 = _mm512_fmadd_ps(x, b1, c21);
        x = _mm512_set1_ps(a3[off]); c30 = _mm512_fmadd_ps(x, b0, c30); c31 = _mm512_fmadd_ps(x, b1, c31);
        x = _mm512_set1_ps(a4[off]); c40 = _mm512_fmadd_ps(x, b0, c40); c41 = _mm512_fmadd_ps(x, b1, c41);
        x = _mm512_set1_ps(a5[off]); c50 = _mm512_fmadd_ps(x, b0, c50); c51 = _mm512_fmadd_ps(x, b1, c51);
        x = _mm512_set1_ps(a6[off]); c60 = _mm512_fmadd_ps(x, b0, c60); c61 = _mm512_fmadd_ps(x, b1, c61);
        x = _mm512_set1_ps(a7[off]); c70 = _mm512_fmadd_ps(x, b0, c70); c71 = _mm512_fmadd_ps(x, b1, c71);
    }
    __mmask16 m0 = nr >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << nr) - 1);
    __mmask16 m1 = nr >= 32 ? (__mmask16)0xFFFF : nr > 16 ? (__mmask16)((1u << (nr - 16)) - 1) : (__mmask16)0;
    __m512 va = _mm512_set1_ps(alpha), vb = _mm512_set1_ps(beta);
    __m512 rows[16] = {c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71};
    for (long i = 0; i < mr; i++) {
        float *ci = c + i * ldc;
        __m512 v0 = _mm512_mul_ps(va, rows[2 * i]), v1 = _mm512_mul_ps(va, rows[2 * i + 1]);
        if (beta != 0) {
            v0 = _mm512_fmadd_ps(vb, _mm512_maskz_loadu_ps(m0, ci), v0);
            v1 = _mm512_fmadd_ps(vb, _mm512_maskz_loadu_ps(m1, ci + 16), v1);
        }
        _mm512_mask_storeu_ps(ci, m0, v0);
        _mm512_mask_storeu_ps(ci + 16, m1, v1);
    }
}

/// Stores an mr × nr (≤ 16) corner of a tile's accumulators (two ymm per row): alpha·acc + beta·C.
__attribute__((target("avx2,fma")))
static inline void store_tile_avx2(const __m256 *rows, float *c, long ldc, long mr, long nr, float alpha, float beta) {
    float tile[16];
    for (long i = 0; i < mr; i++) {
        float *ci = c + i * ldc;
        __m256 v0 = _mm256_mul_ps(_mm256_set1_ps(alpha), rows[2 * i]);
        __m256 v1 = _mm256_mul_ps(_mm256_set1_ps(alpha), rows[2 * i + 1]);
        if (nr == 16) {
            if (beta != 0) {
                v0 = _mm256_fmadd_ps(_mm256_set1_ps(beta), _mm256_loadu_ps(ci), v0);
                v1 = _mm256_fmadd_ps(_mm256_set1_ps(beta), _mm256_loadu_ps(ci + 8), v1);
            }
            _mm256_storeu_ps(ci, v0);
            _mm256_storeu_ps(ci + 8, v1);
        } else {
            _mm256_storeu_ps(tile, v0);
            _mm256_storeu_ps(tile + 8, v1);
            for (long j = 0; j < nr; j++) ci[j] = beta != 0 ? tile[j] + beta * ci[j] : tile[j];
        }
    }
}

// AVX2 + FMA: a 6×16 tile in 12 ymm accumulators (the classic Haswell shape: 12 + 2 B + 1 A
// of the 16 registers).
__attribute__((target("avx2,fma")))
void rk_ukr_avx2_6x16(long kc, const float *a, long rsa, long csa, const float *bp,
                      float *c, long ldc, long mr, long nr, float alpha, float beta) {
    const float *a0 = a;
    const float *a1 = mr > 1 ? a + rsa : a, *a2 = mr > 2 ? a + 2 * rsa : a, *a3 = mr > 3 ? a + 3 * rsa : a;
    const float *a4 = mr > 4 ? a + 4 * rsa : a, *a5 = mr > 5 ? a + 5 * rsa : a;
    __m256 c00 = _mm256_setzero_ps(), c01 = _mm256_setzero_ps(), c10 = _mm256_setzero_ps(), c11 = _mm256_setzero_ps();
    __m256 c20 = _mm256_setzero_ps(), c21 = _mm256_setzero_ps(), c30 = _mm256_setzero_ps(), c31 = _mm256_setzero_ps();
    __m256 c40 = _mm256_setzero_ps(), c41 = _mm256_setzero_ps(), c50 = _mm256_setzero_ps(), c51 = _mm256_setzero_ps();
    long off = 0;
    for (long p = 0; p < kc; p++, off += csa, bp += 16) {
        __m256 b0 = _mm256_load_ps(bp), b1 = _mm256_load_ps(bp + 8);
        __m256 x;
        x = _mm256_broadcast_ss(a0 + off); c00 = _mm256_fmadd_ps(x, b0, c00); c01 = _mm256_fmadd_ps(x, b1, c01);
        x = _mm256_broadcast_ss(a1 + off); c10 = _mm256_fmadd_ps(x, b0, c10); c11 = _mm256_fmadd_ps(x, b1, c11);
        x = _mm256_broadcast_ss(a2 + off); c20 = _mm256_fmadd_ps(x, b0, c20); c21 = _mm256_fmadd_ps(x, b1, c21);
        x = _mm256_broadcast_ss(a3 + off); c30 = _mm256_fmadd_ps(x, b0, c30); c31 = _mm256_fmadd_ps(x, b1, c31);
        x = _mm256_broadcast_ss(a4 + off); c40 = _mm256_fmadd_ps(x, b0, c40); c41 = _mm256_fmadd_ps(x, b1, c41);
        x = _mm256_broadcast_ss(a5 + off); c50 = _mm256_fmadd_ps(x, b0, c50); c51 = _mm256_fmadd_ps(x, b1, c51);
    }
    __m256 rows[12] = {c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51};
    store_tile_avx2(rows, c, ldc, mr, nr, alpha, beta);
}

// AVX2 + FMA: a 4×16 tile in 8 ymm accumulators, for the rows a 6-row tiling leaves over
// (m = 32 → 6+6+6+6+4+4 instead of 6×6 with a 2-row tile that costs a full one). Eight
// independent FMA chains cover Zen 3's and Haswell's 4-cycle latency at two FMAs a cycle, so
// a 4-row tile costs 4/6 of a 6-row one. Each element's arithmetic is the 6×16 kernel's
// (one FMA per p in order from zero, then alpha·sum + beta·C), so results are bit-identical
// whichever tile computes a row.
__attribute__((target("avx2,fma")))
void rk_ukr_avx2_4x16(long kc, const float *a, long rsa, long csa, const float *bp,
                      float *c, long ldc, long mr, long nr, float alpha, float beta) {
    const float *a0 = a;
    const float *a1 = mr > 1 ? a + rsa : a, *a2 = mr > 2 ? a + 2 * rsa : a, *a3 = mr > 3 ? a + 3 * rsa : a;
    __m256 c00 = _mm256_setzero_ps(), c01 = _mm256_setzero_ps(), c10 = _mm256_setzero_ps(), c11 = _mm256_setzero_ps();
    __m256 c20 = _mm256_setzero_ps(), c21 = _mm256_setzero_ps(), c30 = _mm256_setzero_ps(), c31 = _mm256_setzero_ps();
    long off = 0;
    for (long p = 0; p < kc; p++, off += csa, bp += 16) {
        __m256 b0 = _mm256_load_ps(bp), b1 = _mm256_load_ps(bp + 8);
        __m256 x;
        x = _mm256_broadcast_ss(a0 + off); c00 = _mm256_fmadd_ps(x, b0, c00); c01 = _mm256_fmadd_ps(x, b1, c01);
        x = _mm256_broadcast_ss(a1 + off); c10 = _mm256_fmadd_ps(x, b0, c10); c11 = _mm256_fmadd_ps(x, b1, c11);
        x = _mm256_broadcast_ss(a2 + off); c20 = _mm256_fmadd_ps(x, b0, c20); c21 = _mm256_fmadd_ps(x, b1, c21);
        x = _mm256_broadcast_ss(a3 + off); c30 = _mm256_fmadd_ps(x, b0, c30); c31 = _mm256_fmadd_ps(x, b1, c31);
    }
    __m256 rows[8] = {c00, c01, c10, c11, c20, c21, c30, c31};
    store_tile_avx2(rows, c, ldc, mr, nr, alpha, beta);
}
#endif
