# numpy's random functions as tutorials use them (hand-written idioms).
#--- seed-rand
np.random.seed(0)
print(np.random.rand(3))
#--- seed-randn-weights
np.random.seed(42)
W = np.random.randn(3, 2) * 0.01
b = np.zeros(2)
print(W)
print(b)
#--- xavier-init
np.random.seed(1)
W = np.random.randn(4, 3) / np.sqrt(4)
print(W)
#--- uniform-init
np.random.seed(3)
limit = np.sqrt(6 / (4 + 3))
print(np.random.uniform(-limit, limit, (4, 3)))
#--- normal-init
np.random.seed(7)
print(np.random.normal(0, 0.1, (2, 3)))
#--- randint-labels
np.random.seed(0)
y = np.random.randint(0, 10, size=8)
print(y)
#--- shuffle-in-place
np.random.seed(5)
x = np.arange(10)
np.random.shuffle(x)
print(x)
#--- permutation-indices
np.random.seed(0)
print(np.random.permutation(10))
#--- shuffle-two-arrays
np.random.seed(0)
X = np.arange(10).reshape(5, 2)
y = np.arange(5)
idx = np.random.permutation(len(X))
print(X[idx])
print(y[idx])
#--- minibatch-order
np.random.seed(1)
perm = np.random.permutation(12)
for i in range(0, 12, 4):
    print(perm[i:i + 4])
#--- dropout-mask
np.random.seed(2)
mask = np.random.rand(2, 4) > 0.5
print(mask)
#--- coin-flips
np.random.seed(0)
print(np.random.binomial(1, 0.5, 10))
#--- choice-sample
np.random.seed(0)
print(np.random.choice(['a', 'b', 'c'], 5))
#--- choice-weighted
np.random.seed(0)
print(np.random.choice(3, 10, p=[0.5, 0.3, 0.2]))
#--- state-replay
np.random.seed(0)
st = np.random.get_state()
a = np.random.rand(2)
np.random.set_state(st)
print(np.random.rand(2) == a)
#--- default-rng-normal
rng = np.random.default_rng(42)
print(rng.normal(0, 1, (2, 3)))
#--- default-rng-integers
rng = np.random.default_rng(0)
print(rng.integers(0, 10, size=5))
print(rng.integers(1, 7, size=5, endpoint=True))
#--- default-rng-random
rng = np.random.default_rng(12345)
print(rng.random(4))
print(rng.random((2, 2), dtype=np.float32))
#--- default-rng-choice
rng = np.random.default_rng(1)
print(rng.choice(10, 4, replace=False))
#--- default-rng-shuffle
rng = np.random.default_rng(3)
x = np.arange(6)
rng.shuffle(x)
print(x)
#--- default-rng-permuted
rng = np.random.default_rng(4)
print(rng.permuted(np.arange(9).reshape(3, 3), axis=1))
#--- default-rng-uniform
rng = np.random.default_rng(9)
print(rng.uniform(-1, 1, 5))
#--- noisy-line
np.random.seed(0)
x = np.linspace(0, 1, 5)
y = 2 * x + 1 + np.random.normal(0, 0.1, 5)
print(y)
#--- random-state-object
rs = np.random.RandomState(42)
print(rs.rand(3))
print(rs.randint(0, 5, 4))
#--- rand-scalar
np.random.seed(0)
print(np.random.rand())
print(np.random.randn())
#--- mean-of-many
np.random.seed(0)
print(np.random.rand(1000).mean())
#--- rng-alias-shares-state
rng = np.random.default_rng(5)
rng2 = rng
a = rng.random()
print(rng2.random())
#--- shuffle-a-view
x = np.arange(6).reshape(2, 3)
np.random.seed(0)
np.random.shuffle(x[1])
print(x)
#--- shuffle-rows-2d
np.random.seed(1)
x = np.arange(12).reshape(4, 3)
np.random.shuffle(x)
print(x)
#--- rng-shuffle-columns
rng = np.random.default_rng(2)
x = np.arange(12).reshape(3, 4)
rng.shuffle(x, axis=1)
print(x)
#--- gauss-cache-across-functions
np.random.seed(0)
a = np.random.randn(1)
print(np.random.normal(10, 1))
print(np.random.standard_normal())
#--- seed-resets-cache
np.random.seed(0)
a = np.random.randn(1)
np.random.seed(0)
print(np.random.randn(2))
#--- float32-buffer-carries
rng = np.random.default_rng(8)
print(rng.random(dtype=np.float32))
print(rng.random(dtype=np.float32))
print(rng.random(dtype=np.float32))
print(rng.integers(0, 100, 3))
print(rng.random(dtype=np.float32))
