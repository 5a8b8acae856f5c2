// The few HDF5 calls rnnsh needs to read Keras model files (.h5, .keras, .weights.h5), wrapped
// as small C functions because HDF5's constants (H5P_DEFAULT, H5T_NATIVE_FLOAT, ...) are macros
// Swift cannot import. Debian's libhdf5-dev installs the serial library under hdf5/serial.
//
// The files are untrusted: they are opened read-only from a copy in memory (the core driver,
// so HDF5 never opens another path), after rnnsh_h5_init has switched off error printing,
// filter plugins (which would load shared objects named by the file) and external links
// (which would open other files). Every function returns a negative number on any failure.
#ifndef RNNSH_CHDF5_SHIM_H
#define RNNSH_CHDF5_SHIM_H

#include <hdf5/serial/hdf5.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/resource.h>

/// H5dont_atexit first: libhdf5's own exit handler (H5close) walks every interface until all
/// its objects are freed, and after a damaged file made the library leak internal blocks (its
/// error paths do) it gives up printing "HDF5: infinite loop closing library" and a line of
/// interface names. The process is ending anyway; the system reclaims everything.
static inline int rnnsh_h5_init(void) {
    H5dont_atexit();
    if (H5open() < 0) return -1;
    H5PLset_loading_state(0);
    if (H5Lis_registered(H5L_TYPE_EXTERNAL) > 0) H5Lunregister(H5L_TYPE_EXTERNAL);
    return 0;
}

/// No error stacks on stderr. Every function below calls it first: a thread-safe libhdf5
/// (Debian's is) keeps this setting per thread.
static inline void rnnsh_h5_quiet(void) {
    H5Eset_auto2(H5E_DEFAULT, NULL, NULL);
}

/// A read-only file from `len` bytes at `buf` (HDF5 copies them).
static inline hid_t rnnsh_h5_open_image(const void *buf, size_t len) {
    rnnsh_h5_quiet();
    hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
    if (fapl < 0) return -1;
    if (H5Pset_fapl_core(fapl, 65536, 0) < 0 || H5Pset_file_image(fapl, (void *)buf, len) < 0) {
        H5Pclose(fapl);
        return -1;
    }
    hid_t f = H5Fopen("rnnsh-untrusted.h5", H5F_ACC_RDONLY, fapl);
    H5Pclose(fapl);
    return f;
}

static inline void rnnsh_h5_close(hid_t file) { rnnsh_h5_quiet(); if (file >= 0) H5Fclose(file); }

/// 1 a group, 2 a dataset, 0 something else, -1 nothing at `path`.
static inline int rnnsh_h5_kind(hid_t file, const char *path) {
    rnnsh_h5_quiet();
    if (H5Lexists(file, path, H5P_DEFAULT) <= 0) return -1;
    if (H5Oexists_by_name(file, path, H5P_DEFAULT) <= 0) return -1;
    hid_t o = H5Oopen(file, path, H5P_DEFAULT);
    if (o < 0) return -1;
    H5I_type_t t = H5Iget_type(o);
    H5Oclose(o);
    return t == H5I_GROUP ? 1 : t == H5I_DATASET ? 2 : 0;
}

/// The number of links in the group at `path`.
static inline long rnnsh_h5_child_count(hid_t file, const char *path) {
    rnnsh_h5_quiet();
    hid_t g = H5Gopen2(file, path, H5P_DEFAULT);
    if (g < 0) return -1;
    H5G_info_t info;
    herr_t r = H5Gget_info(g, &info);
    H5Gclose(g);
    return r < 0 ? -1 : (long)info.nlinks;
}

/// The name of link `i` (in name order) of the group at `path`, into `buf`; its length, or -1
/// when it does not fit in `size - 1` bytes.
static inline long rnnsh_h5_child_name(hid_t file, const char *path, unsigned long i, char *buf, size_t size) {
    rnnsh_h5_quiet();
    ssize_t n = H5Lget_name_by_idx(file, path, H5_INDEX_NAME, H5_ITER_INC, (hsize_t)i, buf, size, H5P_DEFAULT);
    if (n < 0 || (size_t)n >= size) return -1;
    buf[n] = 0;
    return (long)n;
}

/// The rank of the dataset at `path` (its extents into `dims`, at most `max_rank`), and in
/// `*is_float` whether its elements are floating point. -1 on failure or a larger rank.
static inline int rnnsh_h5_dataset_shape(hid_t file, const char *path, unsigned long long *dims, int max_rank, int *is_float) {
    rnnsh_h5_quiet();
    hid_t d = H5Dopen2(file, path, H5P_DEFAULT);
    if (d < 0) return -1;
    hid_t s = H5Dget_space(d), t = H5Dget_type(d);
    int rank = -1;
    if (s >= 0 && t >= 0) {
        H5S_class_t sc = H5Sget_simple_extent_type(s);
        int r = H5Sget_simple_extent_ndims(s);
        if ((sc == H5S_SIMPLE || sc == H5S_SCALAR) && r >= 0 && r <= max_rank) {
            hsize_t h[32];
            if (r <= 32 && H5Sget_simple_extent_dims(s, h, NULL) == r) {
                for (int k = 0; k < r; k++) dims[k] = (unsigned long long)h[k];
                rank = r;
            }
        }
        *is_float = H5Tget_class(t) == H5T_FLOAT;
    }
    if (t >= 0) H5Tclose(t);
    if (s >= 0) H5Sclose(s);
    H5Dclose(d);
    return rank;
}

/// Reads the dataset at `path`, converted to float32, into `out` (`count` elements, which must
/// be exactly its size).
static inline int rnnsh_h5_read_float(hid_t file, const char *path, float *out, unsigned long long count) {
    rnnsh_h5_quiet();
    hid_t d = H5Dopen2(file, path, H5P_DEFAULT);
    if (d < 0) return -1;
    hid_t s = H5Dget_space(d);
    int ok = s >= 0 && H5Sget_simple_extent_npoints(s) == (hssize_t)count;
    if (s >= 0) H5Sclose(s);
    herr_t r = ok ? H5Dread(d, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, out) : -1;
    H5Dclose(d);
    return r < 0 ? -1 : 0;
}

/// The string attribute `name` of the object at `path` (a scalar or a 1-d array of fixed- or
/// variable-length strings), as its strings each followed by a 0 byte, in a malloc'd buffer
/// (`*out`, `*out_len` bytes) of at most `limit` bytes. Returns the number of strings; -2 when
/// the attribute does not exist, -1 on any other failure.
static inline long rnnsh_h5_attr_strings(hid_t file, const char *path, const char *name, char **out, size_t *out_len, size_t limit) {
    rnnsh_h5_quiet();
    *out = NULL; *out_len = 0;
    if (H5Aexists_by_name(file, path, name, H5P_DEFAULT) <= 0) return -2;
    hid_t a = H5Aopen_by_name(file, path, name, H5P_DEFAULT, H5P_DEFAULT);
    if (a < 0) return -1;
    long result = -1;
    hid_t t = H5Aget_type(a), s = H5Aget_space(a), m = -1;
    if (t < 0 || s < 0 || H5Tget_class(t) != H5T_STRING || H5Sget_simple_extent_ndims(s) > 1) goto done;
    hssize_t n = H5Sget_simple_extent_npoints(s);
    if (n < 0 || n > 1000000) goto done;
    if (H5Tis_variable_str(t) > 0) {
        m = H5Tcopy(H5T_C_S1);
        if (m < 0 || H5Tset_size(m, H5T_VARIABLE) < 0 || H5Tset_cset(m, H5Tget_cset(t)) < 0) goto done;
        char **ptrs = calloc((size_t)n + 1, sizeof(char *));
        if (!ptrs) goto done;
        if (H5Aread(a, m, ptrs) >= 0) {
            size_t total = 0;
            int fits = 1;
            for (hssize_t i = 0; i < n && fits; i++) {
                size_t len = ptrs[i] ? strnlen(ptrs[i], limit + 1) : 0;
                if (len > limit || total + len + 1 > limit) fits = 0; else total += len + 1;
            }
            char *buf = fits ? malloc(total + 1) : NULL;
            if (buf) {
                size_t at = 0;
                for (hssize_t i = 0; i < n; i++) {
                    size_t len = ptrs[i] ? strlen(ptrs[i]) : 0;
                    if (len) memcpy(buf + at, ptrs[i], len);
                    buf[at + len] = 0;
                    at += len + 1;
                }
                *out = buf; *out_len = total; result = (long)n;
            }
#if H5_VERS_MAJOR > 1 || (H5_VERS_MAJOR == 1 && H5_VERS_MINOR >= 12)
            H5Treclaim(m, s, H5P_DEFAULT, ptrs);
#else
            H5Dvlen_reclaim(m, s, H5P_DEFAULT, ptrs);
#endif
        }
        free(ptrs);
    } else {
        size_t size = H5Tget_size(t);
        if (size == 0 || size > limit || (size_t)n > limit / size) goto done;
        m = H5Tcopy(H5T_C_S1);
        if (m < 0 || H5Tset_size(m, size) < 0 || H5Tset_strpad(m, H5T_STR_NULLPAD) < 0) goto done;
        char *raw = calloc((size_t)n * size + 1, 1);
        if (!raw) goto done;
        if (H5Aread(a, m, raw) >= 0) {
            char *buf = malloc((size_t)n * (size + 1) + 1);
            if (buf) {
                size_t at = 0;
                for (hssize_t i = 0; i < n; i++) {
                    size_t len = strnlen(raw + (size_t)i * size, size);
                    memcpy(buf + at, raw + (size_t)i * size, len);
                    buf[at + len] = 0;
                    at += len + 1;
                }
                *out = buf; *out_len = at; result = (long)n;
            }
        }
        free(raw);
    }
done:
    if (m >= 0) H5Tclose(m);
    if (s >= 0) H5Sclose(s);
    if (t >= 0) H5Tclose(t);
    H5Aclose(a);
    return result;
}

/// fork() for reading an untrusted file in a child (libhdf5 can hang or crash on a damaged
/// file). Swift cannot call fork itself. In the child: the default action for the signals the
/// shell handles and for the crash signals (so a crash ends the child quietly instead of
/// running Swift's backtracer on the user's terminal), no core file, stdin/stdout/stderr on
/// /dev/null, killed if the parent dies, and an alarm after `seconds` as a backstop for the
/// parent's own timeout. Returns fork's result.
static inline int rnnsh_fork_reader(unsigned seconds) {
    pid_t pid = fork();
    if (pid != 0) return (int)pid;
    int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGALRM};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) signal(sigs[i], SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    struct rlimit core = {0, 0};
    setrlimit(RLIMIT_CORE, &core);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) { dup2(null, 0); dup2(null, 1); dup2(null, 2); if (null > 2) close(null); }
    alarm(seconds);
    return 0;
}

#endif
