# numpy's print options as tutorials use them (hand-written; generated ones are in printoptions-gen.py).
#--- precision-3
np.set_printoptions(precision=3)
print(np.array([3.14159265, 2.71828183, 1.41421356]))
#--- precision-2-matrix
np.set_printoptions(precision=2)
x = np.array([[0.123456, 1.5], [22.75, -3.0]])
print(x)
print(repr(x))
#--- suppress-small
np.set_printoptions(suppress=True)
print(np.array([1e-10, 1.5, 1000.0]))
#--- suppress-large-still-scientific
np.set_printoptions(suppress=True)
print(np.array([1e-10, 1e9]))
#--- suppress-precision
np.set_printoptions(precision=4, suppress=True)
print(np.array([0.000012345, 123.456789, -0.5]))
#--- threshold-small
np.set_printoptions(threshold=5)
print(np.arange(10))
print(repr(np.arange(10)))
#--- threshold-inf
np.set_printoptions(threshold=np.inf)
x = np.arange(1001)
print(x)
print(repr(x))
#--- threshold-edgeitems
np.set_printoptions(threshold=10, edgeitems=2)
print(np.arange(100).reshape(10, 10))
#--- edgeitems-zero
np.set_printoptions(threshold=3, edgeitems=0)
print(np.arange(10))
print(repr(np.arange(12).reshape(3, 4)))
#--- linewidth-narrow
np.set_printoptions(linewidth=30)
print(np.arange(20))
print(repr(np.arange(20.0)))
#--- linewidth-wide
np.set_printoptions(linewidth=200)
print(np.arange(50))
#--- sign-plus
np.set_printoptions(sign='+')
print(np.array([1.5, -2.0, 0.0]))
print(np.array([1, -2, 3]))
print(repr(np.array([np.nan, np.inf])))
#--- sign-space
np.set_printoptions(sign=' ')
print(np.array([1.5, 2.0]))
print(np.array([1, 2]))
print(np.array([1, -2]))
#--- floatmode-fixed
np.set_printoptions(floatmode='fixed', precision=4)
print(np.array([1.0, 0.5, 0.123456]))
#--- floatmode-unique
np.set_printoptions(floatmode='unique')
print(np.array([0.1, 1 / 3, 2.0]))
#--- floatmode-maxprec-equal
np.set_printoptions(floatmode='maxprec_equal')
print(np.array([1.0, 0.5, 0.125]))
print(np.array([1.1, 2.2], dtype=np.float32))
#--- float32-fixed-scientific
np.set_printoptions(floatmode='fixed', precision=3)
print(np.array([1e-7, 1.1, 3e6], dtype=np.float32))
#--- nanstr-infstr
np.set_printoptions(nanstr='NaN', infstr='Inf')
print(np.array([1.0, np.nan, -np.inf]))
#--- options-persist
np.set_printoptions(precision=2)
x = np.array([1.23456])
print(x)
np.set_printoptions(linewidth=40)
print(x)
#--- scalars-ignore-options
np.set_printoptions(precision=2)
x = np.array([1.23456, 2.5])
print(x[0])
print(repr(x[0]))
print(np.array(1.23456))
print(repr(np.array(1.23456)))
#--- softmax-probabilities
np.set_printoptions(precision=3, suppress=True)
z = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0]])
e = np.exp(z - z.max(axis=1, keepdims=True))
print(e / e.sum(axis=1, keepdims=True))
#--- array2string-separator
x = np.array([1.5, 2.25, 3.0])
print(np.array2string(x, separator=', '))
#--- array2string-precision
print(np.array2string(np.array([3.14159, 2.71828]), precision=2))
#--- array2string-prefix
x = np.arange(30)
print("x = " + np.array2string(x, prefix="x = "))
#--- array2string-suffix
print(np.array2string(np.arange(40), suffix=")"))
#--- array2string-sign-floatmode
print(np.array2string(np.array([0.5, -1.25]), sign='+', floatmode='fixed', precision=3))
#--- array2string-0d
print(np.array2string(np.array(2.5)))
print(np.array2string(np.array([], dtype=np.float32)))
#--- array-repr
print(np.array_repr(np.array([0.123456, 2.0]), precision=2))
print(np.array_repr(np.arange(30, dtype=np.int32), max_line_width=40))
#--- array-str
print(np.array_str(np.array([1e-8, 1.0]), suppress_small=True))
print(np.array_str(np.array([[1.5, 2.0], [3.0, 4.0]]), precision=1))
#--- array-str-0d
print(np.array_str(np.array(1.23456), precision=2))
#--- error-floatmode
np.set_printoptions(floatmode='short')
#--- error-sign
np.set_printoptions(sign='x')
#--- error-threshold-nan
np.set_printoptions(threshold=np.nan)
#--- error-precision-type
np.set_printoptions(precision=2.5)
#--- error-threshold-type
np.set_printoptions(threshold='many')
