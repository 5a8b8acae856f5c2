# np.triu_indices / np.tril_indices (issue 9 §4).
#--- triu-3
print(np.triu_indices(3))
#--- tril-3-below
print(np.tril_indices(3, -1))
#--- triu-k-m
print(np.triu_indices(3, 1, 4))
#--- tril-keywords
print(np.tril_indices(4, k=1, m=2))
#--- triu-empty
print(np.triu_indices(0))
#--- triu-k-below-everything
print(np.triu_indices(2, k=-5))
#--- triu-select-upper
a = np.arange(16).reshape(4, 4)
print(a[np.triu_indices(4, 1)])
#--- tril-assign-mirror
a = np.zeros((3, 3))
a[np.tril_indices(3)] = np.arange(1., 7.)
print(a)
