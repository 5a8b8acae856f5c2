# np.seterr / np.errstate with 'raise': numpy's FloatingPointError, named after the ufunc (or
# "scalar <ufunc>" for numpy scalar arithmetic), first category in numpy's order.
#--- raise-log-zero
_ = np.seterr(all='raise')
np.log(np.array([1.0, 0.0]))
#--- raise-divide-operator
with np.errstate(divide='raise'):
    np.array([1.0, 2.0]) / 0
#--- raise-invalid-divide
with np.errstate(invalid='raise'):
    np.array([0.0]) / np.array([0.0])
#--- raise-order-divide-before-invalid
with np.errstate(all='raise'):
    np.log(np.array([0.0, -1.0]))
#--- raise-invalid-only
with np.errstate(invalid='raise'):
    print(np.log(np.array([0.0])))
    np.log(np.array([0.0, -1.0]))
#--- raise-overflow-exp
with np.errstate(over='raise'):
    np.exp(np.array([1000.0]))
#--- raise-overflow-multiply
with np.errstate(over='raise'):
    np.array([1e308]) * 10
#--- raise-scalar-divide
with np.errstate(divide='raise'):
    np.float64(1.0) / 0
#--- raise-scalar-multiply
with np.errstate(over='raise'):
    np.float64(1e308) * 10
#--- raise-scalar-float32-add
with np.errstate(over='raise'):
    np.float32(3e38) + np.float32(3e38)
#--- raise-ufunc-call-with-python-floats
with np.errstate(divide='raise'):
    np.divide(1.0, 0.0)
#--- raise-sqrt-negative
with np.errstate(invalid='raise'):
    np.sqrt(np.array([-1.0]))
#--- raise-power-half-is-sqrt
with np.errstate(invalid='raise'):
    np.array([-1.0, 1.0]) ** 0.5
#--- raise-power-minus-one-is-reciprocal
with np.errstate(divide='raise'):
    np.array([0.0, 1.0]) ** -1
#--- raise-floor-divide-int
with np.errstate(divide='raise'):
    np.array([1, 2]) // 0
#--- raise-remainder-int
with np.errstate(divide='raise'):
    np.array([1, 2]) % 0
#--- raise-inplace-divide
a = np.array([1.0, 0.0])
try:
    with np.errstate(divide='raise'):
        a /= 0
except FloatingPointError as e:
    print('caught', e)
#--- raise-caught-as-arithmetic-error
try:
    with np.errstate(all='raise'):
        np.arccos(np.array([2.0]))
except ArithmeticError as e:
    print(type(e).__name__, e)
#--- raise-inside-function
def f(x):
    return np.log(x)
with np.errstate(divide='raise'):
    try:
        f(np.array([0.0]))
    except FloatingPointError as e:
        print('caught', e)
#--- ignore-under-raise-all
_ = np.seterr(all='raise', divide='ignore')
print(np.log(np.array([0.0, 1.0])))
#--- nan-input-is-no-error
with np.errstate(all='raise'):
    n = np.array([np.nan, 1.0])
    print(n + 1, n * 2, np.exp(n), np.maximum(n, 0), n < 1, np.tanh(n))
#--- inf-times-zero-invalid
with np.errstate(invalid='raise'):
    np.array([np.inf]) * 0
#--- inf-floor-divide-invalid
with np.errstate(invalid='raise'):
    np.array([np.inf]) // 1
#--- raise-log-mode-without-errcall
with np.errstate(divide='log'):
    np.log(np.array([0.0]))
#--- warn-mode-values-unchanged
print(np.log(np.array([1.0, 0.0])), np.array([1, 2]) / 0, np.array([0.0]) / 0.0)
#--- underflow-raise
with np.errstate(under='raise'):
    np.array([1e-300]) * 1e-300
#--- matmul-no-error
with np.errstate(all='raise'):
    print(np.array([1.0, 1.0]) @ np.array([np.inf, 0.0]))
#--- int-divide-by-zero-raise-kinds
for f in (lambda: np.array([1, 2]) // 0, lambda: np.array([3]) % np.array([0]),
          lambda: np.fmod(np.array([3]), 0), lambda: np.divmod(np.array([3]), 0),
          lambda: np.int64(1) // 0, lambda: np.array([-2**63]) // -1,
          lambda: np.array([-128], dtype=np.int8) // np.int8(-1), lambda: np.array([True]) // False):
    try:
        with np.errstate(all='raise'):
            print(f())
    except FloatingPointError as e:
        print('FloatingPointError', e)
#--- int-silent-cases
with np.errstate(all='raise'):
    print(np.array([-2**63]) % -1, np.fmod(np.array([-2**63]), -1), np.array([7, -7]) // 2, np.array([7, -7]) % -3)
