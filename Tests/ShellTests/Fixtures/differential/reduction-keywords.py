# numpy's reduction keywords (issue 9 §4): dtype=, where=, initial=, out= on sum/mean/std/var/
# prod/max/min/cumsum/cumprod, function and method forms, and numpy's errors.
#--- sum-dtype-float64
x = np.arange(6).reshape(2, 3)
print(repr(x.sum(dtype=np.float64)))
#--- sum-dtype-int8-wraps
x = np.arange(100, dtype=np.int32)
print(repr(np.sum(x, dtype=np.int8)))
#--- sum-dtype-float32-of-float64
x = np.array([0.1, 0.2, 0.3, 1e-8, 7.7])
print(repr(np.sum(x, dtype=np.float32)))
#--- sum-dtype-bool
x = np.arange(6).reshape(2, 3)
print(repr(np.sum(x, axis=0, dtype=bool)))
#--- sum-dtype-float64-of-float32-axis
x = (np.arange(24, dtype=np.float32).reshape(2, 3, 4) / 7).astype(np.float32)
print(repr(x.sum(axis=(0, 2), dtype=np.float64)))
#--- mean-dtype-float32
x = np.arange(6).reshape(2, 3)
print(repr(np.mean(x, dtype=np.float32)))
#--- mean-dtype-float64-axis
x = np.arange(6).reshape(2, 3)
print(repr(x.mean(axis=0, dtype=np.float64)))
#--- mean-dtype-int
x = np.arange(6).reshape(2, 3)
print(repr(np.mean(x, dtype=int)))
#--- mean-float32-dtype-float64
x = (np.arange(10, dtype=np.float32) / 3).astype(np.float32)
print(repr(x.mean(dtype=np.float64)))
#--- std-float32-dtype-float64
x = np.arange(6, dtype=np.float32).reshape(2, 3)
print(repr(x.std(dtype=np.float64)))
#--- var-float32-dtype-float64-axis
x = (np.arange(12, dtype=np.float32).reshape(3, 4) / 7).astype(np.float32)
print(repr(np.var(x, axis=1, dtype=np.float64, ddof=1)))
#--- std-float64-dtype-float32
x = np.array([1.1, 2.3, 5.8, 13.1])
print(repr(np.std(x, dtype=np.float32)))
#--- prod-dtype-float64
x = np.arange(1, 7).reshape(2, 3)
print(repr(x.prod(dtype=np.float64)))
#--- prod-dtype-float32-axis
x = np.arange(1, 7).reshape(2, 3)
print(repr(np.prod(x, axis=1, dtype=np.float32)))
#--- cumsum-dtype-float64
x = np.arange(6).reshape(2, 3)
print(repr(np.cumsum(x, dtype=np.float64)))
#--- cumsum-method-axis-dtype-float32
x = np.arange(6).reshape(2, 3)
print(repr(x.cumsum(axis=1, dtype=np.float32)))
#--- cumprod-dtype-int8
x = np.arange(1, 8)
print(repr(np.cumprod(x, dtype=np.int8)))
#--- cumsum-dtype-bool
print(repr(np.cumsum(np.array([0, 0, 2, 0]), dtype=bool)))
#--- sum-where
x = np.arange(6).reshape(2, 3)
print(repr(np.sum(x, where=x > 2)))
#--- sum-where-axis
x = np.arange(6).reshape(2, 3)
print(repr(x.sum(axis=1, where=x % 2 == 0)))
#--- sum-where-broadcast
x = np.arange(6.).reshape(2, 3)
print(repr(np.sum(x, axis=0, where=np.array([True, False, True]))))
#--- sum-where-int-list
x = np.arange(6).reshape(2, 3)
print(repr(np.sum(x, where=[[1, 0, 1], [1, 1, 1]])))
#--- sum-where-float-runs
x = np.array([0.1, 0.7, 1e16, 1.0, -1e16, 0.3, 2.2, 1e-3, 5.5, 0.9, 3.3])
m = np.array([True, True, False, True, True, True, False, True, True, True, True])
print(repr(np.sum(x, where=m)))
#--- sum-where-float32-long
x = (np.arange(300, dtype=np.float32) / 7).astype(np.float32)
print(repr(x.sum(where=(np.arange(300) % 5) != 3)))
#--- sum-where-2d-columns
x = (np.arange(40.) / 3).reshape(8, 5)
print(repr(x.sum(axis=0, where=x % 2 > 0.5)))
#--- sum-where-mismatch
x = np.arange(6).reshape(2, 3)
print(np.sum(x, where=np.array([True, False])))
#--- mean-where
x = np.arange(6.).reshape(2, 3)
print(repr(np.mean(x, where=x > 1)))
#--- mean-where-axis
x = np.arange(6).reshape(2, 3)
print(repr(np.mean(x, axis=0, where=x > 3)))
#--- mean-where-float32
x = (np.arange(12, dtype=np.float32) / 3).astype(np.float32).reshape(3, 4)
print(repr(x.mean(axis=1, where=x > 1)))
#--- std-where
x = np.arange(6).reshape(2, 3)
print(repr(np.std(x, where=x > 1)))
#--- var-where-axis-keepdims
x = np.arange(12.).reshape(3, 4)
print(repr(x.var(axis=1, where=x % 3 != 0, keepdims=True)))
#--- max-initial
x = np.arange(6).reshape(2, 3)
print(repr(np.max(x, initial=10)))
#--- max-initial-below
x = np.arange(6).reshape(2, 3)
print(repr(x.max(axis=1, initial=-1)))
#--- max-initial-float-to-int
x = np.arange(6).reshape(2, 3)
print(repr(x.max(initial=10.7)))
#--- min-initial-empty-axis
print(repr(np.min(np.zeros((0, 3)), axis=0, initial=5)))
#--- max-empty-initial
print(repr(np.max(np.array([]), initial=0)))
#--- max-empty-no-initial
print(np.max(np.array([])))
#--- max-where-needs-initial
x = np.arange(6).reshape(2, 3)
print(np.max(x, where=x > 2))
#--- max-where-initial
x = np.arange(6).reshape(2, 3)
print(repr(np.max(x, where=x < 4, initial=-1)))
#--- min-where-initial-axis
x = np.array([[3.5, -1.0, 2.0], [0.5, 7.0, -4.0]])
print(repr(x.min(axis=1, where=x > 0, initial=np.inf)))
#--- sum-initial
print(repr(np.sum(np.arange(10), initial=5)))
#--- sum-initial-float-axis
x = np.arange(6.).reshape(2, 3) / 10
print(repr(x.sum(axis=0, initial=0.3)))
#--- sum-initial-none
x = np.arange(6).reshape(2, 3)
print(repr(np.sum(x, initial=None)))
#--- prod-initial-where
x = np.arange(6).reshape(2, 3)
print(repr(np.prod(x + 1, initial=2, where=x > 1)))
#--- mean-initial-rejected
x = np.arange(6).reshape(2, 3)
print(np.mean(x, initial=3))
#--- cumsum-where-rejected
x = np.arange(6)
print(np.cumsum(x, where=x > 1))
#--- max-dtype-rejected
x = np.arange(6)
print(np.max(x, dtype=np.float64))
#--- sum-out
x = np.arange(6).reshape(2, 3)
o = np.zeros(3)
r = np.sum(x, axis=0, out=o)
print(repr(r)); print(repr(o))
#--- sum-out-int32
x = np.arange(6).reshape(2, 3)
o = np.zeros(3, dtype=np.int32)
r = np.sum(x, axis=0, out=o)
print(repr(o))
#--- sum-out-0d
o = np.zeros(())
print(repr(np.sum(np.arange(4), out=o)))
print(o)
#--- sum-out-float-into-int
o = np.zeros((), dtype=np.int64)
r = np.sum(np.array([1.5, 1.5]), out=o)
print(repr(o))
#--- mean-out-method
x = np.arange(6.).reshape(2, 3)
o = np.empty(2)
r = x.mean(axis=1, out=o)
print(o)
#--- max-out-keepdims
x = np.arange(6).reshape(2, 3)
o = np.zeros((2, 1), dtype=np.int64)
r = np.max(x, axis=1, keepdims=True, out=o)
print(o)
#--- std-out
x = np.arange(6.).reshape(2, 3)
o = np.zeros(3)
r = np.std(x, axis=0, out=o)
print(o)
#--- cumsum-out
x = np.arange(6).reshape(2, 3)
o = np.zeros((2, 3))
r = np.cumsum(x, axis=1, out=o)
print(o)
#--- cumsum-out-int8
o = np.zeros(6, dtype=np.int8)
print(repr(np.cumsum(np.arange(6), out=o)))
#--- cumsum-out-wrong-shape
x = np.arange(6).reshape(2, 3)
print(np.cumsum(x, axis=1, out=np.zeros((3, 3))))
#--- sum-out-wrong-ndim
x = np.arange(24).reshape(2, 3, 4)
print(np.sum(x, axis=0, out=np.zeros(2)))
#--- sum-out-wrong-ndim-all
x = np.arange(24).reshape(2, 3, 4)
print(np.sum(x, out=np.zeros(1)))
#--- sum-out-wrong-shape
x = np.arange(24).reshape(2, 3, 4)
print(np.sum(x, axis=0, out=np.zeros((4, 3))))
#--- sum-out-keepdims-wrong
x = np.arange(24).reshape(2, 3, 4)
print(np.sum(x, axis=1, keepdims=True, out=np.zeros((2, 3, 4))))
#--- sum-out-length-one
x = np.arange(24).reshape(2, 3, 4)
print(np.sum(x, axis=2, out=np.zeros((2, 1))))
#--- sum-out-not-array
x = np.arange(6)
print(np.sum(x, out=[1]))
#--- sum-out-unchanged-on-error
x = np.arange(6).reshape(2, 3)
o = np.ones(3)
try:
    r = np.sum(x, axis=1, out=o)
except ValueError as e:
    print(e)
print(o)
#--- std-dtype-tutorial-standardise
x = (np.arange(12, dtype=np.float32).reshape(4, 3) * 1.7).astype(np.float32)
mu = x.mean(axis=0, dtype=np.float64)
sd = x.std(axis=0, dtype=np.float64)
print(repr((x - mu) / sd))
