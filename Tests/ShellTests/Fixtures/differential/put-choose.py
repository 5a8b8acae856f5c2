# np.put / np.place / np.putmask (in place), np.choose, np.compress, np.lexsort (issue 9 §4),
# with numpy's errors.
#--- put
x = np.zeros(5); np.put(x, [0, 2], [1, 2]); print(x)
#--- put-cycles
x = np.arange(5); np.put(x, [0, 2, 4], [9]); print(x)
#--- put-wrap
x = np.arange(5); np.put(x, [7, -9], [9, 8], mode='wrap'); print(x)
#--- put-clip
x = np.arange(5); np.put(x, [7, -9], [9, 8], mode='clip'); print(x)
#--- put-2d-casts
x = np.arange(6).reshape(2, 3); np.put(x, [1, 5], [-1.7, 2]); print(x)
#--- put-empty-values
x = np.arange(5); np.put(x, [1], []); print(x)
#--- put-returns-none
x = np.arange(5); print(np.put(x, [], [1]))
#--- put-method
x = np.arange(5); x.put([0], [7]); print(x)
#--- put-negative
x = np.arange(5); np.put(x, [-1], 0); print(x)
#--- put-view
x = np.zeros((2, 3)); np.put(x[1], [0, 2], 5); print(x)
#--- err-put-bounds
x = np.arange(5); np.put(x, [7], [9])
#--- err-put-mode
x = np.arange(5); np.put(x, 1, 7, mode='bad')
#--- err-put-unchanged
x = np.arange(5)
try:
    np.put(x, [9, 0], [1, 2])
except IndexError as e:
    print(e)
print(x)
#--- place
x = np.zeros(5); np.place(x, x == 0, [7]); print(x)
#--- place-cycles
x = np.arange(6); np.place(x, x > 2, [10, 20]); print(x)
#--- place-2d
x = np.arange(6).reshape(2, 3); np.place(x, x % 2 == 0, [-1, -2]); print(x)
#--- place-nothing
x = np.arange(6); np.place(x, x > 9, []); print(x)
#--- err-place-empty
x = np.arange(6); np.place(x, x > 2, [])
#--- err-place-size
x = np.arange(6); np.place(x, [True, False], [1])
#--- putmask
x = np.arange(6); np.putmask(x, x > 2, [10, 20]); print(x)
#--- putmask-scalar
x = np.arange(5); np.putmask(x, x > 2, 0); print(x)
#--- putmask-empty-values
x = np.arange(6); np.putmask(x, x > 2, []); print(x)
#--- choose
print(np.choose([0, 1, 0], [[1, 2, 3], [4, 5, 6]]))
#--- choose-four
print(np.choose([2, 3, 1, 0], [[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23], [30, 31, 32, 33]]))
#--- choose-clip
print(np.choose([2, 4, 1, 0], [[0, 1, 2, 3], [10, 11, 12, 13]], mode='clip'))
#--- choose-wrap
print(np.choose([2, 4, 1, 0], [[0, 1, 2, 3], [10, 11, 12, 13]], mode='wrap'))
#--- choose-broadcast
print(np.choose(np.array([[1, 0], [0, 1]]), [-10, 10]))
#--- choose-promotes
print(np.choose([0, 1], [[1, 2], [3.5, 4]]))
#--- choose-scalar
print(repr(np.choose(1, [3, 4])))
#--- choose-method
print(np.array([0, 1, 0]).choose([[1, 2, 3], [4, 5, 6]]))
#--- err-choose-entry
np.choose([2, 4, 1, 0], [[0, 1, 2, 3], [10, 11, 12, 13]])
#--- err-choose-shapes
np.choose([0, 1], [[1, 2], [3, 4, 5]])
#--- compress
print(np.compress([True, False, True], np.arange(3)))
#--- compress-axis1
print(np.compress([0, 1], np.arange(6).reshape(3, 2), axis=1))
#--- compress-axis0
print(np.compress([False, True], np.arange(6).reshape(3, 2), axis=0))
#--- compress-flat
print(np.compress([False, True, True], np.arange(6).reshape(3, 2)))
#--- compress-short
print(np.compress([True], np.arange(6).reshape(2, 3), axis=1))
#--- compress-method
print(np.arange(5).compress([0, 1, 1]))
#--- err-compress-long
np.compress([1, 1, 1, 1], np.arange(3))
#--- err-compress-2d
np.compress([[True]], np.arange(3))
#--- err-compress-axis
np.compress([1, 0, 1], np.arange(6).reshape(3, 2), axis=2)
#--- lexsort
print(np.lexsort((np.array([1, 2, 1]), np.array([2, 1, 1]))))
#--- lexsort-one-key
print(np.lexsort(([3, 1, 2],)))
#--- lexsort-docs
print(np.lexsort([[1, 5, 1, 4, 3, 4, 4], [9, 4, 0, 4, 0, 2, 1]]))
#--- lexsort-nan
print(np.lexsort(np.array([[3., 1, np.nan], [1, 1, 1]])))
#--- lexsort-axis0
print(np.lexsort(np.array([[[1, 0], [0, 1]], [[0, 0], [1, 1]]]), axis=0))
#--- lexsort-names
surnames = np.array([3, 1, 3, 2]); first = np.array([1, 2, 0, 5])
idx = np.lexsort((first, surnames))
print(idx, surnames[idx], first[idx])
#--- err-lexsort-shapes
np.lexsort(([1, 2], [1, 2, 3]))
#--- err-lexsort-empty
np.lexsort([])
