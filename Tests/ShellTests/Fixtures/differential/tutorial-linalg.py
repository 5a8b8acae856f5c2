#--- la-matmul-basics
A = np.array([[1, 2], [3, 4]])
B = np.array([[5, 6], [7, 8]])
print(A @ B)
print(np.matmul(A, B))
print(A * B)
#--- la-matvec
A = np.array([[1.0, 2.0], [3.0, 4.0]])
v = np.array([1.0, -1.0])
print(A @ v)
print(v @ A)
print(A.dot(v).shape)
#--- la-inner-outer
a = np.array([1, 2, 3])
b = np.array([4, 5, 6])
print(np.inner(a, b))
print(np.outer(a, b))
print(np.cross(a, b))
#--- la-vdot
print(np.vdot(np.array([[1, 2], [3, 4]]), np.array([[1, 0], [0, 1]])))
#--- la-transpose-product
X = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
print(X.T @ X)
print(X @ X.T)
#--- la-identity
I = np.eye(3)
A = np.arange(9.0).reshape(3, 3)
print(np.array_equal(A @ I, A))
print(np.eye(2, 3))
print(np.eye(3, k=1))
print(np.identity(2, dtype=int))
#--- la-diag
print(np.diag([1, 2, 3]))
print(np.diag(np.arange(9).reshape(3, 3)))
print(np.trace(np.arange(9).reshape(3, 3)))
#--- la-tril-triu
A = np.arange(1, 10).reshape(3, 3)
print(np.tril(A))
print(np.triu(A, k=1))
#--- la-causal-mask
T = 4
mask = np.triu(np.ones((T, T)), k=1).astype(bool)
scores = np.zeros((T, T))
scores[mask] = -np.inf
print(scores)
#--- la-inv
A = np.array([[4.0, 7.0], [2.0, 6.0]])
Ainv = np.linalg.inv(A)
print(Ainv)
print(np.allclose(A @ Ainv, np.eye(2)))
#--- la-det
A = np.array([[1.0, 2.0], [3.0, 4.0]])
print(np.linalg.det(A))
print(round(np.linalg.det(A), 6))
#--- la-solve
A = np.array([[3.0, 1.0], [1.0, 2.0]])
b = np.array([9.0, 8.0])
x = np.linalg.solve(A, b)
print(x)
print(np.allclose(A @ x, b))
#--- la-solve-singular
A = np.array([[1.0, 2.0], [2.0, 4.0]])
print(np.linalg.solve(A, np.array([1.0, 2.0])))
#--- la-eig-symmetric
A = np.array([[2.0, 0.0], [0.0, 3.0]])
w, v = np.linalg.eig(A)
print(w)
print(v)
#--- la-eigh
A = np.array([[2.0, 1.0], [1.0, 2.0]])
w, v = np.linalg.eigh(A)
print(w)
print(np.abs(v).round(6))
#--- la-svd
A = np.array([[3.0, 0.0], [0.0, 4.0], [0.0, 0.0]])
U, S, Vt = np.linalg.svd(A)
print(S)
print(U.shape, Vt.shape)
U, S, Vt = np.linalg.svd(A, full_matrices=False)
print(U.shape)
#--- la-svd-reconstruct
np.random.seed(0)
A = np.random.randn(4, 3)
U, S, Vt = np.linalg.svd(A, full_matrices=False)
print(np.allclose(U @ np.diag(S) @ Vt, A))
print(S.round(4))
#--- la-pca
np.random.seed(1)
X = np.random.randn(10, 3)
Xc = X - X.mean(axis=0)
cov = Xc.T @ Xc / (X.shape[0] - 1)
print(np.allclose(cov, np.cov(X, rowvar=False)))
vals, vecs = np.linalg.eigh(cov)
order = np.argsort(vals)[::-1]
print(vals[order].round(4))
#--- la-norms
v = np.array([3.0, -4.0])
print(np.linalg.norm(v))
print(np.linalg.norm(v, 1))
print(np.linalg.norm(v, np.inf))
print(np.linalg.norm(v, ord=2))
M = np.array([[1.0, 2.0], [3.0, 4.0]])
print(np.linalg.norm(M))
print(np.linalg.norm(M, 'fro'))
#--- la-rank-pinv
A = np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]])
print(np.linalg.matrix_rank(A))
print(np.linalg.pinv(A).round(6))
#--- la-qr
A = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
Q, R = np.linalg.qr(A)
print(Q.shape, R.shape)
print(np.allclose(Q @ R, A))
#--- la-matrix-power
A = np.array([[1, 1], [1, 0]])
print(np.linalg.matrix_power(A, 10))
#--- la-einsum-matmul
A = np.arange(6).reshape(2, 3)
B = np.arange(12).reshape(3, 4)
print(np.einsum('ij,jk->ik', A, B))
print(np.einsum('ij->ji', A))
print(np.einsum('ii', np.eye(3)))
print(np.einsum('i,i->', np.arange(3), np.arange(3)))
#--- la-einsum-batch
np.random.seed(0)
A = np.random.rand(2, 3, 4)
B = np.random.rand(2, 4, 5)
C = np.einsum('bij,bjk->bik', A, B)
print(C.shape)
print(np.allclose(C, A @ B))
#--- la-einsum-outer-sum
a = np.arange(3)
b = np.arange(2)
print(np.einsum('i,j->ij', a, b))
print(np.einsum('ij->j', np.arange(6).reshape(2, 3)))
#--- la-tensordot
a = np.arange(24).reshape(2, 3, 4)
b = np.arange(12).reshape(4, 3)
print(np.tensordot(a, b, axes=([1, 2], [1, 0])))
print(np.tensordot(np.arange(3), np.arange(3), axes=0))
#--- la-cosine-similarity
a = np.array([1.0, 2.0, 3.0])
b = np.array([2.0, 4.0, 6.5])
cos = a @ b / (np.linalg.norm(a) * np.linalg.norm(b))
print(cos)
print(f"{cos:.4f}")
#--- la-attention
np.random.seed(0)
Q = np.random.randn(3, 4)
K = np.random.randn(3, 4)
V = np.random.randn(3, 2)
scores = Q @ K.T / np.sqrt(4)
w = np.exp(scores - scores.max(axis=-1, keepdims=True))
w = w / w.sum(axis=-1, keepdims=True)
print(w.round(4))
print((w @ V).shape)
#--- la-rotation
theta = np.pi / 2
R = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
v = np.array([1.0, 0.0])
print(R @ v)
print(np.round(R @ v, 10))
#--- la-kron
print(np.kron(np.eye(2), np.ones((2, 2))))
#--- la-block
A = np.ones((2, 2))
B = np.zeros((2, 2))
print(np.block([[A, B], [B, A]]))
#--- la-dot-3d
a = np.ones((2, 3, 4))
b = np.ones((4, 5))
print(np.dot(a, b).shape)
#--- la-matmul-1d-1d
print(np.arange(3) @ np.arange(3))
print(type(np.arange(3) @ np.arange(3)).__name__)
#--- la-det-3x3
A = np.array([[6, 1, 1], [4, -2, 5], [2, 8, 7]])
print(np.linalg.det(A))
#--- la-cholesky
A = np.array([[4.0, 2.0], [2.0, 3.0]])
L = np.linalg.cholesky(A)
print(L)
#--- la-allclose-tolerance
a = np.array([1.0, 2.0])
b = a + 1e-9
print(np.allclose(a, b))
print(np.array_equal(a, b))
print(np.isclose(a, b, atol=0, rtol=1e-12))
#--- la-flip-rot
A = np.arange(4).reshape(2, 2)
print(np.flip(A))
print(np.fliplr(A))
print(np.flipud(A))
print(np.rot90(A))
#--- la-roll
x = np.arange(5)
print(np.roll(x, 2))
print(np.roll(np.arange(6).reshape(2, 3), 1, axis=1))
#--- la-moveaxis
x = np.zeros((3, 4, 5))
print(np.moveaxis(x, 0, -1).shape)
print(np.moveaxis(x, -1, 0).shape)
print(np.rollaxis(x, 2).shape)
#--- la-atleast
print(np.atleast_2d(np.array([1, 2])))
print(np.atleast_1d(5))
print(np.atleast_3d(np.ones((2, 2))).shape)
#--- la-indices
print(np.indices((2, 3)))
