#--- err-index-out-of-bounds
a = np.array([1, 2, 3])
print(a[3])
#--- err-index-negative-oob
a = np.array([1, 2, 3])
print(a[-4])
#--- err-index-2d-oob
a = np.zeros((2, 3))
print(a[1, 3])
#--- err-too-many-indices
a = np.zeros((2, 3))
print(a[0, 1, 2])
#--- err-too-many-indices-1d
a = np.arange(5)
print(a[1, 2])
#--- err-float-index
a = np.arange(5)
print(a[1.0])
#--- err-float-index-division
a = np.arange(10)
mid = len(a) / 2
print(a[mid])
#--- err-float-slice
a = np.arange(10)
print(a[:len(a) / 2])
#--- err-float-fancy
a = np.arange(5)
idx = np.array([0.0, 1.0])
print(a[idx])
#--- err-reshape-size
a = np.arange(10)
print(a.reshape(3, 4))
#--- err-reshape-two-unknown
a = np.arange(12)
print(a.reshape(-1, -1))
#--- err-reshape-negative-nondivisible
a = np.arange(10)
print(a.reshape(-1, 3))
#--- err-matmul-vectors
a = np.ones(3)
b = np.ones(4)
print(a @ b)
#--- err-dot-vectors
a = np.ones(3)
b = np.ones(4)
print(np.dot(a, b))
#--- err-matmul-2d
A = np.ones((2, 3))
B = np.ones((2, 3))
print(A @ B)
#--- err-matmul-2d-fix
A = np.ones((2, 3))
B = np.ones((2, 3))
print(A @ B.T)
print(A.T @ B)
#--- err-dot-2d
A = np.ones((2, 3))
B = np.ones((2, 3))
print(A.dot(B))
#--- err-add-shapes
a = np.ones((2, 3))
b = np.ones((3, 2))
print(a + b)
#--- err-multiply-shapes
a = np.ones(3)
b = np.ones(5)
print(a * b)
#--- err-axis-out-of-range
a = np.ones((2, 3))
print(a.sum(axis=2))
#--- err-axis-out-of-range-neg
a = np.ones((2, 3))
print(np.mean(a, axis=-3))
#--- err-argmax-axis
a = np.ones(4)
print(np.argmax(a, axis=1))
#--- err-concatenate-dims
a = np.ones((2, 3))
b = np.ones((2, 2))
print(np.concatenate([a, b]))
#--- err-concatenate-ndim
a = np.ones((2, 3))
b = np.ones(3)
print(np.concatenate([a, b]))
#--- err-vstack-mismatch
print(np.vstack([np.ones(3), np.ones(4)]))
#--- err-hstack-mismatch
print(np.hstack([np.ones((2, 1)), np.ones((3, 1))]))
#--- err-stack-mismatch
print(np.stack([np.ones(3), np.ones(4)]))
#--- err-truth-value
a = np.array([1, 2, 3])
if a > 1:
    print("big")
#--- err-truth-value-any-all
a = np.array([1, 2, 3])
if (a > 1).any():
    print("some big")
if (a > 1).all():
    print("all big")
else:
    print("not all big")
#--- err-empty-truth
a = np.array([])
print(a.size == 0)
print(len(a))
#--- err-and-or-arrays
a = np.array([True, False])
b = np.array([True, True])
print(a and b)
#--- err-bitwise-fix
a = np.array([True, False])
b = np.array([True, True])
print(a & b)
print(a | b)
print(~a)
print(np.logical_and(a, b))
print(np.logical_not(a))
#--- err-list-times-int
lst = [1, 2, 3]
print(lst * 2)
print(np.array(lst) * 2)
#--- err-list-plus-list
print([1, 2] + [3, 4])
print(np.array([1, 2]) + np.array([3, 4]))
#--- err-ragged
x = np.array([[1, 2], [3]])
#--- err-int-array-assign-float
a = np.array([1, 2, 3])
a[0] = 2.7
print(a)
#--- err-int-division-inplace
a = np.array([2, 4, 6])
a /= 2
#--- err-int-division-fix
a = np.array([2, 4, 6])
a = a / 2
print(a)
a = np.array([2, 4, 6])
a //= 2
print(a)
#--- err-copy-vs-view
a = np.arange(5)
b = a[1:3]
b[0] = 100
print(a)
c = a[[1, 2]]
c[0] = -1
print(a)
#--- err-aliasing-assignment
a = np.zeros(3)
b = a
b[0] = 5
print(a)
#--- err-chained-fancy-assign
a = np.arange(6)
a[a > 2][0] = 100
print(a)
#--- err-len-0d
x = np.array(5)
print(x.shape)
print(len(x))
#--- err-len-scalar-ok
x = np.array([5])
print(len(x), x.shape, x[0])
#--- err-item-conversion
x = np.array([1.5, 2.5])
print(float(x))
#--- err-item-ok
x = np.array([[3.5]])
print(float(x[0, 0]))
print(x.item())
#--- err-int-of-array
x = np.array([1, 2])
print(int(x))
#--- err-transpose-axes
a = np.ones((2, 3, 4))
print(a.transpose(0, 1).shape)
#--- err-transpose-axes-repeat
a = np.ones((2, 3, 4))
print(np.transpose(a, (0, 0, 1)).shape)
#--- err-wrong-axes-swap
a = np.ones((2, 3))
print(np.swapaxes(a, 0, 2))
#--- err-inv-singular
A = np.array([[1.0, 2.0], [2.0, 4.0]])
print(np.linalg.inv(A))
#--- err-inv-nonsquare
A = np.ones((2, 3))
print(np.linalg.inv(A))
#--- err-zeros-bad-shape
print(np.zeros(2, 3))
#--- err-zeros-tuple
print(np.zeros((2, 3)))
#--- err-random-rand-tuple
np.random.seed(0)
print(np.random.rand((2, 3)))
#--- err-arange-float-len
print(len(np.arange(0, 1, 0.1)))
print(np.arange(0, 1, 0.1))
#--- err-int-overflow
x = np.array([2 ** 62], dtype=np.int64)
print(x * 4)
#--- err-nan-compare
x = np.array([np.nan, 1.0])
print(x == np.nan)
print(np.isnan(x))
#--- err-float-equality
print(0.1 + 0.2 == 0.3)
print(np.isclose(0.1 + 0.2, 0.3))
print(np.allclose([0.1 + 0.2, 1.0], [0.3, 1.0]))
#--- err-undefined-name
print(undefined_var)
#--- err-np-misspelled
print(np.arrange(5))
#--- err-method-missing
x = np.arange(3)
print(x.length)
#--- err-shape-call
x = np.arange(3)
print(x.shape())
#--- err-divide-zero-int
a = np.array([1, 0, 2])
print(1 / a)
print(np.array([0.0]) / 0)
#--- err-int-floor-divide-zero
a = np.array([4, 5])
print(a // 0)
print(a % 0)
#--- err-sqrt-negative
print(np.sqrt(np.array([-1.0, 4.0])))
#--- err-log-negative
print(np.log(np.array([-1.0, 0.0, 1.0])))
#--- err-python-index
lst = [1, 2, 3]
print(lst[5])
#--- err-dict-key
d = {'a': 1}
print(d['b'])
#--- err-type-str-plus-int
print("loss: " + 0.5)
#--- err-str-format-array
x = np.array([1.0, 2.0])
print("values: " + str(x))
print(f"values: {x}")
#--- err-format-array
x = np.array([1.5, 2.5])
print(f"{x:.2f}")
