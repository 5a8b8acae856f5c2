# np.pad's modes that copy values: edge, reflect, symmetric, wrap (issue 9 §4).
#--- edge-1d
print(np.pad(np.array([1, 2, 3]), 2, mode='edge'))
#--- edge-2d-pairs
print(np.pad(np.arange(4).reshape(2, 2), ((1, 0), (0, 1)), mode='edge'))
#--- reflect-1d
print(np.pad(np.array([1, 2, 3]), 2, mode='reflect'))
#--- reflect-wider-than-array
print(np.pad(np.array([1, 2, 3]), (7, 5), mode='reflect'))
#--- reflect-single-element
print(np.pad(np.array([5]), 3, mode='reflect'))
#--- symmetric-1d
print(np.pad(np.array([1, 2, 3]), (2, 4), mode='symmetric'))
#--- symmetric-wide
print(np.pad(np.array([1, 2]), 5, mode='symmetric'))
#--- wrap-1d
print(np.pad(np.array([1, 2, 3]), (2, 4), mode='wrap'))
#--- wrap-wide
print(np.pad(np.array([1, 2, 3]), 8, mode='wrap'))
#--- reflect-image
img = np.arange(12.).reshape(3, 4)
print(np.pad(img, 1, mode='reflect'))
#--- symmetric-corners
print(np.pad(np.arange(6).reshape(2, 3), ((2, 1), (1, 2)), mode='symmetric'))
#--- wrap-3d-shape-dtype
x = np.pad(np.ones((2, 3, 4), dtype=np.float32), ((0, 0), (1, 1), (2, 2)), mode='wrap')
print(x.shape, x.dtype)
#--- edge-bool
print(np.pad(np.array([True, False]), 1, mode='edge'))
#--- edge-zero-width
print(np.pad(np.arange(3), 0, mode='edge'))
#--- edge-result-is-a-copy
a = np.arange(3)
b = np.pad(a, 0, mode='edge')
b[0] = 9
print(a, b)
#--- edge-empty-other-axis
print(np.pad(np.zeros((0, 2)), ((0, 0), (1, 1)), mode='edge').shape)
#--- edge-0d
print(np.pad(np.array(5), 2, mode='edge'))
#--- error-empty-axis
print(np.pad(np.zeros((0, 2)), 1, mode='edge'))
#--- error-unknown-mode
print(np.pad(np.zeros(2), 1, mode='foo'))
#--- error-negative
print(np.pad(np.zeros(2), -1, mode='reflect'))
#--- error-constant-values-with-edge
print(np.pad(np.zeros(2), 1, mode='edge', constant_values=3))
#--- constant-still-works
print(np.pad(np.array([1, 2]), (1, 2), mode='constant', constant_values=7))
