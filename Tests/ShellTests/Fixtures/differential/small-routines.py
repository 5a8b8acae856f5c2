# numpy's smaller routines (issue 9 §4): np.extract, np.trim_zeros, np.ediff1d, np.sinc,
# np.heaviside, np.ravel_multi_index, np.fromiter, with numpy's errors.
#--- extract
print(np.extract(np.arange(4) > 1, np.arange(4)))
#--- extract-2d
print(np.extract(np.array([[1, 0], [0, 1]]), np.arange(4).reshape(2, 2)))
#--- extract-short-condition
print(np.extract([1, 0, 1], np.arange(5)))
#--- trim-zeros
print(np.trim_zeros(np.array([0, 1, 2, 0])))
#--- trim-zeros-front-back
print(np.trim_zeros(np.array([0, 1, 2, 0]), 'f'), np.trim_zeros(np.array([0, 1, 2, 0]), 'b'))
#--- trim-zeros-all-zero
print(repr(np.trim_zeros(np.array([0, 0]))))
#--- trim-zeros-float
print(np.trim_zeros(np.array([0.0, 0.5, 0.0, 2.0, 0.0])))
#--- err-trim-zeros-trim
np.trim_zeros(np.array([0, 1, 0]), 'x')
#--- ediff1d
print(np.ediff1d(np.array([1, 2, 4])))
#--- ediff1d-ends
print(np.ediff1d(np.array([[1, 2], [4, 7]]), to_end=[9], to_begin=-1))
#--- ediff1d-float-end-array
print(np.ediff1d(np.array([1., 2, 4]), to_end=np.array([100, 200])))
#--- err-ediff1d-same-kind
np.ediff1d(np.array([1, 2, 4]), to_end=0.5)
#--- sinc
print(np.sinc(np.array([0., 0.5])))
#--- sinc-ints
print(np.sinc(np.array([0, 1, 2])))
#--- sinc-float32
print(np.sinc(np.array([0, 0.5, 1.5], dtype=np.float32)), np.sinc(np.array([0.25], dtype=np.float32)).dtype)
#--- sinc-linspace
print(np.sinc(np.linspace(-2, 2, 9)))
#--- heaviside
print(np.heaviside(np.array([-1., 0, 1]), 0.5))
#--- heaviside-ints
print(np.heaviside(np.array([-1, 0, 1]), 0.5), np.heaviside(np.array([-1, 0, 1]), 1))
#--- heaviside-nan
print(np.heaviside(np.array([np.nan, 0]), 2.0))
#--- heaviside-float32
print(np.heaviside(np.array([-2, 0, 3], dtype=np.float32), 0.5).dtype)
#--- ravel-multi-index
print(repr(np.ravel_multi_index((1, 2), (2, 3))))
#--- ravel-multi-index-arrays
print(np.ravel_multi_index(([0, 1], [2, 0]), (2, 3)))
#--- ravel-multi-index-wrap
print(np.ravel_multi_index((3, 2), (2, 3), mode='wrap'), np.ravel_multi_index((3, -1), (2, 3), mode='clip'))
#--- ravel-unravel
i = np.ravel_multi_index(([1, 0, 1], [0, 2, 1], [3, 3, 0]), (2, 3, 4))
print(i, np.unravel_index(i, (2, 3, 4)))
#--- err-ravel-multi-index
np.ravel_multi_index((2, 2), (2, 3))
#--- fromiter
print(np.fromiter(range(4), dtype=int))
#--- fromiter-generator
print(np.fromiter((x * x for x in range(4)), float))
#--- fromiter-count
print(np.fromiter(range(5), dtype=int, count=3))
#--- fromiter-float32
print(np.fromiter([0.5, 1.5], dtype=np.float32))
#--- err-fromiter-short
np.fromiter([1, 2], dtype=float, count=3)
#--- err-fromiter-dtype
np.fromiter(range(4))
