# numpy's floating-point error modes (seterr, geterr, errstate) and its abstract scalar
# classes (issubdtype, isinstance with np.integer/np.floating/...).
#--- geterr-default
print(np.geterr())
#--- seterr-returns-old
old = np.seterr(all='ignore')
print(old)
print(np.geterr())
_ = np.seterr(**old)
print(np.geterr())
#--- seterr-all-then-category
print(np.seterr(all='ignore', divide='warn'))
print(np.geterr())
#--- seterr-positional
_ = np.seterr('print')
print(np.geterr())
#--- seterr-none-keeps
_ = np.seterr(divide='log')
_ = np.seterr(divide=None, over='print')
print(np.geterr())
#--- seterr-bad-mode
_ = np.seterr(divide='foo')
#--- seterr-bad-mode-int
np.seterr(under=3)
#--- seterr-bad-keyword
np.seterr(foo='ignore')
#--- seterr-results-unchanged
_ = np.seterr(all='ignore')
print(np.array([1.0, 0.0]) / 0.0, np.log(np.array([0.0])))
#--- errstate-sets-and-restores
with np.errstate(over='log', invalid='ignore'):
    print(np.geterr())
print(np.geterr())
#--- errstate-restores-after-error
try:
    with np.errstate(all='ignore'):
        raise KeyError('k')
except KeyError:
    pass
print(np.geterr())
#--- errstate-bad-mode-at-enter
e = np.errstate(divide='foo')
print('constructed')
with e:
    print('inside')
#--- errstate-bad-keyword
np.errstate(foo='ignore')
#--- errstate-nested
with np.errstate(divide='ignore'):
    with np.errstate(divide='print'):
        print(np.geterr()['divide'])
    print(np.geterr()['divide'])
print(np.geterr()['divide'])
#--- abstract-classes-print
print(np.integer, np.floating, np.number, np.signedinteger, np.unsignedinteger, np.inexact, np.generic)
print(repr(np.integer))
#--- issubdtype-abstract
print(np.issubdtype(np.float32, np.floating), np.issubdtype('int8', np.signedinteger), np.issubdtype(np.uint8, np.unsignedinteger))
print(np.issubdtype(np.uint16, np.signedinteger), np.issubdtype(np.float16, np.inexact), np.issubdtype(np.int64, np.number))
print(np.issubdtype(np.int64, np.generic), np.issubdtype(np.bool_, np.generic), np.issubdtype(bool, np.number), np.issubdtype(np.bool_, np.integer))
#--- issubdtype-python-types
print(np.issubdtype(int, np.integer), np.issubdtype(float, np.integer), np.issubdtype(float, np.floating), np.issubdtype(bool, np.bool_))
#--- issubdtype-array-dtypes
x = np.arange(6).reshape(2, 3)
print(np.issubdtype(x.dtype, np.integer), np.issubdtype(x.dtype, np.floating), np.issubdtype((x / 2).dtype, np.floating))
print(np.issubdtype(x.astype(np.float32).dtype, np.number), np.issubdtype((x > 2).dtype, np.number))
#--- issubdtype-concrete
print(np.issubdtype(np.float64, np.float64), np.issubdtype(np.float32, np.float64), np.issubdtype(np.float32, 'float'))
print(np.issubdtype(np.dtype('float32'), 'float32'), np.issubdtype('f4', np.floating), np.issubdtype('u2', 'u2'))
#--- issubdtype-abstract-both
print(np.issubdtype(np.floating, np.inexact), np.issubdtype(np.integer, np.floating), np.issubdtype(np.signedinteger, np.number))
print(np.issubdtype(np.floating, np.float64), np.issubdtype(np.float64, np.number))
#--- issubdtype-none-is-float64
print(np.issubdtype(None, np.floating), np.issubdtype(None, np.integer))
#--- issubdtype-bad-name
np.issubdtype('foo', np.integer)
#--- issubdtype-array
np.issubdtype(np.array([1, 2]), np.integer)
#--- issubdtype-int-value
np.issubdtype(3, np.integer)
#--- isinstance-abstract
print(isinstance(np.float32(1), np.floating), isinstance(np.int8(1), np.integer), isinstance(np.uint8(1), np.signedinteger))
print(isinstance(1, np.integer), isinstance(1.5, np.floating), isinstance(np.float64(1), np.number), isinstance(np.bool_(1), np.generic))
print(isinstance(np.arange(3), np.number), isinstance(np.arange(3)[0], np.integer), isinstance(np.arange(3.0).sum(), np.floating))
#--- isinstance-abstract-tuple
print(isinstance(np.int32(2), (np.floating, np.integer)), isinstance(np.float16(2), (int, np.inexact)))
#--- tutorial-dtype-dispatch
def describe(a):
    if np.issubdtype(a.dtype, np.integer):
        return 'integers'
    elif np.issubdtype(a.dtype, np.floating):
        return 'floats'
    return 'other'
print(describe(np.arange(3)), describe(np.linspace(0, 1, 3)), describe(np.array([True])))
