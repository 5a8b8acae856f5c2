# np.linalg.lstsq, eigvals, eigvalsh, slogdet, cond, multi_dot (issue 9 §4). LAPACK's last bits
# depend on the BLAS build, so float results from LAPACK are printed rounded.
#--- lstsq-line-fit
x = np.array([0, 1, 2, 3])
y = np.array([-1, 0.2, 0.9, 2.1])
A = np.vstack([x, np.ones(len(x))]).T
m, c = np.linalg.lstsq(A, y)[0]
print(round(float(m), 10), round(float(c), 10))
#--- lstsq-four-tuple
A = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
b = np.array([1.0, 2.0, 4.0])
x, res, rank, s = np.linalg.lstsq(A, b)
print(np.round(x, 10), np.round(res, 10), rank, np.round(s, 10))
print(x.shape, res.shape, type(rank).__name__, s.shape)
#--- lstsq-rank-is-int32
A = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
print(repr(np.linalg.lstsq(A, np.ones(3))[2]))
#--- lstsq-matrix-rhs
A = np.array([[2.0, 0.0], [0.0, 4.0], [0.0, 0.0]])
B = np.array([[2.0, 4.0], [4.0, 8.0], [1.0, 3.0]])
x, res, rank, s = np.linalg.lstsq(A, B)
print(np.round(x, 10))
print(np.round(res, 10), rank, np.round(s, 10))
#--- lstsq-square-no-residuals
A = np.array([[2.0, 0.0], [0.0, 4.0]])
x, res, rank, s = np.linalg.lstsq(A, np.array([2.0, 4.0]))
print(np.round(x, 10), res, res.dtype, rank)
#--- lstsq-rank-deficient
A = np.array([[1.0, 1.0], [1.0, 1.0], [1.0, 1.0]])
x, res, rank, s = np.linalg.lstsq(A, np.array([1.0, 2.0, 3.0]))
print(np.round(x, 10), res, rank, np.round(s, 10))
#--- lstsq-rcond
A = np.array([[1.0, 0.0], [0.0, 1e-8], [0.0, 0.0]])
print(np.linalg.lstsq(A, np.array([1.0, 1.0, 0.0]), rcond=1e-6)[2])
print(np.linalg.lstsq(A, np.array([1.0, 1.0, 0.0]))[2])
#--- lstsq-int-input
x, res, rank, s = np.linalg.lstsq(np.array([[1, 0], [0, 2], [0, 0]]), np.array([1, 2, 3]))
print(x.dtype, res.dtype, s.dtype, np.round(x, 10), np.round(res, 10))
#--- lstsq-float32
A = np.array([[1.0, 0.0], [0.0, 2.0], [0.0, 0.0]], dtype=np.float32)
x, res, rank, s = np.linalg.lstsq(A, np.array([1.0, 2.0, 3.0], dtype=np.float32))
print(x.dtype, res.dtype, s.dtype, x, res, s)
#--- lstsq-mixed-float32-float64
x, res, rank, s = np.linalg.lstsq(np.eye(2, dtype=np.float32), np.array([1.0, 2.0]))
print(x.dtype, x)
#--- lstsq-error-incompatible
print(np.linalg.lstsq(np.ones((3, 2)), np.ones(4)))
#--- lstsq-error-1d-a
print(np.linalg.lstsq(np.ones(3), np.ones(3)))
#--- lstsq-error-3d-b
print(np.linalg.lstsq(np.ones((3, 2)), np.ones((3, 2, 1))))
#--- lstsq-error-float16
print(np.linalg.lstsq(np.ones((2, 2), dtype=np.float16), np.ones(2)))
#--- eigvals-diagonal
print(np.linalg.eigvals(np.diag([3.0, 1.0, 2.0])))
#--- eigvals-triangular
print(np.linalg.eigvals(np.array([[2.0, 1.0], [0.0, 3.0]])))
#--- eigvals-int-and-float32
print(np.linalg.eigvals(np.array([[2, 0], [0, 5]])).dtype, np.linalg.eigvals(np.eye(2, dtype=np.float32)).dtype)
#--- eigvals-stack
print(np.linalg.eigvals(np.array([[[1.0, 0.0], [0.0, 2.0]], [[5.0, 0.0], [0.0, 4.0]]])))
#--- eigvals-error-not-square
print(np.linalg.eigvals(np.ones((2, 3))))
#--- eigvals-error-1d
print(np.linalg.eigvals(np.ones(3)))
#--- eigvals-error-nan
print(np.linalg.eigvals(np.array([[1.0, np.nan], [0.0, 1.0]])))
#--- eig-error-inf
print(np.linalg.eig(np.array([[1.0, np.inf], [0.0, 1.0]])))
#--- eigvalsh-ascending
print(np.round(np.linalg.eigvalsh(np.array([[2.0, 1.0], [1.0, 2.0]])), 10))
#--- eigvalsh-triangles
a = np.array([[1.0, 100.0], [0.0, 3.0]])
print(np.linalg.eigvalsh(a), np.round(np.linalg.eigvalsh(a, UPLO='U'), 6), np.linalg.eigvalsh(a, 'l'))
#--- eigvalsh-float32
print(np.linalg.eigvalsh(np.diag(np.array([2.0, 1.0], dtype=np.float32))).dtype)
#--- eigvalsh-error-uplo
print(np.linalg.eigvalsh(np.eye(2), UPLO='X'))
#--- eigvalsh-error-not-square
print(np.linalg.eigvalsh(np.ones((2, 3))))
#--- slogdet-unpack
sign, logdet = np.linalg.slogdet(np.array([[1.0, 2.0], [3.0, 4.0]]))
print(sign, round(float(logdet), 12))
print(repr(sign))
#--- slogdet-singular
sign, logdet = np.linalg.slogdet(np.array([[1.0, 2.0], [2.0, 4.0]]))
print(repr(sign), repr(logdet))
#--- slogdet-huge-det
sign, logdet = np.linalg.slogdet(np.eye(500) * 10)
print(sign, round(float(logdet), 8), np.linalg.det(np.eye(500) * 10))
#--- slogdet-stack
s, l = np.linalg.slogdet(np.array([[[2.0, 0.0], [0.0, 3.0]], [[0.0, 1.0], [1.0, 0.0]]]))
print(s, np.round(l, 12))
#--- slogdet-float32-and-int
s, l = np.linalg.slogdet(np.eye(2, dtype=np.float32))
s2, l2 = np.linalg.slogdet(np.array([[2, 0], [0, -1]]))
print(repr(s), repr(l), repr(s2), round(float(l2), 12))
#--- slogdet-empty
print(np.linalg.slogdet(np.zeros((0, 0)))[0], np.linalg.slogdet(np.zeros((0, 0)))[1])
#--- det-empty-matrices
print(np.linalg.det(np.zeros((0, 0))), np.linalg.det(np.zeros((2, 0, 0))), np.linalg.inv(np.zeros((0, 0))).shape)
#--- slogdet-error-1d
print(np.linalg.slogdet(np.ones(3)))
#--- slogdet-error-not-square
print(np.linalg.slogdet(np.ones((2, 3))))
#--- cond-default
print(np.round(np.linalg.cond(np.array([[1.0, 0.0], [0.0, 4.0]])), 10))
#--- cond-orders
a = np.array([[1.0, 0.0], [0.0, 4.0]])
for p in [None, 2, -2, 1, -1, np.inf, -np.inf, 'fro', 'nuc']:
    print(p, np.round(np.linalg.cond(a, p), 10))
#--- cond-singular-is-inf
a = np.array([[1.0, 0.0], [0.0, 0.0]])
print(np.linalg.cond(a), np.linalg.cond(a, 1), np.linalg.cond(a, 'fro'))
#--- cond-nan-stays-nan
print(np.linalg.cond(np.array([[1.0, np.nan], [0.0, 1.0]]), 1))
#--- cond-type
print(repr(np.round(np.linalg.cond(np.array([[2.0, 0.0], [0.0, 1.0]])), 10)), np.linalg.cond(np.eye(2, dtype=np.float32)).dtype)
#--- cond-stack
print(np.round(np.linalg.cond(np.array([[[1.0, 0.0], [0.0, 2.0]], [[3.0, 0.0], [0.0, 1.0]]]), 1), 10))
#--- cond-error-empty
print(np.linalg.cond(np.zeros((0, 0))))
#--- cond-error-bad-order
print(np.linalg.cond(np.eye(2), 3))
#--- cond-error-not-square
print(np.linalg.cond(np.ones((2, 3)), 1))
#--- cond-error-1d
print(np.linalg.cond(np.ones(3)))
#--- multi-dot-ints
A = np.arange(6).reshape(2, 3)
B = np.arange(12).reshape(3, 4)
C = np.arange(8).reshape(4, 2)
D = np.arange(10).reshape(2, 5)
print(np.linalg.multi_dot([A, B, C, D]))
print(np.linalg.multi_dot([A, B, C]))
#--- multi-dot-vectors
A = np.arange(6).reshape(2, 3)
B = np.arange(12).reshape(3, 4)
print(np.linalg.multi_dot([np.array([1, 2]), A, B, np.array([1, 0, 1, 0])]))
print(np.linalg.multi_dot([np.array([1, 2]), A, B]))
print(np.linalg.multi_dot([A, B, np.array([1, 0, 1, 0])]))
#--- multi-dot-two
print(np.linalg.multi_dot([np.array([[1, 2]]), np.array([[3], [4]])]))
#--- multi-dot-float-order
rng = np.random.default_rng(0)
mats = [rng.random((10, 30)), rng.random((30, 5)), rng.random((5, 60)), rng.random((60, 2)), rng.random((2, 7))]
r = np.linalg.multi_dot(mats)
print(np.array_equal(r, (mats[0] @ (mats[1] @ (mats[2] @ mats[3]))) @ mats[4]), r.shape)
#--- multi-dot-error-one
print(np.linalg.multi_dot([np.eye(2)]))
#--- multi-dot-error-3d
print(np.linalg.multi_dot([np.eye(2), np.ones((2, 2, 2)), np.eye(2)]))
#--- multi-dot-error-shapes
print(np.linalg.multi_dot([np.ones((2, 3)), np.ones((2, 3)), np.ones((3, 3))]))
#--- dot-error-not-aligned
print(np.dot(np.ones((2, 3)), np.ones((2, 3))))
