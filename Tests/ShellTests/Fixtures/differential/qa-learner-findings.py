# Lines a learner pasted that printed something other than numpy 2.4 / CPython 3.11 printed
# (a QA pass of the previous stop): numpy scalars in sorted/min/max, f-string formatting of
# float32 values, ranges where numpy takes a sequence, and numpy 2's 0-d-only conversions.
#--- sorted-numpy-ints
a = np.array([3, 1, 2])
print(sorted(a), sorted(a, reverse=True), sorted(a, key=lambda v: -v))
#--- sorted-numpy-floats-and-mixed
b = np.array([2.5, -1.0, 0.5], dtype=np.float32)
print(sorted(b), sorted([np.int64(3), 1, np.float64(2.5)]))
#--- sorted-big-int64-exact
c = np.array([2**62 + 1, 2**62, 2**62 + 3])
print(sorted(c))
#--- fstring-float32
v = np.float32(0.1)
print(f"{v}", "{}".format(v), format(v, ""), f"{v:.3f}", str(v), f"{np.float16(0.1)}")
print(f"{np.float64(0.1)}", f"{np.int32(7)}", f"{np.bool_(True)}", f"{np.array(0.1, dtype=np.float32)}", f"{np.array([0.5, 1.5])}")
#--- fstring-loss-line
loss = np.float32(2.3025851)
print(f"loss {loss}", "loss {:.4f}".format(loss))
#--- range-as-array
print(np.array(range(3)), np.asarray(range(2, 9, 3)), np.array(range(0)).dtype, np.array([range(2), range(2)]))
print(np.sum(range(5)), np.mean(range(4)), np.array(range(5, 0, -2)))
#--- range-choice-seeded
np.random.seed(0)
print(np.random.choice(range(5), 3), np.random.choice(range(3), p=[0.1, 0.2, 0.7]))
#--- err-int-of-length-1-array
int(np.array([3.7]))
#--- err-float-of-length-1-array
float(np.array([[2.0]]))
#--- int-of-0d-array
print(int(np.array(3.7)), float(np.array(2)), int(np.float32(2.9)))
#--- ufunc-out-in-place
d = np.array([-7.5, 0.5, 9.0])
r = np.clip(d, -5, 5, out=d)
print(d, r is d)
a = np.arange(3.0)
print(np.add(a, 1, out=a), a, np.sqrt(a, out=np.zeros(3, np.float32)), np.add(1, 2, out=np.zeros(3)))
b = np.zeros((2, 3))
r = np.multiply(a, [[1], [2]], out=b)
print(b, np.negative(np.float64(2), out=np.zeros(())), np.less(a, 2, out=np.zeros(3)))
print(np.add(np.int8(100), np.int8(100), out=np.zeros((), np.int64)), np.add(a, a[::-1], out=a))
x = np.arange(6.0).reshape(2, 3)
r = x.clip(1, 4, out=x)
print(x, np.maximum(x, 2, out=(x,)) is x)
#--- err-ufunc-out-cast
i = np.arange(3)
np.sqrt(i, out=i)
#--- err-ufunc-out-clip-cast
i = np.arange(3)
np.clip(i, 0.5, 1.5, out=i)
#--- err-ufunc-out-shape
a = np.arange(3.0)
np.add(a, np.ones((2, 3)), out=a)
#--- err-ufunc-out-list
np.add(np.arange(3), 1, out=[0, 0, 0])
#--- err-ufunc-out-tuple
a = np.arange(3.0)
np.add(a, 1, out=(a, a))
#--- err-ufunc-out-readonly
a = np.arange(3.0)
a.flags.writeable = False
np.add(a, 1, out=a)
#--- err-ufunc-out-failed-changes-nothing
a = np.arange(3.0)
try:
    np.add(a, np.ones((2, 3)), out=a)
except ValueError as e:
    print(e)
print(a)
#--- format-zero-flag-with-alignment
print(f"{42:>08.2f}|{42:<08d}|{7:^05}|{'ab':08}|{'ab':>08}|{42:x>08d}|{-3:>08d}|{-3:08d}|{True:>05}|{42:=08d}|{42: >08d}")
print(f"{-2.5:^010.1f}|{12345:>08,}|{3:#>08x}|{3:%>08}|{0.5:>08%}|{float('inf'):<08}")
#--- diff-of-order-past-the-length
x = np.arange(5)
print(np.diff(x, 7), np.diff(x, 7).dtype, np.diff(np.array([True, False]), 4), np.diff(np.ones((2, 3)), 9, axis=0).shape)
#--- list-and-number-are-python
# A list meets a number: Python's TypeErrors, not numpy's broadcasting (that needs an array
# or a numpy scalar on one side).
for f in (lambda: [80, 90, 100] + 1, lambda: [0] * (3 / 3), lambda: [80, 90] / 10, lambda: 1 + [1],
          lambda: (1, 2) * 2.5, lambda: True + [1], lambda: [1] - 1, lambda: [2] ** 2, lambda: [3] % 2,
          lambda: [1] & 1, lambda: 2.0 * [1], lambda: [1, 2] < 3, lambda: (1,) + 1):
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)
print([1, 2] * np.int64(2), np.float64(0.5) + [1, 2], [1, 2] + np.array([1, 1]), [1, 2] * 2, [1] == 1)
#--- in-with-numpy-values
labels = np.array([0, 1, 2, 1])
seen = set()
for lab in labels:
    if lab not in seen:
        seen.add(lab)
print(sorted(int(s) for s in seen), len(seen))
print(np.argmax([0.1, 0.9]) in [1, 2], np.int64(4) in [4], np.float64(2.0) in {2: 'x'}, np.int32(7) in (1, 7))
a = np.arange(5)
print(3 in a, 10 in a, 2.0 in a, [1, 2] in np.array([[1, 2], [3, 4]]), 3 not in a, np.int64(4) in a)
s = np.array(['cat', 'dog'])
print('cat' in s, 'cow' in s, 'cat' not in s)
#--- maximum-minimum-signed-zero
x = np.array([-0.0, -1.0, 2.0])
print(np.maximum(x, 0.0), np.maximum(0.0, x), np.minimum(np.array([0.0]), -0.0), np.minimum(-0.0, np.array([0.0])))
print(np.maximum(np.float64(-0.0), 0.0), np.maximum(np.array([np.nan, 1.0]), np.array([1.0, np.nan])), np.minimum(np.array([np.nan]), 1.0))
print(np.fmax(np.array([-0.0]), 0.0), np.fmin(np.array([0.0]), -0.0), np.maximum.accumulate(np.array([-0.0, 0.0, -0.0])))
r = np.array([-0.0, 0.0]); np.maximum.at(r, [0, 1], [0.0, -0.0]); print(r)
#--- generator-closed-when-loop-leaves
def gen(tag):
    try:
        yield 1
        yield 2
    finally:
        print('cleanup', tag)
for v in gen('break'):
    print(v)
    break
print('after break')
def first():
    for v in gen('return'):
        return v
print(first())
try:
    for v in gen('error'):
        raise ValueError('boom')
except ValueError as e:
    print('caught', e)
g = gen('named')
for v in g:
    break
print('named still open', next(g))
#--- strings-to-numbers
print(repr(np.float64('3.5')), np.float64('3.5') * 2, repr(np.float32(' 1e3 ')), repr(np.int64('12')), repr(np.int8(' -7 ')))
print(repr(np.array(['1.5', '2'], dtype=float)), repr(np.array(['1', '2'], dtype=np.int32)), repr(np.array([['1_0', 'inf'], ['-nan', '1e400']], dtype=np.float64)))
print(repr(np.array(['1', '2']).astype(float)), repr(np.array(['1', '2']).astype(int)), repr(np.array(['x', '']).astype(bool)), repr(np.array(['1.5', '2']).astype(np.float32)))
print(repr(np.array(['abc', 'de']).astype('<U2')), repr(np.array([1, '2'], dtype=float)))
for f in (lambda: np.float64('abc'), lambda: np.array(['1.5']).astype(int), lambda: np.array(['300']).astype(np.int8), lambda: np.array(['']).astype(float)):
    try:
        print(f())
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
