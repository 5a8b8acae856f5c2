# The tutorial's shape tricks as a learner pastes them: transpose, reshape, split.
#--- arange-reshape
x = np.arange(24).reshape(2, 4, 3)
print(x)
#--- transpose-102
x = np.arange(24).reshape(2, 4, 3)
print(np.transpose(x, [1, 0, 2]))
#--- transpose-reshape
x = np.arange(24).reshape(2, 4, 3)
print(np.reshape(np.transpose(x, [1, 0, 2]), [-1, 3]))
#--- split-list
x = np.arange(24).reshape(2, 4, 3)
print(np.split(np.reshape(np.transpose(x, [1, 0, 2]), [-1, 3]), 4, 0))
#--- split-first
x = np.arange(24).reshape(2, 4, 3)
print(np.split(np.reshape(np.transpose(x, [1, 0, 2]), [-1, 3]), 4, 0)[0])
#--- shape-attr
x = np.zeros((128, 28, 28))
print(x.shape)
#--- batch-transpose-shape
x = np.zeros((128, 28, 28), dtype=np.float32)
y = np.transpose(x, (1, 0, 2))
print(y.shape, y.dtype)
#--- batch-split-count
x = np.zeros((128, 28, 28), dtype=np.float32)
xs = np.split(np.reshape(np.transpose(x, (1, 0, 2)), (-1, 28)), 28, 0)
print(len(xs), xs[0].shape)
#--- reshape-error
x = np.arange(24)
print(x.reshape(5, 5))
#--- split-uneven-error
print(np.split(np.arange(10), 3))
#--- transpose-method
print(np.arange(6).reshape(2, 3).T)
#--- float-print
print(np.arange(5) / 3)
#--- float32-print
print(np.arange(5, dtype=np.float32) / 3)
#--- repr
print(repr(np.arange(6).reshape(2, 3)))
#--- matmul
a = np.arange(6).reshape(2, 3)
b = np.arange(12).reshape(3, 4)
print(a @ b)
#--- matmul-error
a = np.arange(6).reshape(2, 3)
print(a @ a)
#--- sum-axis
print(np.arange(12).reshape(3, 4).sum(axis=0))
#--- mean
print(np.arange(12).reshape(3, 4).mean(axis=1))
#--- argmax
print(np.argmax(np.array([[1, 5, 2], [7, 0, 3]]), axis=1))
#--- index-basic
x = np.arange(24).reshape(2, 4, 3)
print(x[0, 1], x[:, 0], x[..., ::-1][1])
#--- index-error
x = np.arange(6)
print(x[6])
#--- last-output-dense
outs = [np.ones((2, 3)), np.full((2, 3), 2.0)]
W = np.arange(12).reshape(3, 4) * 0.5
b = np.array([1.0, 2.0, 3.0, 4.0])
print(outs[-1] @ W + b)
#--- astype
print(np.arange(4).astype(np.float32) * 0.1)
#--- concatenate
print(np.concatenate([np.zeros((1, 2)), np.ones((2, 2))]))
#--- stack-unstack
x = np.arange(6).reshape(3, 2)
print(np.stack([x, x + 10]).shape)
#--- exp
print(np.exp(np.arange(3.0)))
#--- tanh
print(np.tanh(np.array([-1.0, 0.0, 0.5])))
