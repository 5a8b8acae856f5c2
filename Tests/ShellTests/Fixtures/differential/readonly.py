# Read-only arrays: numpy's WRITEABLE flag (np.broadcast_to, x.diagonal(), x.setflags(write=False)),
# every write path refused in numpy's words, views of read-only arrays read-only, copies writeable.
#--- broadcast-to-flags
x = np.arange(3.0)
b = np.broadcast_to(x, (2, 3))
print(b.flags)
print(b.flags.writeable, b.flags['WRITEABLE'], b.flags['W'], b.base is x)
#--- broadcast-to-setitem
x = np.arange(3.0)
b = np.broadcast_to(x, (2, 3))
b[0, 0] = 9
#--- broadcast-to-slice-assign
x = np.arange(3.0)
b = np.broadcast_to(x, (2, 3))
b[0] = 1
#--- broadcast-to-ellipsis-assign
b = np.broadcast_to(np.arange(3), (2, 3))
b[...] = 1
#--- broadcast-to-fancy-assign
b = np.broadcast_to(np.arange(3), (2, 3))
b[[0]] = 1
#--- broadcast-to-mask-assign
b = np.broadcast_to(np.arange(3), (2, 3))
b[b > 1] = 0
#--- broadcast-to-iadd
b = np.broadcast_to(np.arange(3), (2, 3))
b += 1
#--- broadcast-to-fill
b = np.broadcast_to(np.arange(3.0), (2, 3))
b.fill(1)
#--- broadcast-to-sort
b = np.broadcast_to(np.arange(3.0), (2, 3))
b.sort()
#--- broadcast-to-same-shape
x = np.arange(3)
b = np.broadcast_to(x, (3,))
print(b.flags.writeable, b.flags.owndata, x.flags.writeable)
b[0] = 5
#--- broadcast-to-empty-assign
e = np.broadcast_to(np.arange(3.0), (0, 3))
e[...] = 1
#--- broadcast-to-made-writeable
x = np.arange(3.0)
b = np.broadcast_to(x, (2, 3))
b.setflags(write=True)
b[0, 0] = 7
print(x)
print(b)
#--- broadcast-to-flags-writeable-attr
x = np.arange(3.0)
b = np.broadcast_to(x, (2, 3))
b.flags.writeable = True
print(b.flags.writeable)
b[1, 2] = -1
print(x)
#--- broadcast-to-view-of-readonly
x = np.arange(3.0)
x.setflags(write=False)
b = np.broadcast_to(x, (2, 3))
b.setflags(write=True)
#--- broadcast-to-row-view
b = np.broadcast_to(np.arange(3.0), (2, 3))
r = b[0]
print(r.flags.writeable)
r[0] = 1
#--- broadcast-to-reads
b = np.broadcast_to(np.arange(3.0), (2, 3))
print(b + 1)
print(b.sum(axis=0), b.T.shape, np.sort(b).flags.writeable, b.copy().flags.writeable)
#--- broadcast-arrays-writeable
x = np.arange(3)
y, z = np.broadcast_arrays(x, np.ones((2, 1)))
print(y.flags.writeable, z.flags.writeable, y.shape, z.shape)
#--- broadcast-arrays-same-shape
x = np.arange(3)
a, b = np.broadcast_arrays(x, np.zeros(3))
print(a is x, a.flags.writeable)
#--- broadcast-arrays-of-readonly
x = np.arange(3)
x.setflags(write=False)
y, z = np.broadcast_arrays(x, np.ones((2, 1)))
print(y.flags.writeable, z.flags.writeable)
#--- diagonal-flags
x = np.arange(9).reshape(3, 3)
d = x.diagonal()
print(d)
print(d.flags)
#--- diagonal-setitem
x = np.arange(9).reshape(3, 3)
d = x.diagonal()
d[0] = 100
#--- diagonal-iadd
x = np.arange(9.0).reshape(3, 3)
d = np.diagonal(x, 1)
d += 1
#--- diagonal-made-writeable
x = np.arange(9).reshape(3, 3)
d = x.diagonal()
d.setflags(write=True)
d[:] = -1
print(x)
#--- diagonal-copy-writeable
x = np.arange(9).reshape(3, 3)
d = x.diagonal().copy()
d[0] = 100
print(d, d.flags.writeable)
print(x)
#--- diag-2d-readonly
x = np.arange(6).reshape(2, 3)
d = np.diag(x)
print(d, d.flags.writeable, d.flags.owndata)
d[0] = 1
#--- diag-2d-offset
x = np.arange(12).reshape(3, 4)
print(np.diag(x, 1), np.diag(x, -1), np.diag(x, 5), np.diag(x, -7).shape)
print(np.shares_memory(np.diag(x), x))
#--- diag-1d-writeable
d = np.diag(np.array([1, 2]))
d[0, 1] = 5
print(d, d.flags.writeable)
#--- trace-of-readonly
x = np.arange(9.0).reshape(3, 3)
x.setflags(write=False)
print(x.trace(), np.trace(x, 1), x.diagonal().sum())
#--- setflags-basic
x = np.arange(4)
print(x.setflags(write=False))
print(x.flags.writeable, x.flags['WRITEABLE'])
print(x.flags)
#--- setflags-setitem
x = np.arange(4)
x.setflags(write=False)
x[0] = 1
#--- setflags-setitem-out-of-range
x = np.arange(4)
x.setflags(write=False)
x[10] = 1
#--- setflags-setitem-bad-value
x = np.arange(4.0)
x.setflags(write=False)
x[0] = 'a'
#--- setflags-setitem-bad-index
x = np.arange(4.0)
x.setflags(write=False)
x[1.5] = 1
#--- setflags-setitem-shape-mismatch
x = np.arange(3.0)
x.setflags(write=False)
x[:] = np.zeros(5)
#--- setflags-slice-assign-list
x = np.arange(3.0)
x.setflags(write=False)
x[:] = [1, 2]
#--- setflags-mask-assign
x = np.arange(3.0)
x.setflags(write=False)
x[x > 0] = 1
#--- setflags-fancy-assign
x = np.arange(3.0)
x.setflags(write=False)
x[[0, 1]] = 1
#--- setflags-fancy-iadd
x = np.arange(3.0)
x.setflags(write=False)
x[[0, 1]] += 1
#--- setflags-item-iadd
x = np.arange(3.0)
x.setflags(write=False)
x[0] += 1
#--- setflags-slice-iadd
x = np.arange(3.0)
x.setflags(write=False)
x[0:2] += 1
#--- setflags-self-assign
x = np.arange(3.0)
x.setflags(write=False)
x[0] = x[1]
#--- setflags-iadd
x = np.arange(3)
x.setflags(write=False)
x += 1
#--- setflags-iadd-cast
x = np.arange(3)
x.setflags(write=False)
x += 1.5
#--- setflags-iadd-string
x = np.arange(3)
x.setflags(write=False)
x += 'a'
#--- setflags-iadd-bad-shape
x = np.arange(3.0)
x.setflags(write=False)
x += np.zeros(2)
#--- setflags-isub-sgd
W = np.ones((2, 2))
W.setflags(write=False)
dW = np.full((2, 2), 0.5)
W -= 0.1 * dW
#--- setflags-imul
x = np.arange(3)
x.setflags(write=False)
x *= 2
#--- setflags-ifloordiv
x = np.arange(3.0)
x.setflags(write=False)
x //= 2
#--- setflags-ipow
x = np.arange(3.0)
x.setflags(write=False)
x **= 2
#--- setflags-imatmul
x = np.eye(2)
x.setflags(write=False)
x @= x
#--- setflags-ior
x = np.array([True, False])
x.setflags(write=False)
x |= True
#--- setflags-fill
x = np.arange(3.0)
x.setflags(write=False)
x.fill(1.5)
#--- setflags-fill-bad-value
x = np.arange(3.0)
x.setflags(write=False)
x.fill('a')
#--- setflags-sort
x = np.array([3, 1, 2])
x.setflags(write=False)
x.sort()
#--- setflags-sort-bad-axis
x = np.array([3, 1, 2])
x.setflags(write=False)
x.sort(axis=5)
#--- setflags-partition
x = np.array([3, 1, 2])
x.setflags(write=False)
x.partition(1)
#--- setflags-np-sort-copy
x = np.array([3, 1, 2])
x.setflags(write=False)
y = np.sort(x)
y[0] = 10
print(x, y, y.flags.writeable)
#--- setflags-shuffle
x = np.arange(6).reshape(2, 3)
x.setflags(write=False)
np.random.seed(0)
np.random.shuffle(x)
#--- setflags-shuffle-stream-untouched
x = np.arange(6)
x.setflags(write=False)
np.random.seed(0)
try:
    np.random.shuffle(x)
except ValueError as e:
    print(e)
print(np.random.rand())
#--- setflags-rng-shuffle
x = np.arange(6)
x.setflags(write=False)
np.random.default_rng(0).shuffle(x)
#--- setflags-put
x = np.arange(6)
x.setflags(write=False)
np.put(x, [0], [5])
#--- setflags-put-bad-index
x = np.arange(6)
x.setflags(write=False)
np.put(x, [99], [5])
#--- setflags-putmask
x = np.arange(6)
x.setflags(write=False)
np.putmask(x, x > 2, 0)
#--- setflags-place
x = np.arange(6)
x.setflags(write=False)
np.place(x, x > 2, [0])
#--- setflags-put-along-axis
x = np.arange(6).reshape(2, 3)
x.setflags(write=False)
np.put_along_axis(x, np.array([[0], [1]]), 5, axis=1)
#--- setflags-ufunc-at
x = np.arange(6.0).reshape(2, 3)
x.setflags(write=False)
np.add.at(x, [0], 1)
#--- setflags-sum-out
x = np.arange(6.0).reshape(2, 3)
out = np.zeros(3)
out.setflags(write=False)
np.sum(x, axis=0, out=out)
#--- setflags-cumsum-out
x = np.arange(3.0)
out = np.zeros(3)
out.setflags(write=False)
np.cumsum(x, out=out)
#--- setflags-mean-out
x = np.arange(6.0).reshape(2, 3)
out = np.zeros(2)
out.setflags(write=False)
x.mean(axis=1, out=out)
#--- setflags-reads-work
x = np.arange(6.0).reshape(2, 3)
x.setflags(write=False)
print(x + 1)
print(x.sum(), x.mean(axis=0), np.exp(x[0]), x @ x.T, x[x > 2], x[[0, 1], [1, 2]], x.max())
print(repr(x))
#--- setflags-views-readonly
x = np.arange(6.0).reshape(2, 3)
x.setflags(write=False)
print(x[0].flags.writeable, x[:, 1].flags.writeable, x.T.flags.writeable, x.reshape(3, 2).flags.writeable, x.ravel().flags.writeable)
print(x[None].flags.writeable, x[...].flags.writeable, np.squeeze(x).flags.writeable, np.expand_dims(x, 0).flags.writeable, np.transpose(x).flags.writeable)
print(np.swapaxes(x, 0, 1).flags.writeable, x[::-1].flags.writeable, np.split(x, 3, axis=1)[0].flags.writeable)
#--- setflags-copies-writeable
x = np.arange(6.0).reshape(2, 3)
x.setflags(write=False)
print(x.copy().flags.writeable, np.copy(x).flags.writeable, np.array(x).flags.writeable, x[[0]].flags.writeable, x[x > 1].flags.writeable)
print((x + 1).flags.writeable, x.astype(int).flags.writeable, x.flatten().flags.writeable, x.T.reshape(6).flags.writeable)
#--- setflags-same-object
x = np.arange(6.0).reshape(2, 3)
x.setflags(write=False)
print(np.asarray(x).flags.writeable, np.ascontiguousarray(x).flags.writeable)
#--- setflags-alias-name
x = np.arange(3)
y = x
x.setflags(write=False)
y[0] = 1
#--- setflags-view-write-via-transpose
x = np.arange(6).reshape(2, 3)
x.setflags(write=False)
x.T[0] = 1
#--- setflags-split-piece
x = np.arange(6.0)
x.setflags(write=False)
s = np.split(x, 3)
s[0][0] = 1
#--- setflags-squeeze-view
x = np.arange(3.0).reshape(1, 3)
x.setflags(write=False)
y = np.squeeze(x)
y[0] = 1
#--- setflags-old-view-stays-writeable
x = np.arange(3)
v = x[:]
x.setflags(write=False)
v[0] = 9
print(x, v.flags.writeable, x.flags.writeable)
#--- setflags-reenable-owner
x = np.arange(3)
x.setflags(write=False)
x.setflags(write=True)
x[0] = 5
print(x, x.flags.writeable)
#--- setflags-reenable-view-of-readonly
x = np.arange(3)
x.setflags(write=False)
v = x[1:]
v.setflags(write=True)
#--- setflags-reenable-view-after-owner
x = np.arange(3)
x.setflags(write=False)
v = x[:]
x.setflags(write=True)
v.setflags(write=True)
v[0] = 4
print(x)
#--- setflags-reenable-writeable-view-of-locked-owner
x = np.arange(3)
v = x[:]
x.setflags(write=False)
v.setflags(write=True)
#--- setflags-lock-view-only
x = np.arange(6.0)
y = x.reshape(2, 3)
y.setflags(write=False)
x[0] = 5
print(y)
print(x.flags.writeable, y.flags.writeable)
#--- setflags-base-is-owner
x = np.arange(6.0).reshape(2, 3)
x.setflags(write=False)
print(x.base.flags.writeable, x.reshape(3, 2).base is x.base)
#--- setflags-view-of-view-base
x = np.arange(3)
x.setflags(write=False)
v = x[1:]
w = v[1:]
print(w.base is x, w.flags.writeable)
#--- setflags-nested-view-reshape
x = np.arange(6.0)
y = x.reshape(2, 3)
x.setflags(write=False)
y.setflags(write=True)
#--- setflags-positional
x = np.arange(3)
x.setflags(False)
print(x.flags.writeable)
x.setflags(True)
print(x.flags.writeable)
#--- setflags-none-leaves
x = np.arange(3)
x.setflags(write=False)
x.setflags(write=None)
x.setflags(None, None, None)
print(x.flags.writeable)
#--- setflags-truthy-values
x = np.arange(3)
x.setflags(write=0)
print(x.flags.writeable)
x.setflags(write=1.5)
print(x.flags.writeable)
x.setflags(write=[])
print(x.flags.writeable)
x.setflags(write='')
print(x.flags.writeable)
#--- setflags-ambiguous-array
x = np.arange(3)
x.setflags(write=np.array([1, 2]))
#--- setflags-uic-true
x = np.arange(3)
x.setflags(uic=True)
#--- setflags-uic-false-align
x = np.arange(3)
x.setflags(write=False, align=True, uic=False)
print(x.flags.writeable, x.flags.aligned)
#--- flags-writeable-attr
x = np.arange(3)
x.flags.writeable = False
print(x.flags.writeable)
print(x.flags)
x.flags.writeable = True
x[0] = 7
print(x)
#--- flags-writeable-item
x = np.arange(3)
x.flags['WRITEABLE'] = False
print(x.flags.writeable)
x.flags['W'] = True
print(x.flags['W'])
#--- flags-writeable-readonly-write
x = np.arange(3)
x.flags['W'] = False
x[0] = 1
#--- flags-unknown-setitem
x = np.arange(3)
x.flags['FOO'] = False
#--- flags-owndata-setitem
x = np.arange(3)
x.flags['OWNDATA'] = False
#--- flags-lowercase-key
x = np.arange(3)
x.flags['w'] = False
#--- flags-c-contiguous-setattr
x = np.arange(3)
x.flags.c_contiguous = True
#--- flags-owndata-setattr
x = np.arange(3)
x.flags.owndata = False
#--- flags-unknown-setattr
x = np.arange(3)
x.flags.foo = False
#--- flags-writebackifcopy-true
x = np.arange(3)
x.flags.writebackifcopy = True
#--- flags-writebackifcopy-false
x = np.arange(3)
x.flags.writebackifcopy = False
x.flags['X'] = False
print(x.flags.writebackifcopy)
#--- flags-readonly-derived
x = np.arange(3)
x.setflags(write=False)
print(x.flags.num, x.flags.behaved, x.flags.carray, x.flags.farray, x.flags['CA'], x.flags.fnc, x.flags.forc)
#--- flags-writeable-view-readonly-base
x = np.arange(6.0).reshape(2, 3)
x.flags.writeable = False
v = x[0]
v.flags.writeable = True
#--- flags-ambiguous-value
x = np.arange(3)
x.flags.writeable = np.array([1, 2])
#--- scalar-flags
s = np.float64(1.5)
print(s.flags)
print(s.flags.writeable, np.arange(3)[0].flags.writeable, np.arange(3).sum().flags.owndata)
#--- scalar-setflags-noop
s = np.float64(1.5)
print(s.setflags(write=True))
print(s.flags.writeable)
#--- scalar-flags-set
s = np.int64(3)
s.flags.writeable = True
#--- failed-statement-keeps-flag
x = np.arange(3)
try:
    x.setflags(write=False); x[5] = 1
except (ValueError, IndexError) as e:
    print(type(e).__name__, e)
print(x.flags.writeable)
#--- failed-statement-unchanged
x = np.arange(6.0)
y = x[:3]
x.setflags(write=False)
try:
    y[0] = 100; x[1] = 5
except ValueError as e:
    print(e)
print(x)
#--- readonly-in-loop
x = np.zeros(3)
x.setflags(write=False)
n = 0
for i in range(3):
    try:
        x[i] = i
    except ValueError as e:
        n += 1
print(n, x)
#--- readonly-weights-in-function
def step(W, dW):
    W -= 0.5 * dW
    return W
W = np.ones(2)
W.setflags(write=False)
try:
    step(W, np.ones(2))
except ValueError as e:
    print('refused:', e)
print(W)
#--- readonly-copy-then-train
W = np.ones(2)
W.setflags(write=False)
W2 = W.copy()
W2 -= 0.5
print(W, W2)
#--- readonly-class-attribute
class Layer:
    def __init__(self):
        self.W = np.ones(2)
        self.W.setflags(write=False)
layer = Layer()
try:
    layer.W += 1
except ValueError as e:
    print(e)
print(layer.W)
#--- copyto-basic
x = np.zeros(3)
print(np.copyto(x, [1, 2, 3]))
print(x)
#--- copyto-broadcast
x = np.zeros((2, 3))
np.copyto(x, np.arange(3))
print(x)
np.copyto(x, 7)
print(x)
#--- copyto-into-view
x = np.zeros((2, 3))
np.copyto(x[1], [4, 5, 6])
print(x)
#--- copyto-leading-ones
x = np.zeros(3)
np.copyto(x, np.ones((1, 1, 3)))
print(x)
#--- copyto-readonly
x = np.arange(3.0)
x.setflags(write=False)
np.copyto(x, [1, 2, 3])
#--- copyto-readonly-bad-value
x = np.arange(3.0)
x.setflags(write=False)
np.copyto(x, 'a')
#--- copyto-broadcast-to-dst
b = np.broadcast_to(np.zeros(3), (2, 3))
np.copyto(b, 1)
#--- copyto-float-into-int
x = np.zeros(3, int)
np.copyto(x, 1.5)
#--- copyto-float-array-into-int
x = np.zeros(3, int)
np.copyto(x, np.array([1.5, 2, 3]))
#--- copyto-float-list-into-int
x = np.zeros(3, int)
np.copyto(x, [1.5, 2, 3])
#--- copyto-numpy-scalar-into-int
x = np.zeros(3, int)
np.copyto(x, np.float64(1.5))
#--- copyto-int64-into-uint8
x = np.zeros(3, np.uint8)
np.copyto(x, np.array([5]))
#--- copyto-python-int-into-uint8
x = np.zeros(3, np.uint8)
np.copyto(x, 5)
print(x)
#--- copyto-python-int-overflow
x = np.zeros(3, np.uint8)
np.copyto(x, 300)
#--- copyto-python-int-into-bool
x = np.zeros(3, bool)
np.copyto(x, 1)
#--- copyto-python-bool-into-int
x = np.zeros(3, np.int32)
np.copyto(x, True)
print(x)
#--- copyto-string-into-float
x = np.zeros(3)
np.copyto(x, 'ab')
#--- copyto-same-kind-down
x = np.zeros(3, np.float32)
np.copyto(x, np.arange(3.0))
print(x, x.dtype)
#--- copyto-int8-from-int64-scalar
x = np.zeros(3, np.int8)
np.copyto(x, np.int64(5))
print(x)
#--- copyto-safe
x = np.zeros(3, np.float32)
np.copyto(x, np.arange(3.0), casting='safe')
#--- copyto-safe-ok
x = np.zeros(3)
np.copyto(x, np.arange(3), casting='safe')
print(x)
#--- copyto-equiv
x = np.zeros(3, np.int32)
np.copyto(x, np.arange(3), casting='equiv')
#--- copyto-no-same
x = np.zeros(3, int)
np.copyto(x, np.arange(3), casting='no')
print(x)
#--- copyto-unsafe
x = np.zeros(3, np.int32)
np.copyto(x, [1.7, -1.7, 3], casting='unsafe')
print(x)
np.copyto(x, 5.0, casting='unsafe')
print(x)
#--- copyto-bad-casting
x = np.zeros(3, int)
np.copyto(x, [1, 2, 3], casting='foo')
#--- copyto-shape-mismatch
x = np.zeros(3)
np.copyto(x, [1, 2])
#--- copyto-too-many-dims
x = np.zeros(3)
np.copyto(x, np.zeros((2, 3)))
#--- copyto-where
x = np.zeros(3)
np.copyto(x, [1, 2, 3], where=[True, False, True])
print(x)
#--- copyto-where-broadcast
x = np.zeros((2, 3))
np.copyto(x, 5, where=np.array([True, False, True]))
print(x)
np.copyto(x, np.arange(6).reshape(2, 3), where=x > 0)
print(x)
#--- copyto-where-ints
x = np.zeros(3)
np.copyto(x, [1, 2, 3], where=[1, 0, 2])
print(x)
#--- copyto-where-false
x = np.zeros(3)
np.copyto(x, [1, 2, 3], where=False)
print(x)
#--- copyto-where-bad-shape
x = np.zeros(3)
np.copyto(x, 5, where=np.array([[True], [False]]))
#--- copyto-dst-list
np.copyto([1, 2], 3)
#--- copyto-overlap
x = np.arange(5.0)
np.copyto(x[1:], x[:-1])
print(x)
#--- copyto-positional-where
x = np.zeros(3)
np.copyto(x, np.arange(3), 'same_kind', [True, False, True])
print(x)
#--- copyto-keywords
x = np.zeros(3)
np.copyto(dst=x, src=2)
print(x)
#--- copyto-failed-statement-unchanged
x = np.zeros(3)
y = np.zeros(3, int)
try:
    np.copyto(x, 1); np.copyto(y, 1.5)
except TypeError as e:
    print(e)
print(x, y)
