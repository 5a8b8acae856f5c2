# Random sampling of string populations: np.random.choice / permutation / shuffle and the
# Generator's, on a string array and on a Python list of strings, seeded as numpy seeds.
#--- legacy-choice-list
np.random.seed(0)
print(np.random.choice(['a', 'b', 'c'], 5), np.random.randint(5, size=3))
#--- legacy-choice-array-p
np.random.seed(1)
labels = np.array(['cat', 'dog', 'bird'])
print(repr(np.random.choice(labels, size=(2, 3), p=[0.5, 0.3, 0.2])))
#--- legacy-choice-scalar
np.random.seed(2)
c = np.random.choice(['red', 'green'])
print(c, type(c))
#--- legacy-choice-no-replace
np.random.seed(3)
print(np.random.choice(['w', 'x', 'y', 'z'], 3, replace=False))
#--- legacy-choice-mixed-list
np.random.seed(4)
print(repr(np.random.choice([1, 'a', 2.5], 4)))
#--- legacy-permutation-shuffle
np.random.seed(5)
a = np.array(['x', 'yy', 'z', 'w'])
print(np.random.permutation(a), a)
np.random.shuffle(a)
print(a)
#--- randomstate
rs = np.random.RandomState(6)
print(rs.choice(['up', 'down'], 6), rs.permutation(['p', 'q', 'r']))
#--- generator
rng = np.random.default_rng(7)
a = np.array(['one', 'two', 'three', 'four'])
print(rng.choice(a, 3), rng.choice(['s', 't'], size=4), rng.permutation(a))
rng.shuffle(a)
print(a)
#--- view-shuffled-with-base
a = np.array(['a', 'b', 'c', 'd'])
v = a[1:]
np.random.seed(8)
np.random.shuffle(v)
print(a, v)
#--- err-choice-2d
np.random.choice(np.array([['a', 'b'], ['c', 'd']]), 2)
#--- err-choice-string
np.random.choice('abc', 2)
#--- err-generator-choice-string
rng = np.random.default_rng(0)
rng.choice('abc', 2)
