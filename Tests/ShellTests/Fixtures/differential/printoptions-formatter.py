# numpy's formatter= print option (np.set_printoptions, np.printoptions, np.array2string), as tutorials write it.
#--- float-lambda-percent
np.set_printoptions(formatter={"float": lambda v: "%.1f" % v})
print(np.array([0.123, 4.56]))
print(repr(np.array([0.123, 4.56])))
print(repr(np.array([0.123, 4.56], dtype=np.float32)))
print(np.array([1, 2]))
#--- float-format-method
np.set_printoptions(formatter={'float': '{: 0.3f}'.format})
x = np.array([[0.123456, -4.56], [1, 2]])
print(x)
print(repr(x))
print([x[0]])
#--- float-kind-summarised
np.set_printoptions(formatter={'float_kind': '{:.3f}'.format})
print(repr(np.linspace(0, 1, 2000)))
print(np.linspace(0, 1, 2000).reshape(40, 50))
#--- zero-d-repr-uses-formatter-str-does-not
np.set_printoptions(formatter={'float': lambda v: '%.3f' % v})
print(repr(np.array(1.5)))
print(np.array(1.5))
print(np.float64(1.5), repr(np.float64(1.5)))
print(np.array2string(np.array(2.25)))
#--- empty-arrays-skip-formatter
np.set_printoptions(formatter={'float': lambda v: 'x'})
print(np.array([]))
print(repr(np.zeros((0, 2))))
#--- reset-by-next-call
np.set_printoptions(formatter={'float': '{:.2f}'.format})
print(np.array([1 / 3]))
np.set_printoptions(precision=3)
print(np.array([1 / 3]))
#--- formatter-none-resets
np.set_printoptions(formatter={'float': '{:.2f}'.format})
np.set_printoptions(formatter=None)
print(np.array([1 / 3]))
#--- precision-ignored-under-formatter
np.set_printoptions(precision=2, formatter={'float': str})
print(np.array([1 / 3, 2.5]))
print(np.array([1 / 3, 2.5], dtype=np.float32))
#--- all-key
np.set_printoptions(formatter={'all': lambda x: 'v' + str(x)})
print(np.arange(3))
print(np.array([True, False]))
print(np.array([1.5, 2]))
print(np.array(['a', 'bc']))
print(repr(np.array(['a', 'bc'])))
#--- int-kind-hex-and-bool
np.set_printoptions(formatter={'int_kind': hex, 'bool': lambda b: 'Y' if b else 'N'})
print(np.arange(20, dtype=np.uint8), np.array([True, False]))
print(np.array([1.5]))
print(repr(np.arange(3, dtype=np.int32)))
#--- element-types
np.set_printoptions(formatter={'int': lambda x: type(x).__name__})
print(np.arange(3, dtype=np.int32), np.arange(2))
np.set_printoptions(formatter={'float_kind': lambda x: type(x).__name__})
print(np.arange(3, dtype=np.float16), np.arange(2.), np.arange(2, dtype=np.float32))
#--- specific-key-beats-kind-and-all
np.set_printoptions(formatter={'all': lambda x: 'A', 'float_kind': lambda x: 'K', 'float': lambda x: 'F', 'int': None})
print(np.arange(2.), np.arange(2), np.array([True]))
#--- str-kind
np.set_printoptions(formatter={'str_kind': lambda s: str(s).upper()})
print(np.array(['cat', 'dog']))
print(repr(np.array([['cat'], ['dog']])))
#--- numpystr-key
np.set_printoptions(formatter={'numpystr': lambda s: '<' + s + '>'})
print(np.array(['cat', 'dog']))
#--- multi-line-words
np.set_printoptions(formatter={'float': lambda x: 'a\nbb'})
print(np.arange(3.))
print(repr(np.arange(3.)))
print(np.arange(4.).reshape(2, 2))
#--- wrapping-with-wide-words
np.set_printoptions(formatter={'int': lambda x: '<%d>' % x * 3})
print(np.arange(12))
print(repr(np.arange(12)))
#--- non-ascii-widths
np.set_printoptions(formatter={'float': lambda x: '%.1f°' % x}, linewidth=30)
print(np.arange(10.))
print(repr(np.arange(10.)))
#--- printoptions-context-manager
x = np.array([0.5, 1 / 3])
with np.printoptions(formatter={'float': '{:.2f}'.format}):
    print(x)
print(x)
with np.printoptions(precision=3):
    print(x)
#--- array2string-formatter
x = np.array([0.5, 1 / 3, 10.0])
print(np.array2string(x, formatter={'float_kind': lambda x: "%.2f" % x}))
print(np.array2string(np.arange(3), formatter={'int': lambda x: hex(x)}))
print(np.array2string(x, separator=', ', formatter={'float': '{:+.1f}'.format}))
print(np.array2string(x, formatter=None))
#--- array2string-keeps-session-formatter
np.set_printoptions(formatter={'float': '{:.1f}'.format})
print(np.array2string(np.array([0.25, 0.75])))
print(np.array_repr(np.array([0.25, 0.75])))
print(np.array_str(np.array([0.25, 0.75]), precision=4))
#--- formatter-dict-read-at-print-time
f = {'float': '{:.1f}'.format}
np.set_printoptions(formatter=f)
f['float'] = '{:.3f}'.format
print(np.array([0.25]))
#--- non-string-result
np.set_printoptions(formatter={'float': lambda x: 3})
print(np.arange(3.))
#--- non-string-result-caught
np.set_printoptions(formatter={'float': lambda x: 3})
try:
    print(np.arange(3.))
except AttributeError as e:
    print('caught', e)
print(np.arange(3))
#--- empty-string-result
np.set_printoptions(formatter={'float': lambda x: ''})
print(np.arange(3.))
#--- not-a-dict
np.set_printoptions(formatter=3)
print('set')
print(np.arange(3.))
#--- unknown-key-ignored
np.set_printoptions(formatter={'foo': str})
print(np.arange(3.))
#--- formatter-raises
def bad(x):
    raise ValueError('no %s' % x)
np.set_printoptions(formatter={'float': bad})
s = 'kept'
try:
    s = str(np.array([1.5]))
except ValueError as e:
    print('caught', e)
print(s)
#--- fstring-and-percent
np.set_printoptions(formatter={'float': '{:.2f}'.format})
x = np.array([1 / 3, 2 / 3])
print(f"x = {x}")
print("x = %s" % (x,))
print("x = " + str(x))
#--- tutorial-probabilities
np.set_printoptions(formatter={'float': lambda x: "{0:0.3f}".format(x)})
probs = np.exp(np.array([1.0, 2.0, 3.0])) / np.sum(np.exp(np.array([1.0, 2.0, 3.0])))
print(probs)
print(probs.reshape(3, 1))
#--- nan-inf-through-formatter
np.set_printoptions(formatter={'float': '{:6.2f}'.format})
print(np.array([np.nan, np.inf, -np.inf, 1.0]))
