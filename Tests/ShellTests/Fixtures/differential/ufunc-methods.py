# numpy's ufunc methods reduce / accumulate / outer on the binary ufuncs tutorials reach for
# (issue 9 §4): running maxima, logical folds, dtype rules, identities and numpy's errors.
#--- maximum-accumulate
print(np.maximum.accumulate(np.array([3, 1, 4, 1, 5, 9, 2, 6])))
#--- minimum-accumulate
print(np.minimum.accumulate(np.array([3, 1, 2])))
#--- maximum-accumulate-axis1
print(np.maximum.accumulate(np.array([[1, 5, 2], [7, 3, 8]]), axis=1))
#--- maximum-accumulate-axis0-float32
x = np.maximum.accumulate(np.array([[1, 5], [0, 7], [3, 2]], dtype=np.float32))
print(x, x.dtype)
#--- maximum-accumulate-nan
print(np.maximum.accumulate(np.array([1.0, np.nan, 3.0])))
#--- fmax-accumulate-nan
print(np.fmax.accumulate(np.array([1.0, np.nan, 3.0])))
#--- drawdown
prices = np.array([100., 110, 105, 120, 90, 95])
peak = np.maximum.accumulate(prices)
print(peak, (prices - peak) / peak)
#--- maximum-accumulate-int8-keeps
print(np.maximum.accumulate(np.array([1, -3, 4], dtype=np.int8)).dtype)
#--- add-accumulate-int8-upcasts
print(np.add.accumulate(np.array([100, 100, 100], dtype=np.int8)).dtype)
#--- add-accumulate-axis1
print(np.add.accumulate(np.arange(6).reshape(2, 3), axis=1))
#--- add-accumulate-dtype
print(np.add.accumulate(np.arange(4), dtype=float))
#--- multiply-accumulate
print(np.multiply.accumulate(np.arange(1, 6)))
#--- subtract-accumulate
print(np.subtract.accumulate(np.array([1, 2, 3])))
#--- divide-accumulate
print(np.divide.accumulate(np.array([8, 2, 2])))
#--- floor-divide-accumulate
print(np.floor_divide.accumulate(np.array([100, 3, 2])))
#--- logical-and-reduce
print(np.logical_and.reduce(np.array([True, False])))
#--- logical-and-reduce-ints
print(np.logical_and.reduce(np.array([5])), np.logical_and.reduce(np.array([1, 2, 0])))
#--- logical-or-reduce-axis1
print(np.logical_or.reduce(np.array([[1., 0], [0, 0]]), axis=1))
#--- logical-and-reduce-none
print(np.logical_and.reduce(np.arange(6).reshape(2, 3), axis=None))
#--- logical-and-reduce-masks
masks = [np.array([True, True, False]), np.array([True, False, False]), np.array([True, True, True])]
print(np.logical_and.reduce(masks), np.logical_or.reduce(masks))
#--- logical-and-reduce-empty
print(np.logical_and.reduce(np.zeros((0, 3)), axis=0), np.logical_or.reduce([]))
#--- logical-and-accumulate
print(np.logical_and.accumulate(np.array([1, 2, 0, 3])))
#--- logical-or-accumulate-axis1
print(np.logical_or.accumulate([[0, 1], [0, 0]], axis=1))
#--- logical-xor-accumulate
print(np.logical_xor.accumulate(np.array([1, 1, 0, 1])))
#--- logical-xor-reduce
print(np.logical_xor.reduce([True, True, True]))
#--- add-reduce-axis1
print(np.add.reduce(np.arange(6).reshape(2, 3), axis=1))
#--- add-reduce-axis-tuple
print(np.add.reduce(np.arange(6).reshape(2, 3), axis=(0, 1)))
#--- add-reduce-keepdims
print(np.add.reduce(np.arange(6).reshape(2, 3), 1, keepdims=True))
#--- add-reduce-list
print(np.add.reduce([1, 2, 3]))
#--- add-reduce-bools
print(np.add.reduce(np.array([True, True])))
#--- multiply-reduce-empty-int8
print(np.multiply.reduce(np.array([], dtype=np.int8)))
#--- add-reduce-empty-axis0
print(np.add.reduce(np.zeros((0, 3), dtype=np.int8), axis=0))
#--- maximum-reduce-nan
print(np.maximum.reduce(np.array([1, np.nan, 3])), np.fmax.reduce(np.array([1, np.nan, 3])))
#--- maximum-reduce-axis-tuple
print(np.maximum.reduce(np.arange(6).reshape(2, 3), axis=(0, 1)))
#--- minimum-reduce-axis1
print(np.minimum.reduce(np.array([[4, 2, 8], [1, 9, 3]]), axis=1))
#--- subtract-reduce
print(np.subtract.reduce(np.array([10, 2, 3])))
#--- divide-reduce
print(np.divide.reduce(np.array([8, 2, 2])))
#--- power-reduce
print(np.power.reduce(np.array([2, 3, 2])))
#--- bitwise-and-reduce
print(np.bitwise_and.reduce(np.array([7, 5, 6])), np.bitwise_or.reduce(np.array([1, 2, 4])), np.bitwise_xor.reduce(np.array([1, 3])))
#--- subtract-reduce-axis1
print(np.subtract.reduce(np.array([[10, 2, 3], [5, 5, 5]]), axis=1))
#--- logical-and-outer
print(np.logical_and.outer([True, False], [True, False]))
#--- multiply-outer
print(np.multiply.outer(np.arange(3), np.arange(2)))
#--- add-outer-2d
print(np.add.outer(np.array([[0, 10]]), np.arange(3)))
#--- subtract-outer-float
print(np.subtract.outer(np.array([1.5, 2.5]), np.array([1, 2, 3])))
#--- divide-outer
print(np.divide.outer(np.array([1, 2]), np.array([2, 4])))
#--- maximum-outer
print(np.maximum.outer(np.array([1, 5]), np.array([3, 4])))
#--- accumulate-empty
print(np.add.accumulate(np.zeros((2, 0)), axis=1).shape, np.maximum.accumulate(np.zeros((0, 2))).shape)
#--- err-subtract-not-reorderable
np.subtract.reduce(np.arange(6).reshape(2, 3), axis=None)
#--- err-maximum-empty
np.maximum.reduce(np.array([]))
#--- err-divide-empty
np.divide.reduce(np.array([]))
#--- err-accumulate-axis-none
np.add.accumulate(np.arange(6).reshape(2, 3), axis=None)
#--- err-accumulate-axis-bounds
np.minimum.accumulate(np.arange(6).reshape(2, 3), axis=2)
#--- err-subtract-accumulate-bool
np.subtract.accumulate(np.array([True, False]))
#--- err-accumulate-scalar
np.add.accumulate(np.float64(3))
