# np.select (issue 9 §4).
#--- basic
x = np.arange(6)
print(np.select([x < 2, x > 3], [x, x ** 2], -1))
#--- default-zero
c = np.arange(4)
print(np.select([c < 2, c > 2], [1, 2]))
#--- first-condition-wins
c = np.arange(4)
print(np.select([c < 3, c < 2], [c, c * 10], default=-1))
#--- weak-python-numbers-keep-float32
c = np.arange(4)
r = np.select([c < 2, c > 2], [1.5, np.float32(2)], 0)
print(r, r.dtype)
#--- float32-array-int-default
c = np.arange(4)
r = np.select([c < 2, c > 2], [np.ones(4, dtype=np.float32), 2], 0)
print(r, r.dtype)
#--- nan-default
c = np.arange(4)
print(np.select([c < 2], [1], np.nan))
#--- piecewise-2d
x = np.linspace(-1, 2, 6).reshape(2, 3)
print(np.select([x < 0, x > 1], [0, 1], x))
#--- scalar-conditions
print(np.select([True, False], [1, 2]))
#--- tuple-lists
c = np.arange(4)
print(np.select((c < 2, c < 3), (c, c * 10)))
#--- bool-choices
c = np.arange(3)
r = np.select([c > 0], [True], False)
print(r, r.dtype)
#--- error-lengths
c = np.arange(4)
print(np.select([c < 2], [1, 2], 0))
#--- error-empty
print(np.select([], [], 0))
#--- error-int-condition
c = np.arange(4)
print(np.select([c < 2, c], [1, 2], 0))
#--- error-shapes
c = np.arange(4)
print(np.select([c < 2], [np.arange(3)], 0))
