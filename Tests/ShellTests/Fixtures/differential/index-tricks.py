# numpy's index tricks (issue 9 §4): np.r_, np.c_, np.mgrid, np.ogrid, with numpy's errors.
#--- c-two-vectors
print(np.c_[np.array([1, 2, 3]), np.array([4, 5, 6])])
#--- c-float-columns
print(repr(np.c_[np.ones(3), np.zeros(3)]))
#--- c-rows-and-scalars
print(repr(np.c_[np.array([[1, 2, 3]]), 0, 0, np.array([[4, 5, 6]])]))
#--- c-slices
print(repr(np.c_[1:3, 4:6]))
#--- c-add-bias-column
X = np.arange(6.).reshape(3, 2)
print(np.c_[np.ones(X.shape[0]), X])
#--- r-arrays-and-scalars
print(repr(np.r_[np.array([1, 2, 3]), 0, 0, np.array([4, 5, 6])]))
#--- r-slice-and-scalar
print(repr(np.r_[1:4, 7]))
#--- r-float-scalar-promotes
print(repr(np.r_[np.array([1, 2]), 2.5]))
#--- r-int32-keeps-dtype
print(repr(np.r_[np.array([1, 2], dtype=np.int32), 3]))
#--- r-scalars-only
print(repr(np.r_[1.5, 2]))
#--- r-lists
print(repr(np.r_[[1, 2], [3.5]]))
#--- r-directive-0-2
print(repr(np.r_['0,2', [1, 2, 3], [4, 5, 6]]))
#--- r-directive-1-2-0
print(repr(np.r_['1,2,0', [1, 2, 3], [4, 5, 6]]))
#--- r-directive-axis
print(repr(np.r_['-1', np.ones((2, 2)), np.zeros((2, 1))]))
#--- r-directive-not-first
print(np.r_[[1], '0,2'])
#--- r-directive-unknown
print(np.r_['x', [1]])
#--- r-2d-axis0
print(repr(np.r_[np.eye(2), np.ones((1, 2))]))
#--- r-mismatch
print(np.r_[np.eye(2), np.ones((1, 3))])
#--- mgrid-2d
print(np.mgrid[0:2, 0:3])
#--- mgrid-steps
print(repr(np.mgrid[1:7:2, 5:0:-2]))
#--- mgrid-single
print(repr(np.mgrid[0:5]))
#--- mgrid-unpack
xx, yy = np.mgrid[0:3, 0:2]
print(xx + 10 * yy)
#--- ogrid-2d
print(np.ogrid[0:2, 0:3])
#--- ogrid-broadcast
a, b = np.ogrid[0:3, 0:4]
print(a * b)
#--- s-and-index-exp
print(np.s_[1:3], np.index_exp[2])
