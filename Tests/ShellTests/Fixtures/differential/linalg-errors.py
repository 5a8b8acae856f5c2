# np.linalg.LinAlgError (issue 9 §4): numpy's linear-algebra failures are LinAlgError, a
# ValueError, catchable as `except np.linalg.LinAlgError:`.
#--- inv-singular-caught
try:
    np.linalg.inv(np.zeros((2, 2)))
except np.linalg.LinAlgError as e:
    print("caught:", e)
#--- solve-singular-caught-as-valueerror
try:
    np.linalg.solve(np.ones((2, 2)), np.ones(2))
except ValueError as e:
    print("ValueError:", e)
#--- inv-singular-uncaught
print(np.linalg.inv(np.array([[1., 2.], [2., 4.]])))
#--- inv-not-square
print(np.linalg.inv(np.ones((2, 3))))
#--- det-1d
print(np.linalg.det(np.ones(3)))
#--- cholesky-not-positive-definite
try:
    np.linalg.cholesky(np.array([[1., 2.], [2., 1.]]))
except np.linalg.LinAlgError as e:
    print(type(e).__name__, e)
#--- pinv-fallback-pattern
A = np.array([[1., 2.], [2., 4.]])
try:
    Ainv = np.linalg.inv(A)
except np.linalg.LinAlgError:
    Ainv = np.linalg.pinv(A)
print(Ainv)
#--- linalgerror-not-caught-by-typeerror
try:
    try:
        np.linalg.inv(np.zeros((3, 3)))
    except TypeError:
        print("wrong handler")
except Exception as e:
    print(type(e).__name__, e)
