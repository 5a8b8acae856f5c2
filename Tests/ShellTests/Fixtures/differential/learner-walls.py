# Walls a new learner hits pasting numpy (issue 13's first session, issue 9's surface): positional
# dtype and order in the creation routines, x.flags as numpy has it, order= in reshape/ravel/
# flatten/copy/array, and numpy 2's array-API names (unstack, concat, permute_dims, mT, astype).
#--- zeros-positional-int
print(np.zeros(3, int))
#--- zeros-positional-int-dtype
print(np.zeros(3, int).dtype)
#--- ones-positional-string
x = np.ones((2, 2), 'float32')
print(x, x.dtype)
#--- empty-positional-order
x = np.empty(3, float, 'F')
print(x.shape, x.dtype)
#--- empty-positional-order-2d
x = np.empty((2, 3), float, 'F')
print(x.shape, x.dtype, x.strides, x.flags['F_CONTIGUOUS'])
#--- full-positional-dtype
print(np.full(3, 7, int))
#--- full-positional-float
print(np.full((2, 2), 7, float))
#--- full-positional-order
x = np.full((2, 3), 1.5, 'float32', 'F')
print(x, x.strides)
#--- zeros-two-ints
print(np.zeros(2, 3))
#--- ones-two-ints
print(np.ones(2, 3))
#--- empty-two-ints
print(np.empty(2, 3))
#--- full-three-ints
print(np.full(2, 3, 4))
#--- zeros-float-dtype
print(np.zeros(3, 3.5))
#--- zeros-bad-dtype-string
print(np.zeros(3, 'foo'))
#--- zeros-none-dtype
print(np.zeros(3, None))
#--- zeros-too-many
print(np.zeros(3, int, 'C', None))
#--- zeros-order-bad
print(np.zeros((2, 3), int, 'X'))
#--- zeros-order-lower
print(np.zeros((2, 3), int, 'f').strides)
#--- zeros-order-keyword-f
x = np.zeros((2, 3), order='F')
print(x.strides, x.flags.c_contiguous, x.flags.f_contiguous)
#--- zeros-order-k
print(np.zeros(3, dtype=int, order='K'))
#--- ones-order-a
print(np.ones(3, 'i8', 'A'))
#--- zeros-order-not-str
print(np.zeros(2, order=3))
#--- zeros-order-none
print(np.zeros(2, order=None))
#--- ones-i4
print(np.ones(2, 'i4'))
#--- full-int32-truncates
print(np.full((2,), 1.5, 'int32'))
#--- zeros-bool
print(np.zeros(2, bool))
#--- zeros-uint8
print(np.zeros(2, np.uint8))
#--- zeros-list-shape-f8
print(np.zeros([2, 2], 'f8', order='C'))
#--- zeros-like-positional
print(np.zeros_like(np.arange(3), float))
#--- ones-like-positional-order
x = np.ones_like(np.arange(6).reshape(2, 3), 'float32', 'F')
print(x, x.dtype, x.strides)
#--- full-like-positional
print(np.full_like(np.arange(3), 7, float))
#--- full-like-all-positional
print(np.full_like(np.arange(3), 7, float, 'C', True, (2, 2)))
#--- zeros-like-order-k-keeps-layout
a = np.ones((2, 3)).T
print(np.zeros_like(a).strides, np.zeros_like(a, order='C').strides)
#--- zeros-like-order-f
print(np.zeros_like(np.ones((2, 3)), order='F').flags.f_contiguous)
#--- zeros-like-order-bad
print(np.zeros_like(np.ones((2, 3)), int, 'X'))
#--- empty-like-positional-shape
print(np.empty_like(np.arange(3), int).shape)
#--- ones-like-too-many
print(np.ones_like(np.arange(3), int, 'C', True, (3,), 5))
#--- zeros-tutorial-weights
W = np.zeros((3, 4), np.float32)
b = np.zeros(4, np.float32)
print(W.dtype, b.dtype, (W @ np.ones(4, np.float32) + 1).dtype)
#--- flags-print
x = np.arange(6).reshape(2, 3)
print(x.flags)
#--- flags-print-owner
print(np.zeros((2, 3)).flags)
#--- flags-print-transpose
print(np.zeros((2, 3)).T.flags)
#--- flags-repr
print(repr(np.ones(3).flags))
#--- flags-key-c
x = np.zeros((2, 3))
print(x.flags['C_CONTIGUOUS'], x.T.flags['C_CONTIGUOUS'])
#--- flags-key-writeable
print(np.zeros(3).flags['WRITEABLE'])
#--- flags-keys-all
x = np.arange(6).reshape(2, 3)
for k in ['C_CONTIGUOUS', 'C', 'CONTIGUOUS', 'F', 'FORTRAN', 'F_CONTIGUOUS', 'OWNDATA', 'O', 'WRITEABLE', 'W', 'ALIGNED', 'A', 'WRITEBACKIFCOPY', 'X', 'FNC', 'FORC', 'BEHAVED', 'B', 'CARRAY', 'CA', 'FARRAY', 'FA']:
    print(k, x.flags[k], x.T.flags[k], x[:, ::2].flags[k])
#--- flags-key-lower
print(np.zeros(3).flags['c_contiguous'])
#--- flags-key-unknown
print(np.zeros(3).flags['UPDATEIFCOPY'])
#--- flags-key-int
print(np.zeros(3).flags[0])
#--- flags-attrs-all
x = np.arange(6).reshape(2, 3)
for a in ['c_contiguous', 'f_contiguous', 'contiguous', 'fortran', 'owndata', 'writeable', 'aligned', 'writebackifcopy', 'behaved', 'carray', 'farray', 'fnc', 'forc', 'num']:
    print(a, getattr(x.flags, a), getattr(x.T.flags, a), getattr(np.ones(4).flags, a))
#--- flags-attr-c-contiguous
print(np.ones((2, 2)).flags.c_contiguous)
#--- flags-attr-owndata-view
x = np.ones(6)
print(x.flags.owndata, x[1:].flags.owndata, x.reshape(2, 3).flags.owndata)
#--- flags-attr-upper
print(np.ones(2).flags.C_CONTIGUOUS)
#--- flags-attr-unknown
print(np.ones(2).flags.foo)
#--- flags-copy-owns
x = np.arange(6).reshape(2, 3).T
y = x.copy()
print(x.flags['OWNDATA'], y.flags['OWNDATA'], y.flags['C_CONTIGUOUS'])
#--- flags-in-if
x = np.arange(6)[::2]
if not x.flags['C_CONTIGUOUS']:
    x = np.ascontiguousarray(x)
print(x.flags['C_CONTIGUOUS'], x)
#--- reshape-order-f
x = np.arange(6)
print(x.reshape(2, 3, order='F'))
#--- reshape-order-f-tuple
print(np.arange(6).reshape((3, 2), order='F'))
#--- np-reshape-order-f
print(np.reshape(np.arange(6), (2, 3), order='F'))
#--- np-reshape-order-positional
print(np.reshape(np.arange(6), (2, 3), 'F'))
#--- reshape-order-f-2d
x = np.arange(12).reshape(3, 4)
print(x.reshape(2, 6, order='F'))
#--- reshape-order-f-view-of-fortran
x = np.arange(6).reshape(3, 2).T
y = x.reshape(6, order='F')
print(y, np.shares_memory(x, y))
#--- reshape-order-f-copy-of-c
x = np.arange(6).reshape(2, 3)
y = x.reshape(3, 2, order='F')
print(y, np.shares_memory(x, y))
#--- reshape-order-c-of-fortran-copies
x = np.arange(6).reshape(3, 2).T
y = x.reshape(6)
print(y, np.shares_memory(x, y))
#--- reshape-order-a
x = np.arange(6).reshape(3, 2).T
y = x.reshape(6, order='A')
print(y, np.shares_memory(x, y))
#--- reshape-order-a-c
x = np.arange(6).reshape(2, 3)
print(x.reshape(3, 2, order='A'))
#--- reshape-order-k-error
print(np.arange(6).reshape(2, 3, order='K'))
#--- reshape-order-bad
print(np.arange(6).reshape(2, 3, order='X'))
#--- reshape-order-f-strides
x = np.arange(6).reshape(2, 3, order='F')
print(x.strides, x.flags['F_CONTIGUOUS'], x.flags['OWNDATA'])
#--- reshape-order-f-write-through
x = np.zeros(6)
y = x.reshape(2, 3, order='F')
y[0, 1] = 5
print(x)
#--- ravel-order-f
x = np.arange(6).reshape(2, 3)
print(x.ravel(order='F'), np.ravel(x, 'F'))
#--- ravel-order-k
x = np.arange(6).reshape(2, 3).T
print(x.ravel(order='K'), np.shares_memory(x, x.ravel('K')))
#--- ravel-order-a
x = np.arange(6).reshape(2, 3).T
print(x.ravel('A'), x.ravel())
#--- ravel-order-k-negative
x = np.arange(6).reshape(2, 3)[:, ::-1]
print(x.ravel('K'))
#--- ravel-order-f-view
x = np.arange(6).reshape(3, 2).T
print(np.shares_memory(x, x.ravel('F')), np.shares_memory(x, x.ravel()))
#--- ravel-order-bad
print(np.arange(3).ravel('Q'))
#--- flatten-order-f
x = np.arange(6).reshape(2, 3)
print(x.flatten('F'), x.flatten(order='C'))
#--- flatten-order-k
x = np.arange(24).reshape(2, 3, 4).transpose(2, 0, 1)
print(x.flatten('K'), x.flatten('A'))
#--- flatten-copies
x = np.arange(6).reshape(3, 2).T
y = x.flatten('F')
print(np.shares_memory(x, y))
#--- copy-order-f
x = np.arange(6).reshape(2, 3)
y = x.copy(order='F')
print(y, y.strides, y.flags['F_CONTIGUOUS'])
#--- copy-order-positional
x = np.arange(6).reshape(2, 3)
print(x.copy('F').strides, x.T.copy('A').strides, x.T.copy('K').strides, x.T.copy().strides)
#--- np-copy-order
x = np.arange(6).reshape(2, 3).T
print(np.copy(x).strides, np.copy(x, order='C').strides)
#--- array-order-f
x = np.array([[1, 2, 3], [4, 5, 6]], order='F')
print(x, x.strides)
#--- array-order-positional-error
print(np.array([[1, 2], [3, 4]], int, True, 'F').strides)
#--- array-of-array-order-f
a = np.arange(6).reshape(2, 3)
b = np.array(a, order='F')
print(b.strides, np.shares_memory(a, b))
#--- asarray-order-f-copies
a = np.arange(6).reshape(2, 3)
b = np.asarray(a, order='F')
print(b.strides, np.shares_memory(a, b))
#--- asarray-order-f-no-copy
a = np.arange(6).reshape(3, 2).T
b = np.asarray(a, order='F')
print(b.strides, np.shares_memory(a, b))
#--- asarray-order-c
a = np.arange(6).reshape(3, 2).T
b = np.asarray(a, order='C')
print(b.strides, np.shares_memory(a, b))
#--- asarray-order-k
a = np.arange(6).reshape(3, 2).T
print(np.asarray(a, order='K').strides, np.asarray(a, order='A').strides)
#--- array-order-bad
print(np.array([1, 2], order='Z'))
#--- array-list-order-a
print(np.array([[1, 2], [3, 4]], order='A').strides)
#--- ascontiguousarray
a = np.arange(6).reshape(3, 2).T
b = np.ascontiguousarray(a)
print(b.strides, np.shares_memory(a, b))
#--- asfortranarray
a = np.arange(6).reshape(2, 3)
b = np.asfortranarray(a)
print(b, b.strides, np.shares_memory(a, b))
#--- unstack
x = np.arange(6).reshape(2, 3)
print(np.unstack(x))
#--- unstack-axis
x = np.arange(6).reshape(2, 3)
print(np.unstack(x, axis=1))
#--- unstack-views
x = np.arange(6).reshape(2, 3)
a, b = np.unstack(x)
print(type(np.unstack(x)).__name__, np.shares_memory(a, x), a, b)
#--- unstack-axis-negative
print(np.unstack(np.arange(24).reshape(2, 3, 4), axis=-1)[1])
#--- unstack-scalar-error
print(np.unstack(np.array(3)))
#--- unstack-axis-error
print(np.unstack(np.arange(6).reshape(2, 3), axis=2))
#--- concat
print(np.concat([np.zeros((1, 2)), np.ones((2, 2))]))
#--- concat-axis
print(np.concat((np.zeros((2, 1)), np.ones((2, 2))), axis=1))
#--- concat-axis-none
print(np.concat([np.arange(2), np.arange(3).reshape(3, 1)], axis=None))
#--- concat-error
print(np.concat([np.zeros((2, 1)), np.ones((3, 2))], axis=1))
#--- permute-dims
x = np.arange(24).reshape(2, 3, 4)
print(np.permute_dims(x, (2, 0, 1)).shape, np.permute_dims(x).shape)
#--- permute-dims-values
print(np.permute_dims(np.arange(6).reshape(2, 3), (1, 0)))
#--- permute-dims-view
x = np.arange(6).reshape(2, 3)
print(np.shares_memory(x, np.permute_dims(x, (1, 0))))
#--- permute-dims-axes-keyword
print(np.permute_dims(np.arange(6).reshape(1, 2, 3), axes=(0, 2, 1)).shape)
#--- matrix-transpose
x = np.arange(12).reshape(2, 2, 3)
print(np.matrix_transpose(x))
#--- matrix-transpose-shape
print(np.matrix_transpose(np.ones((4, 2, 3))).shape)
#--- matrix-transpose-1d-error
print(np.matrix_transpose(np.arange(3)))
#--- mT
x = np.arange(6).reshape(2, 3)
print(x.mT, x.mT.shape)
#--- mT-batched
x = np.arange(24).reshape(2, 3, 4)
print(x.mT.shape, np.shares_memory(x, x.mT))
#--- mT-1d-error
print(np.arange(3).mT)
#--- np-astype
x = np.arange(3)
print(np.astype(x, np.float32), np.astype(x, 'float32').dtype)
#--- np-astype-copy-false
x = np.arange(3)
print(np.shares_memory(np.astype(x, x.dtype, copy=False), x), np.shares_memory(np.astype(x, int), x))
#--- astype-copy-false-method
x = np.arange(3.0)
print(np.shares_memory(x.astype(float, copy=False), x), np.shares_memory(x.astype(float), x))
