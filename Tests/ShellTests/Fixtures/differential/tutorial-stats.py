#--- st-basic
x = np.array([4, 8, 15, 16, 23, 42])
print(x.sum(), x.mean(), x.std(), x.var())
print(x.min(), x.max(), x.argmin(), x.argmax())
#--- st-print-mean-fstring
x = np.array([1.0, 2.0, 4.0])
print(f"mean={x.mean():.3f}, std={x.std():.3f}")
print("mean: {:.2f}".format(x.mean()))
print("sum is", x.sum())
#--- st-ddof
x = np.array([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])
print(np.std(x))
print(np.std(x, ddof=1))
print(np.var(x, ddof=1))
#--- st-axis-means
scores = np.array([[90, 80, 70], [60, 75, 85]])
print(scores.mean(axis=0))
print(scores.mean(axis=1))
print(scores.mean())
#--- st-axis-tuple
x = np.arange(24).reshape(2, 3, 4)
print(x.sum(axis=(0, 2)))
print(x.mean(axis=(1, 2)))
print(np.max(x, axis=(0, 1)))
#--- st-keepdims
x = np.arange(6).reshape(2, 3)
print(x.sum(axis=1, keepdims=True))
print(x.max(axis=0, keepdims=True).shape)
#--- st-cumsum-cumprod
x = np.array([1, 2, 3, 4])
print(np.cumsum(x))
print(np.cumprod(x))
print(np.cumsum(np.arange(6).reshape(2, 3), axis=0))
#--- st-prod
print(np.prod([1, 2, 3, 4]))
print(np.prod(np.array([[1.0, 2.0], [3.0, 4.0]]), axis=1))
#--- st-diff
x = np.array([1, 4, 9, 16, 25])
print(np.diff(x))
print(np.diff(x, n=2))
#--- st-gradient
y = np.array([1.0, 2.0, 4.0, 7.0, 11.0])
print(np.gradient(y))
#--- st-corrcoef
x = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
y = np.array([2.0, 4.0, 5.0, 4.0, 5.0])
print(np.corrcoef(x, y))
print(round(np.corrcoef(x, y)[0, 1], 4))
#--- st-cov
x = np.array([[0, 2], [1, 1], [2, 0]]).T
print(np.cov(x))
#--- st-percentile
x = np.arange(1, 11)
print(np.percentile(x, 50))
print(np.percentile(x, [10, 90]))
print(np.quantile(x, 0.25))
#--- st-average-weights
x = np.array([1.0, 2.0, 3.0])
w = np.array([3.0, 1.0, 1.0])
print(np.average(x, weights=w))
print(np.average(x))
#--- st-ptp
x = np.array([[4, 9, 2], [3, 5, 7]])
print(np.ptp(x))
print(np.ptp(x, axis=1))
#--- st-sort
x = np.array([3, 1, 2])
print(np.sort(x))
print(x)
x.sort()
print(x)
m = np.array([[3, 1], [0, 2]])
print(np.sort(m, axis=0))
print(np.sort(m, axis=None))
#--- st-argsort
x = np.array([0.3, 0.1, 0.2])
idx = np.argsort(x)
print(idx)
print(x[idx])
#--- st-all-any
x = np.array([[True, False], [True, True]])
print(x.all())
print(x.any())
print(x.all(axis=0))
print(np.any(x, axis=1))
#--- st-nonzero
x = np.array([[0, 1], [2, 0]])
print(np.nonzero(x))
print(np.count_nonzero(x))
print(np.argwhere(x))
print(np.flatnonzero(x))
#--- st-histogram
x = np.array([1, 2, 2, 3, 3, 3, 4])
counts, edges = np.histogram(x, bins=3)
print(counts)
print(edges)
#--- st-histogram-range
x = np.array([0.1, 0.4, 0.5, 0.9, 0.95])
print(np.histogram(x, bins=2, range=(0, 1)))
#--- st-unique
x = np.array([3, 1, 3, 2, 1])
print(np.unique(x))
print(len(np.unique(x)))
#--- st-max-min-nan
x = np.array([1.0, np.nan, 3.0])
print(np.max(x))
print(np.nanmax(x))
print(np.nanargmax(x))
#--- st-maximum-vs-max
a = np.array([1, 5, 3])
b = np.array([4, 2, 6])
print(np.maximum(a, b))
print(np.max(a))
print(max(1, 5))
print(max(a))
#--- st-builtin-sum-vs-np
x = np.arange(5)
print(sum(x))
print(np.sum(x))
print(sum([0.1] * 10))
print(np.sum([0.1] * 10))
#--- st-round
x = np.array([0.5, 1.5, 2.5, -0.5, 1.2345])
print(np.round(x))
print(np.round(x, 2))
print(np.around(1.2345, 2))
print(round(2.5))
#--- st-floor-ceil
x = np.array([-1.5, -0.5, 0.5, 1.5])
print(np.floor(x))
print(np.ceil(x))
print(np.trunc(x))
#--- st-abs-sign
x = np.array([-2, 0, 3])
print(np.abs(x))
print(np.sign(x))
print(np.absolute(-3.5))
#--- st-exp-log
x = np.array([1.0, 2.0, 3.0])
print(np.exp(x))
print(np.log(np.exp(x)))
print(np.log2(8))
print(np.log10(1000))
print(np.expm1(1e-10))
#--- st-power
x = np.arange(5)
print(np.power(x, 2))
print(x ** 0.5)
print(2 ** x)
print(np.power(2.0, -1))
#--- st-trig
x = np.array([0, np.pi / 6, np.pi / 4, np.pi / 2])
print(np.sin(x))
print(np.cos(x))
print(np.degrees(x))
print(np.arctan2(1.0, 1.0))
#--- st-hyperbolic
x = np.array([-1.0, 0.0, 1.0])
print(np.sinh(x))
print(np.cosh(x))
print(np.arctanh(0.5))
#--- st-mod
x = np.array([-7, -3, 3, 7])
print(x % 3)
print(np.mod(x, 3))
print(np.fmod(x, 3))
print(np.remainder(x, -3))
print(-7 % 3, -7 // 3)
#--- st-float-repr
print(np.float64(0.1) + np.float64(0.2))
print(np.float32(0.1))
print(np.array([0.1, 0.2]).sum())
print(1 / 3)
print(np.float64(1) / 3)
#--- st-scalar-types
x = np.array([1, 2, 3])
print(type(x.sum()))
print(type(x.mean()))
print(x.sum() + 1)
print(type(x[0]).__name__)
#--- st-large-small-printing
x = np.array([1e-10, 1.0, 1e10])
print(x)
print(np.array([1e-5, 1.0]))
print(np.array([123456789.0, 1.5]))
#--- st-printoptions
np.set_printoptions(precision=3, suppress=True)
x = np.array([1e-8, 0.123456, 1234.5678])
print(x)
#--- st-printoptions-precision
np.set_printoptions(precision=2)
print(np.array([3.14159, 2.71828]))
print(np.pi)
#--- st-array2string
x = np.array([0.1234, 5.6789])
print(np.array2string(x, precision=2))
print(np.array2string(x, separator=', '))
#--- st-repr
x = np.array([1, 2, 3])
print(repr(x))
print(repr(np.array([1.5, 2.0])))
print(repr(np.zeros((2, 2), dtype=np.float32)))
print([x])
#--- st-bool-printing
x = np.array([1, 2, 3]) > 2
print(x)
print(repr(x))
print(x.dtype)
#--- st-empty-printing
x = np.array([])
print(x)
print(x.shape, x.dtype)
print(np.zeros((0, 3)))
print(repr(np.zeros((2, 0))))
#--- st-str-scalar
x = np.float64(3.0)
print(x, str(x), repr(x))
print(np.int64(7), repr(np.int64(7)))
#--- st-median-even
print(np.median(np.array([1, 2, 3, 4])))
print(np.median(np.array([[1, 5, 2], [8, 3, 4]]), axis=1))
#--- st-mean-int-dtype
x = np.array([1, 2, 3, 4], dtype=np.int32)
print(x.mean())
print(x.sum().dtype)
print(np.mean(x, dtype=np.float32))
#--- st-sum-bool
mask = np.array([True, True, False])
print(mask.sum())
print(mask.mean())
print(np.sum(mask).dtype)
#--- st-argmax-ties
x = np.array([1, 3, 3, 2])
print(np.argmax(x))
print(np.argmin(np.array([[4, 1], [1, 0]])))
print(np.unravel_index(np.argmax(np.array([[1, 9], [5, 2]])), (2, 2)))
#--- st-searchsorted
a = np.array([1, 3, 5, 7])
print(np.searchsorted(a, 4))
print(np.searchsorted(a, [0, 5, 8]))
print(np.searchsorted(a, 5, side='right'))
