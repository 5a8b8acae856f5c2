// The portable micro-kernel: plain C over a 4×8 tile, for CPUs without AVX2 (and as the
// reference the faster sets fall back to if they fail their check).
#include "microkernels.h"

void rk_ukr_generic_4x8(long kc, const float *a, long rsa, long csa, const float *bp,
                        float *c, long ldc, long mr, long nr, float alpha, float beta) {
    float acc[4][8] = {{0}};
    for (long p = 0; p < kc; p++) {
        const float *b = bp + p * 8;
        for (long i = 0; i < 4; i++) {
            float x = a[(i < mr ? i : 0) * rsa + p * csa];
            for (long j = 0; j < 8; j++) acc[i][j] += x * b[j];
        }
    }
    for (long i = 0; i < mr; i++)
        for (long j = 0; j < nr; j++) {
            float v = alpha * acc[i][j];
            c[i * ldc + j] = beta != 0 ? v + beta * c[i * ldc + j] : v;
        }
}
