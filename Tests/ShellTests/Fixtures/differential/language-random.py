# Python's random module: CPython's exact streams (seeding by init_by_array, getrandbits
# rejection for integers, its shuffle/sample/choices/gauss algorithms) and its error messages.
#--- seed-random-stream
import random
random.seed(42)
print([random.random() for _ in range(5)])
#--- seed-zero-and-negative
import random
random.seed(0)
a = random.random()
random.seed(-0)
print(a == random.random(), a)
random.seed(-7)
b = random.random()
random.seed(7)
print(b == random.random(), b)
#--- seed-large-ints
import random
for s in [2**32 - 1, 2**32, 2**40 + 5, 2**63 - 1, -2**63, 2**64 + 3, 10**30, 3**100]:
    random.seed(s)
    print(s, random.random(), random.getrandbits(40))
#--- seed-bool
import random
random.seed(True)
a = random.random()
random.seed(1)
print(a == random.random())
#--- seed-float
import random
for s in [1.5, 0.1, 2.0, -3.25, -1.5, 1e300, -1e-300, -0.0, float('inf'), float('-inf'), 123456.789]:
    random.seed(s)
    print(s, random.random())
#--- seed-string
import random
for s in ['hello', '', 'a', 'spam and eggs', 'héllo wörld', 'x' * 200]:
    random.seed(s)
    print(repr(s[:10]), random.random(), random.randint(1, 100))
#--- seed-resets-gauss-cache
import random
random.seed(3)
g1 = random.gauss(0, 1)
random.seed(3)
print(g1 == random.gauss(0, 1))
_ = random.gauss(0, 1)
random.seed(3)
print(g1 == random.gauss(0, 1))
#--- seed-bad-type
import random
random.seed([1, 2])
#--- seed-bad-keyword
import random
random.seed(x=1)
#--- getrandbits-sizes
import random
random.seed(11)
print([random.getrandbits(k) for k in [0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 200]])
#--- getrandbits-negative
import random
random.getrandbits(-1)
#--- getrandbits-float
import random
random.getrandbits(2.0)
#--- getrandbits-arity
import random
random.getrandbits()
#--- randint-stream
import random
random.seed(42)
print([random.randint(1, 6) for _ in range(20)])
print([random.randint(-1000, 1000) for _ in range(10)])
print([random.randint(0, 2**62) for _ in range(3)])
#--- randrange-forms
import random
random.seed(7)
print([random.randrange(10) for _ in range(10)])
print([random.randrange(5, 15) for _ in range(10)])
print([random.randrange(0, 100, 7) for _ in range(10)])
print([random.randrange(100, 0, -3) for _ in range(10)])
print([random.randrange(1) for _ in range(3)])
#--- randrange-float-integral
import random
random.seed(1)
print(random.randrange(10.0), random.randint(1.0, 5.0))
#--- randrange-empty
import random
random.randrange(0)
#--- randrange-empty-pair
import random
random.randrange(5, 2)
#--- randrange-zero-step
import random
random.randrange(1, 10, 0)
#--- randrange-empty-step
import random
random.randrange(10, 1, 2)
#--- randrange-non-integer
import random
random.randrange(2.5)
#--- randrange-non-integer-stop
import random
random.randrange(1, 2.5)
#--- randrange-step-without-stop
import random
random.randrange(10, step=2)
#--- randrange-string
import random
random.randrange('a')
#--- randint-non-integer
import random
random.randint(1.5, 3)
#--- randint-missing
import random
random.randint(1)
#--- randint-too-many
import random
random.randint(1, 2, 3)
#--- randint-keywords
import random
random.seed(5)
print(random.randint(a=1, b=10), random.randint(b=3, a=1))
#--- randint-string-bound
import random
random.randint(1, 'a')
#--- random-no-arguments
import random
random.random(1)
#--- random-no-keywords
import random
random.random(x=1)
#--- choice-stream
import random
random.seed(2024)
colors = ['red', 'green', 'blue', 'yellow']
print([random.choice(colors) for _ in range(10)])
print([random.choice('abcdef') for _ in range(10)])
print([random.choice(range(100)) for _ in range(5)])
print([random.choice((1, 2, 3)) for _ in range(5)])
#--- choice-empty
import random
random.choice([])
#--- choice-int
import random
random.choice(5)
#--- choice-missing
import random
random.choice()
#--- shuffle-list
import random
random.seed(42)
xs = list(range(20))
random.shuffle(xs)
print(xs)
words = ['the', 'quick', 'brown', 'fox', 'jumps']
random.shuffle(words)
print(words)
#--- shuffle-returns-none-same-list
import random
random.seed(1)
xs = [1, 2, 3]
ys = xs
print(random.shuffle(xs), xs is ys, sorted(xs))
#--- shuffle-short-lists
import random
random.seed(9)
a = []
b = [1]
random.shuffle(a)
random.shuffle(b)
print(a, b, random.random())
#--- shuffle-data-labels-together
import random
random.seed(0)
data = [(x, x % 3) for x in range(12)]
random.shuffle(data)
print(data)
#--- shuffle-tuple
import random
random.shuffle((1, 2))
#--- shuffle-string
import random
random.shuffle('ab')
#--- shuffle-too-many
import random
random.shuffle([1], 2)
#--- shuffle-keyword
import random
random.seed(4)
xs = [1, 2, 3, 4]
random.shuffle(x=xs)
print(xs)
#--- sample-small-pool
import random
random.seed(42)
print(random.sample(range(10), 3))
print(random.sample(['a', 'b', 'c', 'd', 'e'], 5))
print(random.sample('abcdefgh', 4))
print(random.sample((1, 2, 3), 0))
#--- sample-large-population-set-path
import random
random.seed(42)
print(random.sample(range(1000), 10))
print(random.sample(range(10**9), 5))
print(random.sample(list(range(100)), 30))
#--- sample-counts
import random
random.seed(3)
print(random.sample(['red', 'blue'], counts=[4, 2], k=5))
#--- sample-too-large
import random
random.sample([1, 2], 3)
#--- sample-negative
import random
random.sample([1, 2], k=-1)
#--- sample-set
import random
random.sample({1, 2}, 1)
#--- sample-dict
import random
random.sample({'a': 1}, 1)
#--- sample-missing-k
import random
random.sample(range(5))
#--- sample-counts-mismatch
import random
random.sample([1, 2, 3], 2, counts=[1, 1])
#--- sample-counts-zero
import random
random.sample([1, 2], 1, counts=[0, 0])
#--- sample-counts-float
import random
random.sample([1, 2], 1, counts=[1.0, 1])
#--- choices-uniform
import random
random.seed(42)
print(random.choices(['a', 'b', 'c'], k=10))
print(random.choices(range(5)))
#--- choices-weights
import random
random.seed(42)
print(random.choices(['a', 'b', 'c'], weights=[10, 1, 1], k=10))
print(random.choices(['a', 'b', 'c'], [0.2, 0.5, 0.3], k=8))
print(random.choices(['x', 'y'], cum_weights=[1, 10], k=6))
#--- choices-zero-weights
import random
random.choices([1, 2], [0, 0])
#--- choices-infinite-weights
import random
random.choices([1, 2], [1, float('inf')])
#--- choices-weights-mismatch
import random
random.choices([1, 2], [1])
#--- choices-k-positional
import random
random.choices([1, 2], 3)
#--- choices-both-weights
import random
random.choices([1, 2], weights=[1, 2], cum_weights=[1, 3])
#--- choices-empty
import random
random.choices([], k=2)
#--- uniform-stream
import random
random.seed(8)
print([random.uniform(0, 1) for _ in range(3)])
print([random.uniform(-5, 5) for _ in range(3)])
print([random.uniform(2.5, 1.5) for _ in range(3)])
#--- uniform-missing
import random
random.uniform(1)
#--- gauss-stream-and-cache
import random
random.seed(42)
print([random.gauss(0, 1) for _ in range(5)])
print([random.gauss(10, 2) for _ in range(4)])
print(random.gauss())
#--- gauss-too-many
import random
random.gauss(0, 1, 2)
#--- normalvariate-stream
import random
random.seed(42)
print([random.normalvariate(0, 1) for _ in range(6)])
print(random.normalvariate(mu=5, sigma=0.5))
#--- other-distributions
import random
random.seed(12)
print(random.expovariate(1.5), random.triangular(), random.triangular(0, 10, 2), random.lognormvariate(0, 1))
#--- weight-init-list
import random
random.seed(1)
W = [[random.gauss(0, 0.1) for j in range(3)] for i in range(2)]
for row in W:
    print(['%.6f' % w for w in row])
#--- train-test-split-by-shuffle
import random
random.seed(42)
idx = list(range(10))
random.shuffle(idx)
train, test = idx[:8], idx[8:]
print(train, test)
#--- from-import
from random import randint, shuffle, seed
seed(10)
xs = [randint(0, 9) for _ in range(5)]
shuffle(xs)
print(xs)
#--- import-alias
import random as rnd
rnd.seed(99)
print(rnd.random())
#--- numpy-stream-independent
import random
random.seed(1)
np.random.seed(1)
a = random.random()
b = np.random.rand()
random.seed(1)
print(a == random.random(), a == b)
#--- unknown-attribute
import random
random.foo
#--- instance-stream
import random
r = random.Random(42)
print([r.random() for _ in range(3)])
random.seed(42)
print([random.random() for _ in range(3)])
#--- instances-independent
import random
a = random.Random(1)
b = random.Random(1)
x = [a.randint(0, 100) for _ in range(5)]
random.seed(99)
_ = random.random()
print(x == [b.randint(0, 100) for _ in range(5)], x)
#--- instance-does-not-touch-module
import random
random.seed(7)
r = random.Random(3)
_ = r.random()
r.shuffle([1, 2, 3])
print(random.random())
#--- instance-methods
import random
r = random.Random('seed text')
xs = list(range(10))
r.shuffle(xs)
print(xs, r.choice('abcdef'), r.sample(range(100), 4), r.uniform(1, 2), r.randrange(0, 100, 7))
print(r.choices(['a', 'b', 'c'], weights=[1, 2, 3], k=5), r.gauss(0, 1), r.getrandbits(70))
r.seed(5)
print(r.random(), r.triangular(0, 10, 3), r.expovariate(2.0))
#--- instance-shared-by-names
import random
r = random.Random(0)
s = r
_ = s.random()
print(r.random() == random.Random(0).random(), r.random())
#--- getstate-setstate-replay
import random
random.seed(2024)
state = random.getstate()
first = [random.random() for _ in range(4)]
random.setstate(state)
print(first == [random.random() for _ in range(4)], first)
#--- getstate-shape
import random
random.seed(1)
s = random.getstate()
print(type(s).__name__, len(s), s[0], len(s[1]), s[1][-1], s[2], s[1][:3])
_ = random.random()
print(random.getstate()[1][-1])
#--- getstate-keeps-gauss-next
import random
random.seed(3)
_ = random.gauss(0, 1)
s = random.getstate()
print(s[2])
a = random.gauss(0, 1)
random.setstate(s)
print(a == random.gauss(0, 1), a)
#--- instance-getstate-to-module
import random
r = random.Random(11)
_ = r.random()
random.setstate(r.getstate())
print(random.random() == r.random())
#--- setstate-errors
import random
for bad in [[3, (), None], (2, (), None), (3, (1, 2), None), (3, tuple(range(625)) + (1,), None), (3, (0,) * 624 + (625,), None),
            (3, [0] * 625, None), (4, (), None), (3, (-1,) * 625, None), (3, ('a',) * 625, None)]:
    try:
        random.setstate(bad)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
