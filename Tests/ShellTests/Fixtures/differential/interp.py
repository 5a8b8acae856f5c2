# np.interp (issue 9 §4).
#--- scalar
print(np.interp(2.5, [1, 2, 3], [3, 2, 0]))
#--- scalar-repr
print(repr(np.interp(2.5, [1, 2, 3], [3, 2, 0])))
#--- array-with-edges-and-nan
print(np.interp([0, 1, 1.5, 3, 4, np.nan], [1, 2, 3], [3, 2, 0]))
#--- left-right
print(np.interp([0, 4], [1, 2, 3], [3, 2, 0], left=-1, right=9))
#--- 2d-x
print(np.interp(np.array([[1.5, 2.25], [0.5, 3.5]]), [1, 2, 3], [3, 2, 0]))
#--- float32-inputs-give-float64
r = np.interp(np.float32(1.5), [1, 2, 3], np.array([3, 2, 0], dtype=np.float32))
print(repr(r))
#--- int-x-at-sample-point
print(np.interp(1, [1, 2, 3], [3, 2, 0]))
#--- infinite-fp
print(np.interp([1.5, 2, 2.5], [1, 2, 3], [3, np.inf, 0]))
#--- equal-infinite-ends
print(np.interp([1.5], [1, 2], [np.inf, np.inf]))
#--- single-sample-point
print(np.interp([0, 1, 2], [1], [5]))
#--- many-points-precision
x = np.linspace(0, 1, 7)
print(np.interp(x, [0, 0.3, 0.7, 1], [0, 1.1, -0.4, 2.2]))
#--- lr-schedule
print(np.interp([0, 50, 100, 550, 2000], [0, 100, 1000], [0, 1e-3, 1e-5]))
#--- period-degrees
print(np.interp([-180, -170, -185, 185, -10, -5, 0, 365], [190, -190, 350, -350], [5, 10, 3, 4], period=360))
#--- error-lengths
print(np.interp([0, 4], [1, 2, 3], [3, 2]))
#--- error-empty
print(np.interp([0, 4], [], []))
#--- error-2d-xp
print(np.interp([0, 4], [[1, 2]], [[3, 2]]))
#--- error-scalar-fp
print(np.interp(1, [1, 2, 3], 3))
#--- error-period-zero
print(np.interp([1, 2], [1, 2, 3], [3, 2, 0], period=0))
