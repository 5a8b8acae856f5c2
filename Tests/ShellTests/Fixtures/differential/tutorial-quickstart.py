#--- qs-arange-reshape
a = np.arange(15).reshape(3, 5)
print(a)
print(a.shape)
print(a.ndim)
print(a.dtype.name)
print(a.itemsize)
print(a.size)
print(type(a))
#--- qs-array-from-list
b = np.array([6, 7, 8])
print(b)
print(type(b))
#--- qs-array-float
b = np.array([1.2, 3.5, 5.1])
print(b.dtype)
#--- qs-array-wrong-call
a = np.array(1, 2, 3, 4)
#--- qs-array-2d
b = np.array([(1.5, 2, 3), (4, 5, 6)])
print(b)
#--- qs-array-complex-dtype
c = np.array([[1, 2], [3, 4]], dtype=float)
print(c)
#--- qs-zeros
print(np.zeros((3, 4)))
#--- qs-ones-dtype
print(np.ones((2, 3, 4), dtype=np.int16))
#--- qs-ones-int64
print(np.ones((2, 3, 4), dtype=np.int64))
#--- qs-empty-like-zeros
x = np.zeros((2, 3))
print(np.zeros_like(x))
print(np.ones_like(x))
#--- qs-arange-step
print(np.arange(10, 30, 5))
print(np.arange(0, 2, 0.3))
#--- qs-linspace
print(np.linspace(0, 2, 9))
#--- qs-linspace-sin
from numpy import pi
x = np.linspace(0, 2 * pi, 100)
f = np.sin(x)
print(f[:5])
print(f.shape)
#--- qs-print-1d
a = np.arange(6)
print(a)
#--- qs-print-2d
b = np.arange(12).reshape(4, 3)
print(b)
#--- qs-print-3d
c = np.arange(24).reshape(2, 3, 4)
print(c)
#--- qs-print-large
print(np.arange(10000))
#--- qs-print-large-2d
print(np.arange(10000).reshape(100, 100))
#--- qs-basic-ops
a = np.array([20, 30, 40, 50])
b = np.arange(4)
c = a - b
print(c)
print(b**2)
print(10 * np.sin(a))
print(a < 35)
#--- qs-elementwise-vs-matmul
A = np.array([[1, 1], [0, 1]])
B = np.array([[2, 0], [3, 4]])
print(A * B)
print(A @ B)
print(A.dot(B))
#--- qs-inplace-int-float
rg = np.random.default_rng(1)
a = np.ones((2, 3), dtype=int)
b = rg.random((2, 3))
a *= 3
print(a)
b += a
print(b)
#--- qs-inplace-cast-error
rg = np.random.default_rng(1)
a = np.ones((2, 3), dtype=int)
b = rg.random((2, 3))
a += b
#--- qs-upcasting
a = np.ones(3, dtype=np.int32)
b = np.linspace(0, pi, 3) if False else np.linspace(0, np.pi, 3)
print(b.dtype.name)
c = a + b
print(c)
print(c.dtype.name)
d = np.exp(c * 1j) if False else np.exp(c)
print(d)
#--- qs-unary-sum-min-max
rg = np.random.default_rng(1)
a = rg.random((2, 3))
print(a)
print(a.sum())
print(a.min())
print(a.max())
#--- qs-axis-sums
b = np.arange(12).reshape(3, 4)
print(b)
print(b.sum(axis=0))
print(b.min(axis=1))
print(b.cumsum(axis=1))
#--- qs-universal-functions
B = np.arange(3)
print(B)
print(np.exp(B))
print(np.sqrt(B))
C = np.array([2., -1., 4.])
print(np.add(B, C))
#--- qs-index-slice-1d
a = np.arange(10)**3
print(a)
print(a[2])
print(a[2:5])
a[:6:2] = 1000
print(a)
print(a[::-1])
#--- qs-for-loop-cube-root
a = np.arange(10)**3
for i in a[:4]:
    print(i**(1 / 3.))
#--- qs-fromfunction-like
b = np.array([[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23], [30, 31, 32, 33], [40, 41, 42, 43]])
print(b[2, 3])
print(b[0:5, 1])
print(b[:, 1])
print(b[1:3, :])
print(b[-1])
#--- qs-dots
c = np.array([[[0, 1, 2], [10, 12, 13]], [[100, 101, 102], [110, 112, 113]]])
print(c.shape)
print(c[1, ...])
print(c[..., 2])
#--- qs-iterate-rows
b = np.arange(6).reshape(2, 3)
for row in b:
    print(row)
#--- qs-flat
b = np.arange(6).reshape(2, 3)
for element in b.flat:
    print(element)
#--- qs-shape-manip
rg = np.random.default_rng(1)
a = np.floor(10 * rg.random((3, 4)))
print(a)
print(a.shape)
print(a.ravel())
print(a.reshape(6, 2))
print(a.T)
print(a.T.shape)
#--- qs-resize-vs-reshape
a = np.arange(12.)
print(a.reshape(3, -1))
#--- qs-stack
a = np.array([[9., 7.], [5., 2.]])
b = np.array([[1., 9.], [5., 1.]])
print(np.vstack((a, b)))
print(np.hstack((a, b)))
#--- qs-column-stack
a = np.array([4., 2.])
b = np.array([3., 8.])
print(np.column_stack((a, b)))
print(np.hstack((a, b)))
print(a[:, np.newaxis])
print(np.column_stack((a[:, np.newaxis], b[:, np.newaxis])))
#--- qs-r-split
a = np.arange(24).reshape(2, 12)
print(np.hsplit(a, 3))
#--- qs-hsplit-cols
a = np.arange(24).reshape(2, 12)
print(np.hsplit(a, (3, 4)))
#--- qs-no-copy
a = np.array([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]])
b = a
print(b is a)
#--- qs-view
a = np.array([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]])
c = a.view()
print(c is a)
print(c.base is a)
print(c.flags.owndata)
c = c.reshape((2, 6))
print(a.shape)
c[0, 4] = 1234
print(a)
#--- qs-slice-view
a = np.array([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]])
s = a[:, 1:3]
s[:] = 10
print(a)
#--- qs-deep-copy
a = np.array([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]])
d = a.copy()
print(d is a)
print(d.base is a)
d[0, 0] = 9999
print(a)
#--- qs-fancy-index
a = np.arange(12)**2
i = np.array([1, 1, 3, 8, 5])
print(a[i])
j = np.array([[3, 4], [9, 7]])
print(a[j])
#--- qs-argmax-time
time = np.linspace(20, 145, 5)
data = np.sin(np.arange(20)).reshape(5, 4)
print(time)
print(data)
ind = data.argmax(axis=0)
print(ind)
time_max = time[ind]
data_max = data[ind, range(data.shape[1])]
print(time_max)
print(data_max)
print(np.all(data_max == data.max(axis=0)))
#--- qs-fancy-assign
a = np.arange(5)
a[[1, 3, 4]] = 0
print(a)
#--- qs-fancy-assign-repeat
a = np.arange(5)
a[[0, 0, 2]] = [1, 2, 3]
print(a)
#--- qs-fancy-plus-equal
a = np.arange(5)
a[[0, 0, 2]] += 1
print(a)
#--- qs-bool-index
a = np.arange(12).reshape(3, 4)
b = a > 4
print(b)
print(a[b])
a[b] = 0
print(a)
#--- qs-bool-rows-cols
a = np.arange(12).reshape(3, 4)
b1 = np.array([False, True, True])
b2 = np.array([True, False, True, False])
print(a[b1, :])
print(a[b1])
print(a[:, b2])
print(a[b1, b2])
#--- qs-ix
a = np.array([2, 3, 4, 5])
b = np.array([8, 5, 4])
c = np.array([5, 4, 6, 8, 3])
ax, bx, cx = np.ix_(a, b, c)
print(ax.shape, bx.shape, cx.shape)
result = ax + bx * cx
print(result[3, 2, 4])
print(a[3] + b[2] * c[4])
#--- qs-reshape-minus-one
a = np.arange(30)
b = a.reshape((2, -1, 3))
print(b.shape)
print(b)
#--- qs-histogram
rg = np.random.default_rng(1)
v = rg.normal(2, 0.5, 10000)
n, bins = np.histogram(v, bins=50, density=True)
print(n[:5])
print(bins[:5])
#--- qs-dtype-attrs
x = np.array([1, 2, 3], dtype=np.float32)
print(x.dtype)
print(x.itemsize)
print(x.nbytes)
print(x.astype(np.int32))
