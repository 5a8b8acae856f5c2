# np.gradient, np.trapezoid, np.polyval, np.polyfit, np.vander (issue 9 §4). polyfit solves by
# LAPACK (dgelsd), whose last bits depend on the BLAS build, so its coefficients print rounded.
#--- gradient-ints
print(np.gradient(np.array([1, 2, 4, 7, 11, 16])))
#--- gradient-spacing-float
print(np.gradient(np.array([1.0, 2.0, 4.0, 7.0, 11.0, 16.0]), 0.3))
#--- gradient-spacing-int
print(np.gradient(np.array([1.0, 2.0, 4.0, 7.0]), 2))
#--- gradient-float32-stays
g = np.gradient(np.array([1, 2.5, 4, 9], dtype=np.float32), 0.1)
print(g.dtype, g)
#--- gradient-float32-numpy-scalar-spacing
g = np.gradient(np.array([1, 2.5, 4, 9], dtype=np.float32), np.float64(0.1))
print(g.dtype, g)
#--- gradient-2d-tuple
gy, gx = np.gradient(np.array([[1, 2, 6], [3, 4, 5], [0, 9, 1]]))
print(gy)
print(gx)
#--- gradient-2d-per-axis-spacing
gy, gx = np.gradient(np.array([[1.0, 2.0, 6.0], [3.0, 4.0, 5.0]]), 2.0, 0.5)
print(gy)
print(gx)
#--- gradient-axis
print(np.gradient(np.array([[1, 2, 6], [3, 4, 5]]), axis=1))
print(np.gradient(np.array([[1, 2, 6], [3, 4, 5]]), axis=-2))
#--- gradient-edge-order-2
print(np.gradient(np.array([1.0, 2.0, 4.0, 7.0, 11.0]), edge_order=2))
print(np.gradient(np.array([1.0, 2.0, 4.0, 7.0, 11.0]), 0.7, edge_order=2))
#--- gradient-coordinates
x = np.array([0.0, 1.0, 1.5, 3.5, 4.0, 6.0])
f = x ** 2
print(np.gradient(f, x))
print(np.gradient(f, x, edge_order=2))
#--- gradient-uniform-coordinates
print(np.gradient(np.array([1.0, 4.0, 9.0, 16.0]), np.array([0, 2, 4, 6])))
#--- gradient-sine
x = np.linspace(0, np.pi, 9)
print(np.gradient(np.sin(x), x[1] - x[0]))
#--- gradient-two-elements
print(np.gradient(np.array([3.0, 5.0])))
#--- gradient-error-too-small
print(np.gradient(np.array([3.0])))
#--- gradient-error-edge-order-3
print(np.gradient(np.array([3.0, 4.0, 5.0, 6.0]), edge_order=3))
#--- gradient-error-too-small-order-2
print(np.gradient(np.array([3.0, 4.0]), edge_order=2))
#--- gradient-error-arguments
print(np.gradient(np.ones((2, 2)), 1.0, 2.0, 3.0))
#--- gradient-error-coordinates-length
print(np.gradient(np.ones(4), np.arange(3)))
#--- gradient-error-coordinates-2d
print(np.gradient(np.ones((2, 2)), np.ones((2, 2)), 1.0))
#--- gradient-error-axis
print(np.gradient(np.ones(3), axis=1))
#--- trapezoid-default
print(np.trapezoid(np.array([1, 2, 3])))
print(repr(np.trapezoid(np.array([1, 2, 3]))))
#--- trapezoid-x
print(np.trapezoid(np.array([1.0, 4.0, 9.0, 16.0]), x=np.array([0.0, 1.0, 3.0, 3.5])))
#--- trapezoid-dx
print(np.trapezoid(np.array([1, 2, 3]), dx=0.1))
#--- trapezoid-sine
x = np.linspace(0, np.pi, 101)
print(np.trapezoid(np.sin(x), x))
#--- trapezoid-2d-axis
y = np.arange(12).reshape(3, 4)
print(np.trapezoid(y), np.trapezoid(y, axis=0))
#--- trapezoid-2d-x-1d
print(np.trapezoid(np.arange(6.0).reshape(2, 3), x=np.array([0.0, 0.5, 2.0])))
#--- trapezoid-float32
print(repr(np.trapezoid(np.array([1, 2, 3], dtype=np.float32))))
#--- trapezoid-error-0d
print(np.trapezoid(np.array(5.0)))
#--- polyval-ints
print(np.polyval([3, 0, 1], 5), repr(np.polyval([3, 0, 1], 5)))
#--- polyval-array
print(np.polyval(np.array([1.0, -2.0, 0.5]), np.array([0.0, 1.0, 2.5, -1.0])))
#--- polyval-mixed
print(np.polyval([1, 2], np.array([0.5, 1.5], dtype=np.float32)).dtype, np.polyval(np.array([1.5, 2.0]), 2))
#--- polyval-empty
print(np.polyval([], np.array([1.0, 2.0])))
#--- polyfit-line
x = np.array([0.0, 1.0, 2.0, 3.0])
y = np.array([-1.0, 0.2, 0.9, 2.1])
m, c = np.polyfit(x, y, 1)
print(round(float(m), 10), round(float(c), 10))
#--- polyfit-quadratic
x = np.arange(6.0)
print(np.round(np.polyfit(x, 2 * x ** 2 - 3 * x + 1, 2), 8))
#--- polyfit-int-input
print(np.round(np.polyfit([0, 1, 2, 3], [1, 3, 5, 7], 1), 8), np.polyfit([0, 1, 2, 3], [1, 3, 5, 7], 1).dtype)
#--- polyfit-2d-y
x = np.arange(4.0)
print(np.round(np.polyfit(x, np.stack([2 * x + 1, -x + 4], axis=1), 1), 8))
#--- polyfit-full
x = np.arange(5.0)
c, res, rank, s, rcond = np.polyfit(x, np.array([1.0, 2.0, 2.0, 4.0, 5.0]), 1, full=True)
print(np.round(c, 8), np.round(res, 8), rank, np.round(s, 8), rcond)
#--- polyfit-full-rcond-types
x32 = np.arange(4, dtype=np.float32)
r = np.polyfit(x32, 2 * x32, 1, full=True)
print(repr(r[4]), r[0].dtype, repr(r[2]))
print(repr(np.polyfit(np.arange(4.0), np.arange(4.0), 1, full=True)[4]), np.polyfit(np.arange(4.0), np.arange(4.0), 1, rcond=0.5, full=True)[4])
#--- polyfit-weights
x = np.arange(5.0)
print(np.round(np.polyfit(x, np.array([1.0, 2.0, 2.0, 4.0, 5.0]), 1, w=np.array([1.0, 1.0, 0.0, 1.0, 1.0])), 8))
#--- polyfit-roundtrip
x = np.linspace(-1, 1, 7)
p = np.polyfit(x, np.polyval([0.5, -1.0, 2.0], x), 2)
print(np.round(p, 8))
#--- polyfit-error-deg
print(np.polyfit([1.0, 2.0], [1.0, 2.0], -1))
#--- polyfit-error-x-2d
print(np.polyfit(np.ones((2, 2)), [1.0, 2.0], 1))
#--- polyfit-error-empty
print(np.polyfit([], [], 1))
#--- polyfit-error-lengths
print(np.polyfit([1.0, 2.0, 3.0], [1.0, 2.0], 1))
#--- polyfit-error-y-3d
print(np.polyfit([1.0, 2.0], np.ones((2, 1, 1)), 1))
#--- vander-default
print(np.vander(np.array([1, 2, 3, 5])))
#--- vander-columns-increasing
print(np.vander(np.array([1, 2, 3]), 4, increasing=True))
print(np.vander(np.array([1.5, -2.0]), 3))
#--- vander-zero-columns
print(np.vander(np.array([1, 2]), 0).shape, np.vander(np.array([1, 2]), 1))
#--- vander-float32-and-bool
print(np.vander(np.array([1.5, 2.0], dtype=np.float32), 2).dtype, np.vander(np.array([True, False]), 2))
#--- vander-error-2d
print(np.vander(np.ones((2, 2))))
#--- vander-error-negative
print(np.vander(np.array([1, 2]), -1))
