# numpy functions that call the user's Python function (issue 9 §4): np.vectorize,
# np.fromfunction, np.apply_along_axis; and np.errstate as a `with` block.
#--- vectorize-lambda
print(np.vectorize(lambda v: v * 2)(np.arange(3)))
#--- vectorize-scalar
print(repr(np.vectorize(lambda v: v * 2)(3)))
#--- vectorize-list-float
print(repr(np.vectorize(lambda v: v * 2)([1, 2.5])))
#--- vectorize-broadcast
f = np.vectorize(lambda a, b: a + b)
print(f([[1], [2]], [10, 20]))
#--- vectorize-first-result-fixes-dtype
g = np.vectorize(lambda x: x / 2 if x > 0 else 0)
print(g(np.array([0, 1, 3])), g(np.array([1, 0, 3])))
#--- vectorize-bool
print(np.vectorize(lambda x: x > 1)(np.arange(3)))
#--- vectorize-python-numbers
print(np.vectorize(lambda x: type(x).__name__ == 'int')(np.arange(2)))
#--- vectorize-otypes
h = np.vectorize(lambda x: x * 2, otypes=[float])
print(h([1, 2]))
#--- vectorize-otypes-string
print(np.vectorize(lambda x: x + 1, otypes='d')(np.arange(2)))
#--- vectorize-calls-first-twice
def p(x):
    print('call', x)
    return x
print(np.vectorize(p)(np.arange(2)))
#--- vectorize-keyword
print(np.vectorize(lambda x, n: x * n)(np.arange(3), n=2))
#--- vectorize-def
def clip01(x):
    if x < 0:
        return 0.0
    if x > 1:
        return 1.0
    return x
print(np.vectorize(clip01)(np.array([-0.5, 0.25, 2.0])))
#--- vectorize-2d
print(np.vectorize(lambda x: x % 3)(np.arange(6).reshape(2, 3)))
#--- err-vectorize-empty
np.vectorize(lambda x: x)(np.array([]))
#--- fromfunction
print(np.fromfunction(lambda i, j: i + j, (2, 3)))
#--- fromfunction-int-eq
print(np.fromfunction(lambda i, j: i == j, (2, 2), dtype=int))
#--- fromfunction-scalar-result
print(np.fromfunction(lambda i: 5, (2,)))
#--- fromfunction-def
def f(i, j):
    return 10 * i + j
print(np.fromfunction(f, (3, 2), dtype=int))
#--- apply-along-sum
print(np.apply_along_axis(np.sum, 1, np.arange(6).reshape(2, 3)))
#--- apply-along-double
print(np.apply_along_axis(lambda r: r * 2, 0, np.arange(6).reshape(2, 3)))
#--- apply-along-sort
print(np.apply_along_axis(lambda r: np.sort(r)[::-1], 1, np.array([[3, 1, 2], [9, 8, 7]])))
#--- apply-along-list
print(np.apply_along_axis(lambda r: [r.min(), r.max()], 1, np.arange(6).reshape(2, 3)))
#--- apply-along-args
print(np.apply_along_axis(lambda r, k: r[:k], -1, np.arange(6).reshape(2, 3), 2))
#--- apply-along-2d-result
print(np.apply_along_axis(lambda r: np.outer(r, r), 1, np.arange(4).reshape(2, 2)).shape)
#--- apply-along-mean
print(np.apply_along_axis(np.mean, 0, np.arange(6.).reshape(2, 3)))
#--- apply-along-first-dtype
print(np.apply_along_axis(lambda r: r[0] if r[0] else 0.5, 1, np.array([[0, 1], [2, 3]])))
#--- apply-along-3d
print(np.apply_along_axis(np.max, 1, np.arange(24).reshape(2, 3, 4)))
#--- err-apply-along-axis
np.apply_along_axis(np.sum, 2, np.arange(6).reshape(2, 3))
#--- err-apply-along-empty
np.apply_along_axis(np.sum, 1, np.zeros((0, 3)))
#--- errstate-divide
with np.errstate(divide='ignore'):
    print(np.log(np.array([0., 1])))
#--- errstate-all
with np.errstate(divide='ignore', invalid='ignore'):
    print(np.array([1., 0]) / np.array([0., 0]))
#--- errstate-as
with np.errstate(all='ignore') as e:
    print(e)
#--- err-errstate-keyword
np.errstate(foo='ignore')
#--- histogram-bins-list
print(np.histogram(np.array([1, 2, 1]), bins=[0, 1, 2, 3]))
#--- histogram-bins-array
print(np.histogram(np.array([1, 2, 1, 5]), bins=np.array([0, 1.5, 5])))
#--- histogram-bins-density
print(np.histogram(np.array([1., 2, 3, 4]), bins=[0, 2, 3], density=True))
#--- histogram-bins-weights
print(np.histogram(np.array([1., 2, 3, 4]), bins=[0, 2, 3], weights=np.array([1, 2, 3, 4.])))
#--- histogram-bins-range-ignored
print(np.histogram(np.array([0.5, 1, 2.5, 3]), bins=[0, 1, 2, 3], range=(0, 1)))
#--- histogram-bins-one-edge
print(np.histogram(np.array([1, 2]), bins=[1]))
#--- histogram-bins-outside-nan
print(np.histogram(np.array([-1., 0, 1, 2, np.nan, 9]), bins=[0, 1, 2]))
#--- err-histogram-bins-decreasing
np.histogram(np.array([1, 2]), bins=[3, 1])
#--- err-histogram-bins-2d
np.histogram(np.array([1, 2]), bins=[[1, 2]])
