# np.partition / np.argpartition / x.partition (issue 9 §4). numpy leaves the order within each
# side of kth unspecified (it differs between CPUs: x86-simd-sort on AVX-512), so these cases
# print only what numpy defines: the kth element, the sides' bounds, and the sides as sets.
#--- partition-kth
a = np.array([9, 1, 8, 2, 7, 3, 6, 4, 5, 0, 15, 11, 13, 12, 14, 10, 19, 17, 18, 16])
p = np.partition(a, 7)
print(p[7], (p[:7] <= p[7]).all(), (p[8:] >= p[7]).all(), np.sort(p[:7]), np.sort(p[8:]))
#--- partition-negative-kth
a = np.array([0.5, -1.0, 3.25, 2.0, 9.0, -4.5, 1.5])
p = np.partition(a, -2)
print(p[-2], (p[:-2] <= p[-2]).all(), p[-1] >= p[-2], p.dtype)
#--- partition-several-kth
a = np.array([5, 1, 4, 2, 3, 9, 7, 8, 6])
p = np.partition(a, (1, 5))
print(p[1], p[5], np.sort(p[:1]), np.sort(p[2:5]), np.sort(p[6:]))
#--- partition-axis0
a = np.array([[3, 9], [1, 8], [2, 7]])
p = np.partition(a, 1, axis=0)
print(p[1], (p[0] <= p[1]).all(), (p[2] >= p[1]).all())
#--- partition-axis-none
a = np.array([[3, 9], [1, 8], [2, 7]])
p = np.partition(a, 4, axis=None)
print(p.shape, p[4], np.sort(p[:4]), np.sort(p[5:]))
#--- argpartition-top3
a = np.array([3, 4, 2, 1, 9, 0])
print(np.sort(a[np.argpartition(a, -3)[-3:]]))
#--- argpartition-kth
a = np.array([10., 40., 20., 30., 50., 0.])
i = np.argpartition(a, 2)
print(a[i[2]], sorted(a[i[:2]].tolist()), sorted(a[i[3:]].tolist()), i.dtype)
#--- argpartition-method-2d
a = np.array([[5, 2, 8, 1], [7, 3, 6, 4]])
i = a.argpartition(1, axis=1)
v = np.take_along_axis(a, i, axis=1)
print(v[:, 1], (v[:, :1] <= v[:, 1:2]).all(), (v[:, 2:] >= v[:, 1:2]).all())
#--- partition-in-place
x = np.array([3, 4, 2, 1, 9, 0, 5])
print(x.partition(3), x[3], (x[:3] <= 3).all(), (x[4:] >= 3).all(), np.sort(x[:3]))
#--- partition-in-place-view
x = np.array([[3, 1, 2], [9, 7, 8]])
x[1].partition(0)
print(x[0], x[1, 0], sorted(x[1, 1:].tolist()))
#--- err-partition-kth-bounds
np.partition(np.arange(3), 5)
#--- err-partition-kth-negative-bounds
np.argpartition(np.arange(3), -4)
#--- err-partition-axis
np.partition(np.arange(3), 0, axis=1)
