# float32 exp and log as numpy computes them on x86-64 (its own SIMD algorithms, not libm).
#--- exp-arange
print(np.exp(np.arange(3, dtype=np.float32)))
#--- exp-linspace-like
x = np.arange(-20, 20, dtype=np.float32) / 3
print(np.exp(x))
#--- exp-thresholds
x = np.array([88.7, 88.72283935546875, -87.3, -103.9, -103.97208404541015625, np.inf, -np.inf, np.nan, 0.0, -0.0], dtype=np.float32)
print(repr(np.exp(x)))
#--- exp-subnormal-results
print(repr(np.exp(np.array([-88.0, -90.0, -95.5, -100.25, -103.0], dtype=np.float32))))
#--- log-arange
print(np.log(np.arange(1, 11, dtype=np.float32)))
#--- log-specials
x = np.array([0.0, -0.0, 1.0, np.inf, 1e-45, 1e-38, 3.4028235e38, 0.70710677, 1.4142135], dtype=np.float32)
print(repr(np.log(x)))
#--- log-small-steps
x = 1 + np.arange(-10, 10, dtype=np.float32) / 1000
print(np.log(x))
#--- softmax-float32
z = np.array([[2.0, 1.0, 0.1], [1.0, 3.0, 0.2]], dtype=np.float32)
e = np.exp(z - z.max(axis=1, keepdims=True))
print(e / e.sum(axis=1, keepdims=True))
#--- cross-entropy-float32
p = np.array([0.7, 0.2, 0.1, 0.05], dtype=np.float32)
print(-np.log(p))
#--- exp-log-roundtrip
x = np.array([0.5, 1.5, 2.5, 10.0], dtype=np.float32)
print(np.log(np.exp(x)))
#--- exp-scalar-float32
print(repr(np.exp(np.float32(1.0))))
print(repr(np.log(np.float32(10.0))))
#--- exp-2d-strided
x = np.arange(12, dtype=np.float32).reshape(3, 4) / 7
print(np.exp(x.T))
