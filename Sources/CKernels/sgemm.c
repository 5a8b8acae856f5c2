// The driver: blocking, packing of B, the cache of packed transposed operands, run-time choice
// of the kernel set and its check on the running CPU.
//
// Loop nest (BLIS's, with A read in place instead of packed):
//   for each k-block of ≤ KC:           B block packed into NR-wide panels (L2-resident)
//     for each NR panel of B:            the panel (kc × NR floats) stays in L1
//       for each MR rows of A/C:         micro-kernel on an MR × NR tile of C
// The first k-block applies beta, later ones add (beta = 1).
//
// Rows that do not fill the last MR-row tile go to the set's smaller tile where it has one
// (m_tiling): a tile costs the same whether it stores 2 rows or MR, and the engine's chunks
// of 32 and 128 rows leave 2 over a 6-row tiling.
//
// A transposed B (b[j·ldb + p]) must be transposed while packing, which costs as much as a
// third of the product when m is small. The engine multiplies by the same transposed weights
// ~28 times per batch, so each thread keeps its last packed transposed B together with a
// verbatim copy of the source: when the next call names the same memory and the bytes are
// unchanged (one memcmp, far cheaper than the transpose), the packed panels are reused.
#include "CKernels.h"
#include "microkernels.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const rk_kernel_info kernel_table[RK_KERNEL_COUNT] = {
#if defined(__x86_64__)
    // 8 divides the engine's row counts (32, 128), so AVX-512 needs no smaller tile.
    [RK_AVX512] = {8, 32, 256, rk_ukr_avx512_8x32, 0, NULL},
    [RK_AVX2] = {6, 16, 256, rk_ukr_avx2_6x16, 4, rk_ukr_avx2_4x16},
#else
    [RK_AVX512] = {4, 8, 256, rk_ukr_generic_4x8, 0, NULL},
    [RK_AVX2] = {4, 8, 256, rk_ukr_generic_4x8, 0, NULL},
#endif
    [RK_GENERIC] = {4, 8, 256, rk_ukr_generic_4x8, 0, NULL},
};

static const char *const names[RK_KERNEL_COUNT] = {"avx512", "avx2", "generic"};
static const char *const descriptions[RK_KERNEL_COUNT] = {
    "AVX-512F 8x32 (16 zmm accumulators)", "AVX2+FMA 6x16 (12 ymm accumulators), 4x16 for the last rows",
    "portable C 4x8"};

const char *rk_name(rk_kernel k) { return (unsigned)k < RK_KERNEL_COUNT ? names[k] : "?"; }
const char *rk_description(rk_kernel k) { return (unsigned)k < RK_KERNEL_COUNT ? descriptions[k] : "?"; }

int rk_supported(rk_kernel k) {
    switch (k) {
#if defined(__x86_64__)
    // __builtin_cpu_supports also checks that the OS saves the registers (XCR0).
    case RK_AVX512: return __builtin_cpu_supports("avx512f");
    case RK_AVX2: return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    case RK_AVX512: case RK_AVX2: return 0;
#endif
    case RK_GENERIC: return 1;
    default: return 0;
    }
}

// MARK: per-thread scratch

/// Grows a 64-byte-aligned buffer; contents are lost on growth.
static float *ensure(float **buf, size_t *cap, size_t count) {
    if (count <= *cap && *buf) return *buf;
    free(*buf);
    size_t bytes = (count * sizeof(float) + 63) & ~(size_t)63;
    *buf = aligned_alloc(64, bytes ? bytes : 64);
    *cap = *buf ? count : 0;
    return *buf;
}

typedef struct {
    float *pack; size_t packCap;        // B block being multiplied
    // The cached transposed B: its identity, a copy of its bytes and its packed panels.
    const float *tb; long tldb, tk, tn; int tkernel;
    float *tcopy; size_t tcopyCap;
    float *tpack; size_t tpackCap;
    int tvalid;
} scratch_t;

static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;
static void scratch_free(void *p) {
    scratch_t *s = p;
    if (!s) return;
    free(s->pack); free(s->tcopy); free(s->tpack); free(s);
}
static void scratch_init(void) { pthread_key_create(&scratch_key, scratch_free); }
static scratch_t *scratch(void) {
    pthread_once(&scratch_once, scratch_init);
    scratch_t *s = pthread_getspecific(scratch_key);
    if (!s) {
        s = calloc(1, sizeof(scratch_t));
        if (s) pthread_setspecific(scratch_key, s);
    }
    return s;
}

// MARK: packing

/// Copies one row segment of a panel: n ≤ NR floats, zero past n. NR is a compile-time
/// constant at each call site, so full rows become a few vector moves.
static inline void pack_row(float *restrict dst, const float *restrict src, long n, int NR) {
    if (n == NR) {
        switch (NR) {
        case 32: memcpy(dst, src, 32 * sizeof(float)); return;
        case 16: memcpy(dst, src, 16 * sizeof(float)); return;
        case 8: memcpy(dst, src, 8 * sizeof(float)); return;
        default: break;
        }
    }
    long j = 0;
    for (; j < n; j++) dst[j] = src[j];
    for (; j < NR; j++) dst[j] = 0;
}

/// Packs B[p0 : p0+kc, j0 : j0+nc] (as op(B)) into ceil(nc/NR) panels of kc × NR floats.
static void pack_b(int transB, const float *b, long ldb, long p0, long kc, long j0, long nc, int NR, float *out) {
    if (!transB) {
        // Row by row of B (sequential reads), each row split over the panels.
        const size_t panelStride = (size_t)kc * NR;
        for (long p = 0; p < kc; p++) {
            const float *src = b + (p0 + p) * ldb + j0;
            float *dst = out + p * NR;
            long jp = 0;
            if (NR == 32) for (; jp + 32 <= nc; jp += 32, dst += panelStride) memcpy(dst, src + jp, 32 * sizeof(float));
            else if (NR == 16) for (; jp + 16 <= nc; jp += 16, dst += panelStride) memcpy(dst, src + jp, 16 * sizeof(float));
            else if (NR == 8) for (; jp + 8 <= nc; jp += 8, dst += panelStride) memcpy(dst, src + jp, 8 * sizeof(float));
            if (jp < nc) pack_row(dst, src + jp, nc - jp, NR);
        }
        return;
    }
    for (long jp = 0; jp < nc; jp += NR) {
        long nr = nc - jp < NR ? nc - jp : NR;
        float *panel = out + (jp / NR) * kc * NR;
        // op(B)[p][j] = b[j·ldb + p]: read each source row once, write a column of the panel.
        for (long j = 0; j < nr; j++) {
            const float *src = b + (j0 + jp + j) * ldb + p0;
            for (long p = 0; p < kc; p++) panel[p * NR + j] = src[p];
        }
        for (long j = nr; j < NR; j++)
            for (long p = 0; p < kc; p++) panel[p * NR + j] = 0;
    }
}

/// k-blocks of nearly equal size, none above KC (156 → one block; 512 → 171+171+170 for KC 192).
static long kblock(long k, int KC) {
    long blocks = (k + KC - 1) / KC;
    return (k + blocks - 1) / blocks;
}

static size_t packed_size(long k, long n, int NR, int KC) {
    long kb = kblock(k, KC);
    long blocks = (k + kb - 1) / kb;
    size_t panels = (size_t)((n + NR - 1) / NR);
    return (size_t)blocks * (size_t)kb * panels * (size_t)NR;
}

/// Packs all of op(B) (k × n), k-block by k-block, into out (packed_size floats).
static void pack_all(int transB, const float *b, long ldb, long k, long n, int NR, int KC, float *out) {
    long kb = kblock(k, KC);
    size_t panels = (size_t)((n + NR - 1) / NR);
    for (long p0 = 0, blk = 0; p0 < k; p0 += kb, blk++) {
        long kc = k - p0 < kb ? k - p0 : kb;
        pack_b(transB, b, ldb, p0, kc, 0, n, NR, out + (size_t)blk * (size_t)kb * panels * NR);
    }
}

/// The largest transposed B kept per thread (floats): the engine's weights are 80k.
#define TRANSPOSE_CACHE_LIMIT (4L << 20)

/// Returns packed op(B) for a transposed B from this thread's cache, packing on a miss.
static const float *cached_transposed(scratch_t *s, rk_kernel kern, const float *b, long ldb, long k, long n,
                                      int NR, int KC) {
    if ((long)k * n > TRANSPOSE_CACHE_LIMIT) return NULL;
    size_t psize = packed_size(k, n, NR, KC);
    int same = s->tvalid && s->tb == b && s->tldb == ldb && s->tk == k && s->tn == n && s->tkernel == (int)kern;
    if (same) {
        for (long j = 0; j < n && same; j++)
            same = memcmp(s->tcopy + j * k, b + j * ldb, (size_t)k * sizeof(float)) == 0;
        if (same) return s->tpack;
    }
    s->tvalid = 0;
    if (!ensure(&s->tcopy, &s->tcopyCap, (size_t)k * n) || !ensure(&s->tpack, &s->tpackCap, psize)) return NULL;
    for (long j = 0; j < n; j++) memcpy(s->tcopy + j * k, b + j * ldb, (size_t)k * sizeof(float));
    pack_all(1, b, ldb, k, n, NR, KC, s->tpack);
    s->tb = b; s->tldb = ldb; s->tk = k; s->tn = n; s->tkernel = (int)kern; s->tvalid = 1;
    return s->tpack;
}

// MARK: operands declared constant (rk_constant_begin)

#define CONSTANT_ENTRIES 8
typedef struct {
    const float *b; long ldb, k, n; int trans, kernel, valid;
    float *packed; size_t cap;
} constant_entry;

static pthread_mutex_t constant_lock = PTHREAD_MUTEX_INITIALIZER;
static const float *constant_base = NULL;
static long constant_count = 0;
static constant_entry constant_entries[CONSTANT_ENTRIES];

int rk_constant_begin(const float *base, long count) {
    pthread_mutex_lock(&constant_lock);
    int began = constant_base == NULL && base != NULL && count > 0;
    if (began) {
        for (int i = 0; i < CONSTANT_ENTRIES; i++) constant_entries[i].valid = 0;
        constant_count = count;
        __atomic_store_n(&constant_base, base, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&constant_lock);
    return began;
}

void rk_constant_end(void) {
    pthread_mutex_lock(&constant_lock);
    __atomic_store_n(&constant_base, (const float *)NULL, __ATOMIC_RELEASE);
    constant_count = 0;
    // The buffers are kept for the next range (the next batch packs the same shapes).
    for (int i = 0; i < CONSTANT_ENTRIES; i++) constant_entries[i].valid = 0;
    pthread_mutex_unlock(&constant_lock);
}

/// The packing of a constant operand, made on first use; NULL when b is outside the declared
/// range (or memory is short). The returned panels stay valid until rk_constant_end.
static const float *constant_packed(rk_kernel kern, int transB, const float *b, long ldb, long k, long n,
                                    int NR, int KC) {
    if (!__atomic_load_n(&constant_base, __ATOMIC_ACQUIRE)) return NULL;   // rechecked under the lock
    const float *last = transB ? b + (n - 1) * ldb + k : b + (k - 1) * ldb + n;   // one past the last element
    const float *out = NULL;
    pthread_mutex_lock(&constant_lock);
    if (constant_base && b >= constant_base && last <= constant_base + constant_count) {
        int free_slot = -1;
        for (int i = 0; i < CONSTANT_ENTRIES; i++) {
            constant_entry *e = &constant_entries[i];
            if (e->valid && e->b == b && e->ldb == ldb && e->k == k && e->n == n && e->trans == transB &&
                e->kernel == (int)kern) { out = e->packed; break; }
            if (!e->valid && free_slot < 0) free_slot = i;
        }
        if (!out && free_slot >= 0) {
            constant_entry *e = &constant_entries[free_slot];
            if (ensure(&e->packed, &e->cap, packed_size(k, n, NR, KC))) {
                pack_all(transB, b, ldb, k, n, NR, KC, e->packed);
                e->b = b; e->ldb = ldb; e->k = k; e->n = n; e->trans = transB; e->kernel = (int)kern; e->valid = 1;
                out = e->packed;
            }
        }
    }
    pthread_mutex_unlock(&constant_lock);
    return out;
}

// MARK: the product

static void scale_c(long m, long n, float beta, float *c, long ldc) {
    for (long i = 0; i < m; i++)
        for (long j = 0; j < n; j++) c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j];
}

/// Naive product, one element at a time: the last resort when scratch memory cannot be had.
static void naive(int transA, int transB, long m, long n, long k, float alpha, const float *a, long lda,
                  const float *b, long ldb, float beta, float *c, long ldc) {
    for (long i = 0; i < m; i++)
        for (long j = 0; j < n; j++) {
            float s = 0;
            for (long p = 0; p < k; p++)
                s += (transA ? a[p * lda + i] : a[i * lda + p]) * (transB ? b[j * ldb + p] : b[p * ldb + j]);
            c[i * ldc + j] = alpha * s + (beta != 0 ? beta * c[i * ldc + j] : 0);
        }
}

/// How m rows are cut into tiles: MR-row tiles by the main kernel up to *fullEnd, then tiles of
/// *tailStep rows by *tailKernel. A tile's cost is set by its kernel, not by how many of its rows
/// are stored, and the small tile (SMR rows, SMR < MR) costs about SMR/MR of a full one. So
/// with r = m mod MR left over: r ≤ SMR takes one small tile; where MR + r ≤ 2·SMR, the last
/// full tile and the r rows become two small tiles (6x16 and 4x16: 32 = 4·6 + 4 + 4, not
/// 5·6 + a 2-row tile that costs a 6-row one); otherwise the main kernel takes the rest.
/// Every row's arithmetic is the same in either kernel (see microkernels.h), so the cut never
/// changes a result.
static void m_tiling(const rk_kernel_info *K, long m, long *fullEnd, long *tailStep, rk_microkernel *tailKernel) {
    const long MR = K->mr, r = m % MR, q = m / MR;
    *fullEnd = q * MR; *tailStep = MR; *tailKernel = K->kernel;
    if (!K->small || r == 0) return;
    const long S = K->smr;
    if (q > 0 && MR + r <= 2 * S) { *fullEnd = (q - 1) * MR; *tailStep = S; *tailKernel = K->small; }
    else if (r <= S) { *tailStep = S; *tailKernel = K->small; }
}

void rk_sgemm_with(rk_kernel kern, int transA, int transB, long m, long n, long k, float alpha,
                   const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc) {
    if (m <= 0 || n <= 0) return;
    if (k <= 0 || alpha == 0) { scale_c(m, n, beta, c, ldc); return; }
    if ((unsigned)kern >= RK_KERNEL_COUNT || !rk_supported(kern)) kern = RK_GENERIC;
    const rk_kernel_info *K = &kernel_table[kern];
    const int MR = K->mr, NR = K->nr;
    scratch_t *s = scratch();
    if (!s) { naive(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc); return; }
    const long rsa = transA ? 1 : lda, csa = transA ? lda : 1;
    const long kb = kblock(k, K->kc);
    const size_t panels = (size_t)((n + NR - 1) / NR);

    const float *packedAll = constant_packed(kern, transB, b, ldb, k, n, NR, K->kc);
    if (!packedAll && transB) packedAll = cached_transposed(s, kern, b, ldb, k, n, NR, K->kc);
    if (!packedAll && !ensure(&s->pack, &s->packCap, (size_t)kb * panels * NR)) {
        naive(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        return;
    }
    long fullEnd, tailStep;
    rk_microkernel tailKernel;
    m_tiling(K, m, &fullEnd, &tailStep, &tailKernel);
    for (long p0 = 0, blk = 0; p0 < k; p0 += kb, blk++) {
        const long kc = k - p0 < kb ? k - p0 : kb;
        const float *bp;
        if (packedAll) {
            bp = packedAll + (size_t)blk * (size_t)kb * panels * NR;
        } else {
            pack_b(transB, b, ldb, p0, kc, 0, n, NR, s->pack);
            bp = s->pack;
        }
        const float betaNow = p0 == 0 ? beta : 1.0f;
        const float *ak = a + p0 * csa;
        for (long jp = 0; jp < n; jp += NR) {
            const long nr = n - jp < NR ? n - jp : NR;
            const float *panel = bp + (size_t)(jp / NR) * kc * NR;
            for (long i = 0; i < fullEnd; i += MR)
                K->kernel(kc, ak + i * rsa, rsa, csa, panel, c + i * ldc + jp, ldc, MR, nr, alpha, betaNow);
            for (long i = fullEnd; i < m; i += tailStep) {
                const long mr = m - i < tailStep ? m - i : tailStep;
                tailKernel(kc, ak + i * rsa, rsa, csa, panel, c + i * ldc + jp, ldc, mr, nr, alpha, betaNow);
            }
        }
    }
}

// MARK: choosing and checking the kernel set

/// A deterministic pseudo-random fill in [-1, 1).
static void fill(float *x, long count, uint32_t seed) {
    uint32_t s = seed * 2654435761u + 1;
    for (long i = 0; i < count; i++) {
        s = s * 1664525u + 1013904223u;
        x[i] = (float)((s >> 8) & 0xFFFF) / 32768.0f - 1.0f;
    }
}

int rk_verify(rk_kernel kern) {
    if (!rk_supported(kern)) return 0;
    // Shapes: edges of every tile size (and every way m_tiling cuts the rows: m = 7, 13, 16, 32
    // end in small tiles), k across a block boundary, and the engine's own kinds.
    static const long shapes[][3] = {{1, 1, 1}, {7, 33, 5}, {13, 37, 29}, {9, 17, 200}, {16, 64, 300}, {3, 130, 7},
                                     {32, 48, 40}};
    int ok = 1;
    for (size_t sI = 0; sI < sizeof shapes / sizeof shapes[0] && ok; sI++) {
        long m = shapes[sI][0], n = shapes[sI][1], k = shapes[sI][2];
        for (int t = 0; t < 8 && ok; t++) {
            int ta = t & 1, tb = (t >> 1) & 1, useBeta = (t >> 2) & 1;
            long lda = (ta ? m : k) + 3, ldb = (tb ? k : n) + 5, ldc = n + 2;
            long arows = ta ? k : m, brows = tb ? n : k;
            float *a = malloc(sizeof(float) * arows * lda), *b = malloc(sizeof(float) * brows * ldb);
            float *c = malloc(sizeof(float) * m * ldc), *c0 = malloc(sizeof(float) * m * ldc);
            if (!a || !b || !c || !c0) { free(a); free(b); free(c); free(c0); return 0; }
            fill(a, arows * lda, (uint32_t)(sI * 8 + t));
            fill(b, brows * ldb, (uint32_t)(sI * 8 + t + 100));
            fill(c0, m * ldc, (uint32_t)(sI * 8 + t + 200));
            memcpy(c, c0, sizeof(float) * m * ldc);
            float alpha = useBeta ? 0.5f : 1.0f, beta = useBeta ? -2.0f : 0.0f;
            if (!useBeta) for (long i = 0; i < m * ldc; i++) c[i] = NAN;   // beta = 0 must not read C
            rk_sgemm_with(kern, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            for (long i = 0; i < m && ok; i++)
                for (long j = 0; j < n && ok; j++) {
                    double sum = 0, mag = 0;
                    for (long p = 0; p < k; p++) {
                        double x = ta ? a[p * lda + i] : a[i * lda + p], y = tb ? b[j * ldb + p] : b[p * ldb + j];
                        sum += x * y; mag += fabs(x * y);
                    }
                    double want = alpha * sum + (useBeta ? beta * (double)c0[i * ldc + j] : 0);
                    // The rounding bound of a k-term float sum (γ_k·Σ|x·y|): a wrong element is far outside it.
                    double tol = (double)(k + 2) * 1.2e-7 * (fabs(alpha) * mag + fabs(beta * (double)c0[i * ldc + j])) + 1e-30;
                    if (!(fabs((double)c[i * ldc + j] - want) <= tol)) ok = 0;
                }
            // The padding between rows must be untouched.
            for (long i = 0; i < m && ok; i++)
                for (long j = n; j < ldc; j++)
                    if (useBeta ? c[i * ldc + j] != c0[i * ldc + j] : !isnan(c[i * ldc + j])) ok = 0;
            free(a); free(b); free(c); free(c0);
        }
    }
    return ok;
}

static rk_kernel active = RK_GENERIC;
static int failed = 0;
static pthread_once_t choose_once = PTHREAD_ONCE_INIT;

static void choose(void) {
    const char *want = getenv("RNNSH_KERNELS");
    for (int k = 0; k < RK_KERNEL_COUNT; k++) {
        if (want && *want && strcmp(want, names[k]) != 0) continue;
        if (!rk_supported((rk_kernel)k)) continue;
        if (rk_verify((rk_kernel)k)) { active = (rk_kernel)k; return; }
        failed |= 1 << k;
    }
    // The named set is missing or failed: take the best that works.
    for (int k = 0; k < RK_KERNEL_COUNT; k++) {
        if (!rk_supported((rk_kernel)k) || (failed & (1 << k))) continue;
        if (rk_verify((rk_kernel)k)) { active = (rk_kernel)k; return; }
        failed |= 1 << k;
    }
    active = RK_GENERIC;
}

rk_kernel rk_active(void) {
    pthread_once(&choose_once, choose);
    return active;
}

int rk_failed_mask(void) {
    pthread_once(&choose_once, choose);
    return failed;
}

void rk_sgemm(int transA, int transB, long m, long n, long k, float alpha, const float *a, long lda,
              const float *b, long ldb, float beta, float *c, long ldc) {
    rk_sgemm_with(rk_active(), transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}
