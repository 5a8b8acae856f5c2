# numpy's surface as pasted scripts meet it (issue 9): np.shape/np.size/np.ndim on anything
# array-like, np.__version__, dtype attributes, numbers cast to unicode strings,
# np.get_printoptions, and the float errors numpy's scalar integer math, casts and empty means
# report (checked under np.errstate(...='raise'), since the recorder does not keep warnings).
#--- shape-size-ndim-of-lists-and-scalars
print(np.shape([[1, 2, 3], [4, 5, 6]]), np.size([[1, 2, 3], [4, 5, 6]]), np.ndim([[1, 2, 3], [4, 5, 6]]))
print(np.shape(7), np.size(7), np.ndim(7))
print(np.shape(2.5), np.ndim(True), np.size([]), np.shape([]), np.ndim([[]]))
print(np.shape((1, 2)), np.shape([(1, 2), (3, 4)]))
#--- shape-size-ndim-of-arrays
x = np.zeros((2, 3, 4))
print(np.shape(x), np.size(x), np.ndim(x))
print(np.size(x, 0), np.size(x, 1), np.size(x, -1), np.size(x, axis=2))
print(np.size(x, (0, 2)), np.size(x, [1, 2]), np.size(x, ()))
print(np.shape(x[0]), np.ndim(x[0, 0, 0]), np.shape(x[0, 0, 0]))
print(np.shape(np.float32(1.5)), np.size(np.int8(3)))
#--- shape-size-ndim-of-strings
print(np.shape('abc'), np.ndim('abc'), np.size('abc'))
print(np.shape(['a', 'bc']), np.ndim([['a'], ['b']]), np.size(np.array(['x', 'y', 'z'])))
print(np.shape(np.array([['a', 'b']])))
#--- size-axis-errors
x = np.zeros((2, 3))
for axis in [2, -3, 5]:
    try:
        np.size(x, axis)
    except Exception as e:
        print(type(e).__name__, e)
try:
    np.size(x, 1.5)
except TypeError as e:
    print(e)
print(x.shape)
#--- shape-of-ragged-list
np.shape([[1], [2, 3]])
#--- version-is-a-string
print(type(np.__version__).__name__)
print(np.__version__.split('.')[0] == '2')
print(tuple(int(p) for p in np.__version__.split('.')[:2]) >= (1, 20))
print(np.__version__)
#--- dtype-attributes-every-dtype
for t in [np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64, np.float16, np.float32, np.float64]:
    d = np.dtype(t)
    print(d.name, d.kind, d.char, d.str, d.itemsize, d.type, d.byteorder, d.num, d.alignment)
#--- dtype-attributes-of-arrays
x = np.arange(3, dtype=np.float32)
print(x.dtype.kind, x.dtype.char, x.dtype.str, x.dtype.type, x.dtype.name, x.dtype.itemsize)
print(repr(x.dtype.type(2.5)), x.dtype.type(2.5).dtype)
print(x.dtype.type is np.float32, x.dtype.type == np.float32, x.dtype == 'float32', x.dtype == np.float32, x.dtype == 'f4')
print(np.dtype('i2').kind, np.dtype('u4').char, np.dtype(float).str, np.dtype(int).type, np.dtype(bool).str)
print(isinstance(x[0], x.dtype.type), isinstance(x[0], np.dtype(np.float64).type))
print(x.dtype.descr, x.dtype.isnative, x.dtype.shape, x.dtype.ndim)
#--- dtype-kind-dispatch
def describe(a):
    if a.dtype.kind == 'f':
        return 'float'
    if a.dtype.kind in 'iu':
        return 'integer'
    if a.dtype.kind == 'b':
        return 'bool'
    return 'other'
print(describe(np.zeros(2)), describe(np.arange(2, dtype=np.uint8)), describe(np.array([True])), describe(np.array(['a'])))
#--- scalar-type-of-type
s = np.float32(1.5)
print(type(s), type(s) == np.float32, type(s)(3), repr(type(s)(3)))
print(np.array([1, 2]).astype(type(s)).dtype)
#--- astype-str-floats
a = np.array([1.5, 2]).astype(str)
print(a, a.dtype)
print(repr(a))
print(repr(np.array([0.1, 1e20, np.nan, -np.inf, 1e-05, 123456789.0, 1e16]).astype(str)))
print(repr(np.array([0.1, 1e20, 123456789.0, 1e16], dtype=np.float32).astype(str)))
print(repr(np.array([0.1, 65504, 1e-05], dtype=np.float16).astype(str)))
#--- astype-str-every-dtype-width
for t in [bool, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64, np.float16, np.float32, np.float64]:
    a = np.array([1, 0], dtype=t).astype(str)
    print(np.dtype(t).name, a.dtype, a, a.itemsize)
print(repr(np.array([-128, 127], dtype=np.int8).astype(str)))
print(repr(np.array([2**63 - 1, -2**63]).astype(str)))
#--- astype-str-widths-given
print(repr(np.array([1.5, 2]).astype('U2')))
print(repr(np.array([123, 4]).astype('<U2')))
print(repr(np.arange(6).reshape(2, 3).astype(str)))
print(repr(np.array(3).astype(str)))
print(repr(np.float64(2.5).astype(str)))
print(repr(np.int64(7).astype(str)))
#--- array-of-numbers-dtype-str
print(repr(np.array([1, 2], dtype=str)))
print(repr(np.array([1.5, 2], dtype=str)))
print(repr(np.array(np.array([1.5, 2]), dtype=str)))
print(repr(np.array(np.arange(3), dtype='U1')))
print(repr(np.asarray(np.array([True, False]), dtype=str)))
#--- strings-from-numbers-behave-as-strings
s = np.arange(3).astype(str)
print(s[0] + 'x', list(s), s == '1')
print(s.astype(int) + 1)
print(np.concatenate([s, np.array(['zz'])]))
#--- where-string-scalars
c = np.array([True, False, True])
print(repr(np.where(c, 'a', 'b')))
print(repr(np.where(c, 'yes', 'no')))
print(repr(np.where(np.array([[True], [False]]), 'ab', np.array(['c', 'dd', 'e']))))
print(repr(np.where([True, False], ['x', 'y'], 'zzz')))
print(np.where(np.arange(4) > 1, 'big', 'small'))
#--- where-string-and-number-array
print(repr(np.where([True, False], 'a', np.array([1, 2]))))
print(repr(np.where([True, False], np.array(['a', 'b']), np.array([1.5, 2]))))
print(repr(np.where([False, True], [1, 2], 'a')))
#--- where-string-and-python-number-fails
# numpy's DTypePromotionError is a TypeError.
for args in [('a', 1), (2.5, 'a'), (np.array(['a', 'b']), 2)]:
    try:
        np.where([True, False], *args)
    except TypeError as e:
        print(e)
#--- get-printoptions-defaults
print(np.get_printoptions())
o = np.get_printoptions()
print(sorted(o), o['precision'], o['threshold'], o['linewidth'])
#--- get-printoptions-after-set
np.set_printoptions(precision=3, threshold=20, sign='+', suppress=True, linewidth=100, edgeitems=2, floatmode='fixed', nanstr='NaN')
print(np.get_printoptions())
#--- get-printoptions-restore-idiom
saved = np.get_printoptions()
np.set_printoptions(precision=2)
print(np.array([1.23456]))
np.set_printoptions(**saved)
print(np.array([1.23456]))
print(np.get_printoptions() == saved)
#--- get-printoptions-formatter
f = {'float': lambda v: 'F'}
np.set_printoptions(formatter=f)
print(np.get_printoptions()['formatter'] is f, np.array([1.5]))
np.set_printoptions(formatter=None)
print(np.get_printoptions()['formatter'])
#--- printoptions-context-yields-options
with np.printoptions(precision=2) as opts:
    print(opts['precision'], np.array([1.23456]))
print(np.get_printoptions()['precision'], np.array([1.23456]))
#--- int-scalar-overflow-raise
with np.errstate(over='raise'):
    for f in [lambda: np.int64(2**62) * 4, lambda: np.uint8(200) + 100, lambda: np.uint8(0) - 1,
              lambda: np.int32(2**31 - 1) + 1, lambda: np.int64(-2**63) // -1,
              lambda: np.int8(-100) - np.int8(100), lambda: np.int16(300) * np.int16(300)]:
        try:
            print(repr(f()))
        except FloatingPointError as e:
            print('FloatingPointError', e)
#--- int-scalar-no-overflow
with np.errstate(all='raise'):
    print(repr(np.int8(100) + np.int16(100)), repr(np.int64(2**62) + (2**62 - 1)), repr(np.uint8(3) - 2))
    print(repr(np.int64(-2**63) % -1), repr(np.int64(7) // 2), repr(np.int64(-7) // 2), repr(np.int8(-128) * 1))
    print(repr(np.int32(5) * 2.5), repr(np.uint64(5) + np.int64(3)))
#--- int-scalar-divide-by-zero-raise
with np.errstate(divide='raise'):
    for f in [lambda: np.int64(7) // 0, lambda: np.int64(7) % 0, lambda: np.int32(7) // np.int32(0), lambda: np.uint8(3) % np.uint8(0)]:
        try:
            print(repr(f()))
        except FloatingPointError as e:
            print('FloatingPointError', e)
#--- int-scalar-overflow-ignored-and-values
with np.errstate(over='ignore', divide='ignore'):
    print(repr(np.int64(2**62) * 4), repr(np.uint8(200) + 100), repr(np.uint8(0) - 1), repr(np.int64(7) // 0), repr(np.int64(7) % 0))
#--- int-scalar-overflow-raise-leaves-workspace
x = np.int64(5)
try:
    with np.errstate(over='raise'):
        x = np.int64(2**62) * 4
except FloatingPointError as e:
    print(e)
print(repr(x))
#--- cast-invalid-raise
with np.errstate(invalid='raise'):
    for v, t in [(np.nan, np.int64), (np.inf, np.int32), (1e19, np.int64), (1e10, np.int16), (-np.inf, np.uint8),
                 (1e19, np.uint32), (np.nan, np.uint64), (1e20, np.uint64), (-1e19, np.uint64)]:
        try:
            print(np.array([v]).astype(t))
        except FloatingPointError as e:
            print(np.dtype(t).name, v, 'FloatingPointError', e)
#--- cast-valid-silent
with np.errstate(all='raise'):
    print(np.array([300.7, -1.5]).astype(np.uint8), np.array([5e9]).astype(np.int64), np.array([1e19]).astype(np.uint64))
    print(np.array([1e10, -1e10]).astype(np.int64), np.array([2.5, -2.5], dtype=np.float32).astype(np.int8), np.array([np.nan]).astype(bool))
#--- cast-uint32-large-silent
# numpy converts float64 to uint32 through a 64-bit conversion: 1e10 is silent.
with np.errstate(all='raise'):
    print(np.array([1e10, 5e9]).astype(np.uint32))
#--- cast-invalid-values
with np.errstate(invalid='ignore'):
    print(np.array([np.nan, np.inf, -np.inf]).astype(np.int64), np.array([np.nan]).astype(np.uint8))
#--- cast-overflow-float32-raise
with np.errstate(over='raise'):
    try:
        np.array([1e300]).astype(np.float32)
    except FloatingPointError as e:
        print(e)
#--- mean-of-empty-raise
with np.errstate(invalid='raise'):
    for f in [lambda: np.mean([]), lambda: np.array([]).mean(), lambda: np.zeros((0, 3)).mean(),
              lambda: np.zeros((0, 3)).mean(axis=0), lambda: np.mean(np.zeros((2, 0)), axis=1), lambda: np.mean([], keepdims=True)]:
        try:
            print(repr(f()))
        except FloatingPointError as e:
            print('FloatingPointError', e)
#--- mean-of-empty-values
with np.errstate(invalid='ignore'):
    print(repr(np.mean([])), repr(np.array([]).mean()), repr(np.zeros((0, 3)).mean(axis=0)), repr(np.zeros((3, 0)).mean(axis=0)))
    print(repr(np.array([], dtype=np.float32).mean()), repr(np.array([], dtype=np.int64).mean()))
#--- mean-not-empty-silent
with np.errstate(all='raise'):
    print(repr(np.zeros((3, 0)).mean(axis=0)), repr(np.mean([1.0, 2.0])), repr(np.arange(6).reshape(2, 3).mean(axis=1)))
#--- flat-read
a = np.arange(6).reshape(2, 3)
print(list(a.flat))
print(repr(a.flat[3]), repr(a.flat[-1]), repr(a.flat[1:4]), repr(a.flat[[0, 5, 5]]), repr(a.flat[::2]))
b = a.T
print(repr(b.flat[1]), list(b.flat), b.flat.base is b)
for v in np.array([[1.5, 2.0]]).flat:
    print(repr(v))
print(sum(a.flat), max(np.array([[3, 9], [4, 1]]).flat))
#--- flat-write
a = np.arange(6).reshape(2, 3)
a.flat[3] = 7
print(a)
a.flat[[0, 1]] = 10
print(a)
a.flat[1:5] = [-1, -2]
print(a)
a.flat[-1] = 2.9
print(a)
b = np.arange(6).reshape(2, 3).T
b.flat[1] = 100
print(b)
c = np.zeros(6)
c.flat[c == 0] = 4
print(c)
#--- flat-assign-all
a = np.zeros((2, 3))
a.flat = 5
print(a)
a.flat = [1, 2]
print(a)
b = np.arange(6).reshape(3, 2).T
b.flat = [7, 8, 9]
print(b)
v = np.arange(6)
w = v[::2]
w.flat = 0
print(v)
#--- flat-errors-leave-array
a = np.arange(6)
for f in [lambda: a.flat[10], lambda: a.flat[-7]]:
    try:
        f()
    except IndexError as e:
        print(e)
try:
    a.flat[10] = 1
except IndexError as e:
    print(e)
a.flags.writeable = False
try:
    a.flat[0] = 1
except ValueError as e:
    print(e)
try:
    a.flat = 1
except ValueError as e:
    print(e)
print(a)
#--- tolist-uint64-large
# uint64 values past int64's range are positive Python ints in tolist() and item().
with np.errstate(invalid='ignore'):
    u = np.array([1e19, -1.0, 7.0]).astype(np.uint64)
print(u.tolist(), u.item(1), u.reshape(3, 1).tolist(), type(u.tolist()[0]).__name__)
