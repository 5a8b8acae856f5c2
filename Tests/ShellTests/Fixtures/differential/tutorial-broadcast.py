#--- bc-scalar
a = np.array([1.0, 2.0, 3.0])
b = 2.0
print(a * b)
#--- bc-scalar-array-equiv
a = np.array([1.0, 2.0, 3.0])
b = np.array([2.0, 2.0, 2.0])
print(a * b)
#--- bc-2d-1d
a = np.array([[0.0, 0.0, 0.0], [10.0, 10.0, 10.0], [20.0, 20.0, 20.0], [30.0, 30.0, 30.0]])
b = np.array([1.0, 2.0, 3.0])
print(a + b)
#--- bc-2d-1d-mismatch
a = np.array([[0.0, 0.0, 0.0], [10.0, 10.0, 10.0], [20.0, 20.0, 20.0], [30.0, 30.0, 30.0]])
b = np.array([1.0, 2.0, 3.0, 4.0])
print(a + b)
#--- bc-outer-newaxis
a = np.array([0.0, 10.0, 20.0, 30.0])
b = np.array([1.0, 2.0, 3.0])
print(a[:, np.newaxis] + b)
#--- bc-outer-none
a = np.arange(3)
print(a[:, None] * a[None, :])
#--- bc-shapes-3d
A = np.ones((8, 1, 6, 1))
B = np.ones((7, 1, 5))
print((A * B).shape)
#--- bc-shapes-3d-fail
A = np.ones((2, 1))
B = np.ones((8, 4, 3))
print((A + B).shape)
#--- bc-image-scale
image = np.ones((256, 256, 3))
scale = np.array([0.5, 1.0, 2.0])
print((image * scale).shape)
print((image * scale)[0, 0])
#--- bc-broadcast-to
x = np.array([1, 2, 3])
print(np.broadcast_to(x, (3, 3)))
#--- bc-broadcast-to-fail
x = np.array([1, 2, 3])
print(np.broadcast_to(x, (3, 2)))
#--- bc-broadcast-shapes
print(np.broadcast_shapes((3, 1), (1, 4)))
print(np.broadcast_shapes((5, 1, 4), (3, 1)))
#--- bc-broadcast-arrays
x = np.array([[1], [2]])
y = np.array([10, 20, 30])
a, b = np.broadcast_arrays(x, y)
print(a)
print(b)
#--- bc-center-columns
X = np.arange(12, dtype=float).reshape(4, 3)
print(X - X.mean(axis=0))
#--- bc-center-rows-wrong
X = np.arange(12, dtype=float).reshape(4, 3)
print(X - X.mean(axis=1))
#--- bc-center-rows-right
X = np.arange(12, dtype=float).reshape(4, 3)
print(X - X.mean(axis=1, keepdims=True))
print(X - X.mean(axis=1)[:, np.newaxis])
#--- bc-column-vector-plus-row
col = np.array([[1], [2], [3]])
row = np.array([10, 20])
print(col + row)
print((col + row).shape)
#--- bc-rank1-trap
a = np.random.randn(5)
print(a.shape)
print(a.T.shape)
print(np.dot(a, a.T).shape)
#--- bc-rank1-fix
np.random.seed(0)
a = np.random.randn(5, 1)
print(a.shape)
print(np.dot(a, a.T).shape)
assert a.shape == (5, 1)
print("ok")
#--- bc-assert-fail
a = np.zeros(5)
assert a.shape == (5, 1)
#--- bc-assert-fail-message
a = np.zeros(5)
assert a.shape == (5, 1), "a must be a column vector"
#--- bc-compare-broadcast
a = np.array([[1, 2], [3, 4]])
print(a == np.array([1, 4]))
print(a > np.array([[2], [3]]))
#--- bc-divide-rows-by-sum
counts = np.array([[1, 3], [2, 2], [0, 5]])
print(counts / counts.sum(axis=1, keepdims=True))
#--- bc-divide-by-zero
counts = np.array([[1, 3], [0, 0]])
print(counts / counts.sum(axis=1, keepdims=True))
#--- bc-pairwise-diff
x = np.array([1, 4, 9])
print(x[:, None] - x)
print(np.abs(x[:, None] - x[None, :]).sum())
#--- bc-pairwise-sq-dist
A = np.array([[0.0, 0.0], [1.0, 1.0]])
B = np.array([[1.0, 0.0], [2.0, 2.0], [0.0, 3.0]])
D = ((A[:, None, :] - B[None, :, :]) ** 2).sum(-1)
print(D)
print(D.argmin(axis=1))
#--- bc-kmeans-assign
np.random.seed(0)
X = np.random.rand(6, 2)
C = X[[0, 3]]
d = np.linalg.norm(X[:, np.newaxis] - C, axis=2)
labels = np.argmin(d, axis=1)
print(labels)
new_C = np.array([X[labels == k].mean(axis=0) for k in range(2)])
print(new_C)
#--- bc-multiplication-table
n = np.arange(1, 6)
print(n[:, np.newaxis] * n)
#--- bc-inplace-broadcast-fail
a = np.zeros(3)
b = np.ones((2, 3))
a += b
#--- bc-inplace-broadcast-ok
a = np.zeros((2, 3))
a += np.array([1, 2, 3])
print(a)
#--- bc-assign-broadcast
a = np.zeros((3, 4))
a[:] = np.arange(4)
print(a)
a[:, 0] = 9
print(a)
#--- bc-assign-shape-error
a = np.zeros((3, 4))
a[:, 0] = np.arange(4)
#--- bc-newaxis-shapes
x = np.arange(4)
print(x[np.newaxis, :].shape)
print(x[:, np.newaxis].shape)
print(x[None].shape)
print(x.reshape(1, -1).shape)
#--- bc-ones-times-vector
v = np.array([1, 2, 3])
print(np.ones((2, 1)) * v)
#--- bc-3d-batch-bias
x = np.zeros((2, 3, 4))
b = np.arange(4)
print((x + b)[1])
bb = np.arange(3)
print((x + bb[:, None])[0])
#--- bc-3d-bias-wrong
x = np.zeros((2, 3, 4))
bb = np.arange(3)
print((x + bb).shape)
#--- bc-matmul-batch
A = np.ones((5, 2, 3))
B = np.ones((3, 4))
print((A @ B).shape)
C = np.ones((5, 3, 4))
print(np.matmul(A, C).shape)
#--- bc-matmul-batch-mismatch
A = np.ones((5, 2, 3))
B = np.ones((4, 3, 4))
print((A @ B).shape)
#--- bc-matmul-scalar
A = np.ones((2, 2))
print(A @ 2)
#--- bc-bool-broadcast-mask
x = np.arange(6).reshape(2, 3)
m = np.array([True, False, True])
print(x * m)
print(x[:, m])
#--- bc-bool-mask-wrong-shape
x = np.arange(6).reshape(2, 3)
m = np.array([True, False])
print(x[m, :])
print(x[:, m])
#--- bc-int-float-result-dtype
a = np.array([1, 2, 3])
print((a + 0.5).dtype)
print((a * 2).dtype)
print((a / 2).dtype)
print((a // 2).dtype)
#--- bc-float32-scalar
a = np.array([1, 2, 3], dtype=np.float32)
print((a * 2.5).dtype)
print((a + np.float64(1)).dtype)
print((a + np.array([1.0])).dtype)
#--- bc-outer-function
print(np.outer(np.arange(3), np.arange(4)))
print(np.multiply.outer(np.arange(2), np.arange(3)))
#--- bc-add-reduce
x = np.arange(12).reshape(3, 4)
print(np.add.reduce(x))
print(np.add.reduce(x, axis=1))
print(np.maximum.reduce(x, axis=0))
#--- bc-explicit-tile-repeat
x = np.array([[1, 2]])
print(np.repeat(x, 3, axis=0))
print(np.tile(x, (2, 2)))
print(np.repeat(np.array([1, 2, 3]), 2))
