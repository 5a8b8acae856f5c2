# np.take_along_axis / np.put_along_axis (issue 9 §4).
#--- take-axis1
print(np.take_along_axis(np.array([[3, 1], [2, 4]]), np.array([[1], [0]]), axis=1))
#--- take-default-axis-last
print(np.take_along_axis(np.array([[3, 1], [2, 4]]), np.array([[1], [0]])))
#--- take-sort-rows
x = np.array([[10, 30, 20], [60, 40, 50]])
print(np.take_along_axis(x, np.argsort(x, axis=1), axis=1))
#--- take-argmax-keepdims
p = np.array([[0.1, 0.7, 0.2], [0.5, 0.2, 0.3]])
print(np.take_along_axis(p, np.argmax(p, axis=1, keepdims=True), axis=1))
#--- take-axis0-broadcast
print(np.take_along_axis(np.arange(6).reshape(2, 3), np.array([[1, 0, 1]]), axis=0))
#--- take-negative-index
print(np.take_along_axis(np.arange(6).reshape(2, 3), np.array([[-1], [-3]]), axis=1))
#--- take-3d
print(np.take_along_axis(np.arange(24).reshape(2, 3, 4), np.zeros((2, 3, 1), dtype=int), axis=2))
#--- take-axis-none
print(np.take_along_axis(np.array([[3, 1], [2, 4]]), np.array([1, 0, 3]), axis=None))
#--- take-float-values-dtype
print(np.take_along_axis(np.array([[1.5, 2.5]], dtype=np.float32), np.array([[1, 1, 0]]), axis=1))
#--- error-take-ndim
print(np.take_along_axis(np.array([[3, 1], [2, 4]]), np.array([1, 0]), axis=1))
#--- error-take-float-indices
print(np.take_along_axis(np.array([[3, 1], [2, 4]]), np.array([[1.]]), axis=1))
#--- error-take-out-of-bounds
print(np.take_along_axis(np.array([[3, 1], [2, 4]]), np.array([[5]]), axis=1))
#--- error-take-shape-mismatch
print(np.take_along_axis(np.array([[3, 1], [2, 4]]), np.array([[1], [0], [1]]), axis=1))
#--- error-take-axis
print(np.take_along_axis(np.array([[3, 1], [2, 4]]), np.array([[1]]), axis=2))
#--- error-take-none-2d
print(np.take_along_axis(np.array([[3, 1], [2, 4]]), np.array([[1, 0]]), axis=None))
#--- put-one-hot
z = np.zeros((3, 4))
labels = np.array([2, 0, 3])
print(np.put_along_axis(z, labels[:, None], 1, axis=1))
print(z)
#--- put-values-array
a = np.arange(6).reshape(2, 3)
np.put_along_axis(a, np.array([[0], [2]]), np.array([[-1], [-2]]), axis=1)
print(a)
#--- put-axis0
a = np.zeros((2, 3), dtype=int)
np.put_along_axis(a, np.array([[1, 0, 1]]), 7, axis=0)
print(a)
#--- put-axis-none
a = np.arange(6).reshape(2, 3)
np.put_along_axis(a, np.array([0, 5]), 9, axis=None)
print(a)
#--- put-float-into-int
a = np.zeros(3, dtype=int)
np.put_along_axis(a, np.array([1]), 2.7, axis=0)
print(a)
#--- put-through-view
a = np.zeros((2, 4))
v = a[:, 1:]
np.put_along_axis(v, np.array([[0], [2]]), 5, axis=1)
print(a)
#--- error-put-out-of-bounds
a = np.zeros((2, 2))
np.put_along_axis(a, np.array([[0], [5]]), 1, axis=1)
#--- error-put-leaves-array-unchanged
a = np.zeros((2, 2))
try:
    np.put_along_axis(a, np.array([[0], [5]]), 1, axis=1)
except IndexError as e:
    print(e)
print(a)
#--- error-put-ndim
np.put_along_axis(np.zeros((2, 2)), np.array([0]), 1, axis=1)
