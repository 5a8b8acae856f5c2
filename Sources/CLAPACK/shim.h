// The LAPACK routines rnnsh's np.linalg uses, as Debian's libopenblas exports them (Fortran
// calling convention: every argument by pointer, matrices column-major). Debian ships no
// lapack.h with libopenblas-dev, so the prototypes are declared here.
#ifndef RNNSH_CLAPACK_SHIM_H
#define RNNSH_CLAPACK_SHIM_H

void dgetrf_(const int *m, const int *n, double *a, const int *lda, int *ipiv, int *info);
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info);
void dgesv_(const int *n, const int *nrhs, double *a, const int *lda, int *ipiv, double *b, const int *ldb, int *info);
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s, double *u, const int *ldu,
             double *vt, const int *ldvt, double *work, const int *lwork, int *iwork, int *info);
void dgeqrf_(const int *m, const int *n, double *a, const int *lda, double *tau, double *work, const int *lwork, int *info);
void dorgqr_(const int *m, const int *n, const int *k, double *a, const int *lda, const double *tau, double *work,
             const int *lwork, int *info);
void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w, double *work,
             const int *lwork, int *iwork, const int *liwork, int *info);
void dgeev_(const char *jobvl, const char *jobvr, const int *n, double *a, const int *lda, double *wr, double *wi,
            double *vl, const int *ldvl, double *vr, const int *ldvr, double *work, const int *lwork, int *info);
void dgelsd_(const int *m, const int *n, const int *nrhs, double *a, const int *lda, double *b, const int *ldb, double *s,
             const double *rcond, int *rank, double *work, const int *lwork, int *iwork, int *info);

// BLAS level-1 dot products, which numpy's dot/vdot/norm call for float vectors (their
// accumulation order is the kernel's, so results match numpy's only through the same call).
double cblas_ddot(const int n, const double *x, const int incx, const double *y, const int incy);
float cblas_sdot(const int n, const float *x, const int incx, const float *y, const int incy);

#endif
