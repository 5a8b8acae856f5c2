#--- rs-seed-rand
np.random.seed(0)
print(np.random.rand(3))
#--- rs-seed-rand-2d
np.random.seed(42)
print(np.random.rand(2, 3))
#--- rs-seed-randn
np.random.seed(0)
print(np.random.randn(2, 2))
#--- rs-randn-scalar
np.random.seed(1)
x = np.random.randn()
print(x)
print(type(x))
#--- rs-randint
np.random.seed(0)
print(np.random.randint(10))
print(np.random.randint(0, 10, size=5))
print(np.random.randint(1, 7, size=(2, 3)))
#--- rs-randint-dice
np.random.seed(2024)
rolls = np.random.randint(1, 7, size=1000)
print(rolls[:10])
print(np.bincount(rolls)[1:])
print(rolls.mean())
#--- rs-normal
np.random.seed(0)
x = np.random.normal(loc=5.0, scale=2.0, size=(3,))
print(x)
#--- rs-normal-stats
np.random.seed(123)
x = np.random.normal(0, 1, 10000)
print(f"{x.mean():.4f} {x.std():.4f}")
#--- rs-uniform
np.random.seed(7)
print(np.random.uniform(-1, 1, size=4))
print(np.random.uniform(size=2))
#--- rs-random-sample
np.random.seed(3)
print(np.random.random(3))
print(np.random.random_sample((2, 2)))
#--- rs-choice
np.random.seed(0)
print(np.random.choice(5, 3))
print(np.random.choice(5, 3, replace=False))
print(np.random.choice([10, 20, 30], size=4, p=[0.5, 0.25, 0.25]))
#--- rs-choice-list-str
np.random.seed(1)
print(np.random.choice(['a', 'b', 'c']))
#--- rs-choice-too-many
np.random.seed(0)
print(np.random.choice(3, 5, replace=False))
#--- rs-choice-bad-p
np.random.seed(0)
print(np.random.choice(3, p=[0.5, 0.2, 0.2]))
#--- rs-permutation
np.random.seed(10)
print(np.random.permutation(10))
print(np.random.permutation([1, 4, 9, 12, 15]))
#--- rs-permutation-2d
np.random.seed(11)
print(np.random.permutation(np.arange(9).reshape((3, 3))))
#--- rs-shuffle-list
np.random.seed(5)
arr = np.arange(10)
np.random.shuffle(arr)
print(arr)
#--- rs-seed-repro
np.random.seed(99)
a = np.random.rand(3)
np.random.seed(99)
b = np.random.rand(3)
print(np.array_equal(a, b))
print(a == b)
#--- rs-binomial
np.random.seed(0)
print(np.random.binomial(10, 0.5, size=8))
print(np.random.binomial(1, 0.3, size=(2, 5)))
#--- rs-coin-flips
np.random.seed(4)
flips = np.random.rand(20) < 0.5
print(flips.astype(int))
print(flips.sum())
#--- rs-standard-normal
np.random.seed(8)
print(np.random.standard_normal(4))
print(np.random.standard_normal((2, 2)))
#--- rs-default-rng-random
rng = np.random.default_rng(42)
print(rng.random(3))
#--- rs-default-rng-normal
rng = np.random.default_rng(0)
print(rng.normal(size=4))
print(rng.normal(10, 2, size=(2, 2)))
#--- rs-default-rng-integers
rng = np.random.default_rng(12345)
print(rng.integers(low=0, high=10, size=5))
print(rng.integers(5, size=(2, 3)))
print(rng.integers(1, 7, endpoint=True, size=4))
#--- rs-default-rng-choice
rng = np.random.default_rng(1)
print(rng.choice(10, size=3, replace=False))
print(rng.choice(np.array([1.5, 2.5, 3.5]), 2))
#--- rs-default-rng-permutation
rng = np.random.default_rng(2)
print(rng.permutation(6))
x = np.arange(6)
rng.shuffle(x)
print(x)
#--- rs-default-rng-uniform
rng = np.random.default_rng(3)
print(rng.uniform(0, 1, 3))
print(rng.uniform(-5, 5, size=(2, 2)))
#--- rs-default-rng-standard-normal
rng = np.random.default_rng(100)
print(rng.standard_normal(3))
print(rng.standard_normal((2, 3)).shape)
#--- rs-rng-print
rng = np.random.default_rng(7)
print(type(rng).__name__)
#--- rs-random-walk
np.random.seed(12345)
steps = np.where(np.random.randint(0, 2, size=20) > 0, 1, -1)
walk = steps.cumsum()
print(walk)
print(walk.min(), walk.max())
print((np.abs(walk) >= 3).argmax())
#--- rs-monte-carlo-pi
np.random.seed(0)
n = 100000
x = np.random.rand(n)
y = np.random.rand(n)
inside = (x ** 2 + y ** 2) <= 1
print(4 * inside.sum() / n)
#--- rs-bootstrap
np.random.seed(1)
data = np.array([2.1, 3.4, 1.9, 5.6, 4.4])
means = [np.random.choice(data, size=len(data), replace=True).mean() for _ in range(5)]
print(np.round(means, 3))
#--- rs-synthetic-classification
np.random.seed(0)
N = 4
X0 = np.random.randn(N, 2) + np.array([2, 2])
X1 = np.random.randn(N, 2) + np.array([-2, -2])
X = np.vstack([X0, X1])
y = np.array([0] * N + [1] * N)
print(X.round(2))
print(y)
#--- rs-spiral-data
np.random.seed(0)
N, D, K = 3, 2, 2
X = np.zeros((N * K, D))
y = np.zeros(N * K, dtype='uint8')
for j in range(K):
    ix = range(N * j, N * (j + 1))
    r = np.linspace(0.0, 1, N)
    t = np.linspace(j * 4, (j + 1) * 4, N) + np.random.randn(N) * 0.2
    X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
    y[ix] = j
print(X)
print(y)
#--- rs-noise-linear
np.random.seed(2)
x = np.linspace(0, 1, 5)
y = 2 * x + 1 + 0.1 * np.random.randn(5)
print(y)
#--- rs-rand-float-format
np.random.seed(0)
for v in np.random.rand(3):
    print(f"{v:.3f}")
#--- rs-randint-dtype
np.random.seed(0)
x = np.random.randint(0, 100, size=3)
print(x.dtype)
#--- rs-random-state
rs = np.random.RandomState(42)
print(rs.rand(2))
print(rs.randint(0, 5, 3))
print(rs.randn(2))
#--- rs-seed-none-shape
x = np.random.rand(4, 5)
print(x.shape, x.dtype)
print(((x >= 0) & (x < 1)).all())
#--- rs-randn-negative
np.random.seed(0)
np.random.randn(-1)
#--- rs-randint-low-high
np.random.seed(0)
np.random.randint(5, 1)
#--- rs-normal-2d-mean
np.random.seed(3)
X = np.random.normal(size=(1000, 3))
print(X.mean(axis=0).round(2))
print(X.std(axis=0).round(2))
#--- rs-exponential
np.random.seed(0)
print(np.random.exponential(1.0, 3))
#--- rs-poisson
np.random.seed(0)
print(np.random.poisson(3, 6))
#--- rs-multivariate-shape
np.random.seed(0)
mean = [0, 0]
cov = [[1, 0], [0, 100]]
x = np.random.multivariate_normal(mean, cov, 5)
print(x.shape)
#--- rs-weights-init-seeded-loop
np.random.seed(0)
for shape in [(2, 3), (3, 1)]:
    W = np.random.randn(*shape) * 0.01
    print(W)
#--- rs-dropout-mask-rng
rng = np.random.default_rng(0)
mask = rng.random((2, 4)) > 0.5
print(mask)
