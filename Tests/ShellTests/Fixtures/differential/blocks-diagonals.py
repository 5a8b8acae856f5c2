# np.block, np.geomspace, np.tri, np.diag_indices, x.diagonal / np.diagonal, x.conj, np.resize
# (issue 9 §4), with numpy's errors.
#--- block-2x2
print(np.block([[np.eye(2), np.zeros((2, 2))], [np.zeros((2, 2)), np.eye(2)]]))
#--- block-1d
print(np.block([np.array([1, 2]), np.array([3])]))
#--- block-scalars
print(np.block([1, 2, 3]), np.block([[1, 2], [3, 4]]))
#--- block-array-leaf
print(np.block(np.arange(3)))
#--- block-mixed-dtype
print(np.block([np.arange(2), 2.5]))
#--- block-rows
print(np.block([[np.ones((2, 2))], [np.zeros((1, 2))]]))
#--- block-kkt
A = np.array([[2., 1], [1, 3]]); B = np.array([[1., 1]])
print(np.block([[A, B.T], [B, np.zeros((1, 1))]]))
#--- block-scalar
print(repr(np.block(5)))
#--- block-3d
print(np.block([[[1]], [[2]]]).shape)
#--- block-promotes-leaf-ndim
print(np.block([[np.arange(3)], [np.arange(3, 6)]]))
#--- err-block-row-mismatch
np.block([[1, 2], [3]])
#--- err-block-depth
np.block([[1, 2], 3])
#--- err-block-empty
np.block([])
#--- err-block-empty-inner
np.block([[1], []])
#--- err-block-tuple
np.block(((1, 2),))
#--- err-block-shapes
np.block([[np.ones((2, 2)), np.ones((3, 1))]])
#--- geomspace-3
print(np.geomspace(1, 100, 3))
#--- geomspace-4
print(np.geomspace(1, 1000, 4))
#--- geomspace-powers-of-two
print(np.geomspace(1, 256, 9))
#--- geomspace-negative
print(np.geomspace(-1, -1000, 4))
#--- geomspace-no-endpoint
print(np.geomspace(1, 2, 5, endpoint=False))
#--- geomspace-constant
print(np.geomspace(2, 2, 3))
#--- geomspace-int
print(np.geomspace(1, 100, 3, dtype=int))
#--- geomspace-lr
print(np.geomspace(1e-3, 1, 4))
#--- geomspace-default-num
print(np.geomspace(1, 10).shape)
#--- err-geomspace-zero
np.geomspace(0, 1, 3)
#--- tri-3
print(np.tri(3))
#--- tri-rect-int
print(np.tri(2, 4, 1, dtype=int))
#--- tri-below
print(np.tri(3, k=-1))
#--- tri-empty
print(repr(np.tri(0)))
#--- causal-mask
T = 4
print(np.where(np.tri(T, dtype=bool), 0.0, -np.inf))
#--- diag-indices
print(np.diag_indices(2))
#--- diag-indices-3d
print(np.diag_indices(3, 3), np.diag_indices(2, ndim=3))
#--- diag-indices-set
a = np.zeros((3, 3)); a[np.diag_indices(3)] = 1
print(a)
#--- diagonal-method
print(np.arange(6).reshape(2, 3).diagonal())
#--- diagonal-offsets
x = np.arange(12).reshape(3, 4)
print(x.diagonal(1), x.diagonal(-1), x.diagonal(5))
#--- diagonal-3d
print(np.arange(24).reshape(2, 3, 4).diagonal())
#--- diagonal-axes
print(np.diagonal(np.arange(24).reshape(2, 3, 4), 0, 1, 2))
#--- diagonal-axes-keywords
print(np.arange(24).reshape(2, 3, 4).diagonal(axis1=0, axis2=2))
#--- diagonal-trace
x = np.arange(9.).reshape(3, 3)
print(x.diagonal().sum(), np.trace(x))
#--- diagonal-shares
x = np.arange(9).reshape(3, 3)
print(np.shares_memory(x, x.diagonal()))
#--- err-diagonal-1d
np.arange(3).diagonal()
#--- err-diagonal-same-axes
np.arange(6).reshape(2, 3).diagonal(0, 0, 0)
#--- conj
print(np.arange(6).reshape(2, 3).conj(), np.conj(np.array([1.5, 2])), np.conjugate(3), np.arange(3).conjugate())
#--- resize-grow
print(np.resize(np.arange(3), (2, 4)))
#--- resize-int
print(np.resize(np.arange(3), 5))
#--- resize-empty
print(np.resize(np.array([]), 3))
#--- resize-same-size
print(np.resize(np.arange(6).reshape(2, 3), (3, 2)))
#--- resize-to-empty
print(repr(np.resize([1, 2], (0,))))
#--- resize-scalar
print(np.resize(7, (2, 2)))
#--- err-resize-negative
np.resize(np.arange(3), -1)
