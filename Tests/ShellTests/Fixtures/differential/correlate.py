# np.correlate against numpy: every mode, either sequence the longer (numpy swaps them and
# reverses the result, so 'same' is off centre), int/float/bool dtypes, and numpy's errors.
#--- default-valid
print(np.correlate([1, 2, 3], [0, 1, 0.5]))
print(np.correlate(np.array([1, 2, 3]), np.array([0, 1, 2])))
#--- modes
a = np.array([1.5, -2.0, 3.25, 0.5, 4.0])
v = np.array([0.25, 1.0, -1.5])
for mode in ['valid', 'same', 'full']:
    print(mode, np.correlate(a, v, mode), np.correlate(v, a, mode=mode))
#--- longer-second-all-lengths
for n in range(1, 6):
    for m in range(1, 6):
        a = np.arange(1, n + 1) * 1.1
        v = np.arange(m, 0, -1) * 0.7
        print(n, m, np.correlate(a, v, 'same'), np.correlate(a, v, 'full'), np.correlate(a, v))
#--- ints-and-bools
print(repr(np.correlate([1, 2], [1, 2, 3])), repr(np.correlate([True, False], [True])))
print(repr(np.correlate(np.array([1, 2, 3], dtype=np.int8), np.array([1, 1], dtype=np.int8), 'full')))
#--- matches-convolve-reversed
x = np.array([0.1, 0.2, 0.7, 0.4, 0.3, 0.9])
w = np.array([0.5, 0.3, 0.2])
print(np.array_equal(np.correlate(x, w, 'full'), np.convolve(x, w[::-1], 'full')))
#--- err-empty-first
np.correlate([], [1])
#--- err-empty-second
np.correlate([1], [])
#--- err-2d
np.correlate([[1, 2]], [1])
#--- err-0d
np.correlate(1, 2)
#--- err-mode
np.correlate([1, 2], [1], mode='bad')
