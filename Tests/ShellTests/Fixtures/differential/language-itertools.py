# Python's itertools: lazy iterators consuming their inputs exactly as CPython's, and CPython's
# argument errors (which differ in wording from function to function).
#--- product-grid
import itertools
for lr, units in itertools.product([0.1, 0.01], [32, 64, 128]):
    print(lr, units)
#--- product-repeat
import itertools
print(list(itertools.product('ab', repeat=2)))
print(list(itertools.product(range(2), repeat=3)))
print(list(itertools.product()))
print(list(itertools.product([1, 2], [])))
print(list(itertools.product(repeat=0)))
#--- product-dict-grid
from itertools import product
grid = {'lr': [0.1, 0.01], 'batch': [16, 32]}
keys = list(grid)
for values in product(*grid.values()):
    print(dict(zip(keys, values)))
#--- product-errors
import itertools
itertools.product(1)
#--- product-negative-repeat
import itertools
itertools.product([1], repeat=-1)
#--- product-bad-keyword
import itertools
itertools.product([1], foo=1)
#--- product-float-repeat
import itertools
itertools.product([1], repeat=1.5)
#--- permutations
import itertools
print(list(itertools.permutations([1, 2, 3])))
print(list(itertools.permutations('abcd', 2)))
print(list(itertools.permutations(range(3), 0)))
print(list(itertools.permutations([1, 2], 3)))
print(len(list(itertools.permutations(range(6)))))
print(list(itertools.permutations([1, 2], None)))
#--- permutations-negative
import itertools
itertools.permutations([1], -1)
#--- permutations-string-r
import itertools
itertools.permutations([1], 'a')
#--- permutations-missing
import itertools
itertools.permutations()
#--- combinations
import itertools
print(list(itertools.combinations('ABCD', 2)))
print(list(itertools.combinations(range(5), 3)))
print(list(itertools.combinations([1, 2], 0)))
print(list(itertools.combinations([1, 2], 3)))
print(list(itertools.combinations([], 0)))
#--- combinations-with-replacement
import itertools
print(list(itertools.combinations_with_replacement('ABC', 2)))
print(list(itertools.combinations_with_replacement([1, 2], 3)))
print(list(itertools.combinations_with_replacement([], 2)))
print(list(itertools.combinations_with_replacement([], 0)))
#--- combinations-missing-r
import itertools
itertools.combinations([1, 2])
#--- combinations-negative
import itertools
itertools.combinations([1], -1)
#--- combinations-too-many
import itertools
itertools.combinations([1], 2, 3)
#--- combinations-string-r
import itertools
itertools.combinations([1], 'a')
#--- cwr-negative
import itertools
itertools.combinations_with_replacement([1], -2)
#--- chain
import itertools
print(list(itertools.chain([1, 2], (3,), 'ab', range(2))))
print(list(itertools.chain()))
print(list(itertools.chain.from_iterable([[1, 2], [3], []])))
print(list(itertools.chain.from_iterable(['ab', 'cd'])))
#--- chain-flatten-batches
from itertools import chain
batches = [[0.1, 0.2], [0.3], [0.4, 0.5, 0.6]]
flat = list(chain(*batches))
print(flat, sum(flat))
#--- chain-lazy-error
import itertools
c = itertools.chain([1], 2)
print(next(c))
next(c)
#--- chain-keyword
import itertools
itertools.chain(x=1)
#--- chain-from-iterable-arity
import itertools
itertools.chain.from_iterable(1, 2)
#--- islice-forms
import itertools
print(list(itertools.islice('ABCDEFG', 2)))
print(list(itertools.islice('ABCDEFG', 2, 4)))
print(list(itertools.islice('ABCDEFG', 2, None)))
print(list(itertools.islice('ABCDEFG', 0, None, 2)))
print(list(itertools.islice(range(10), 1, 8, 3)))
print(list(itertools.islice([1, 2], 5)))
print(list(itertools.islice([1, 2], None)))
#--- islice-shared-iterator-batches
import itertools
it = iter(range(10))
while True:
    batch = list(itertools.islice(it, 3))
    if not batch:
        break
    print(batch)
#--- islice-consumes-exactly
import itertools
it = iter([1, 2, 3, 4, 5])
print(list(itertools.islice(it, 2)), next(it))
it = iter([1, 2, 3, 4, 5, 6])
print(list(itertools.islice(it, 1, 4, 2)), list(it))
#--- islice-negative-stop
import itertools
itertools.islice([1], -1)
#--- islice-negative-start
import itertools
itertools.islice([1], -2, 3)
#--- islice-zero-step
import itertools
itertools.islice([1], 1, 2, 0)
#--- islice-string-stop
import itertools
itertools.islice([1], 'a')
#--- islice-arity
import itertools
itertools.islice([1])
#--- islice-too-many
import itertools
itertools.islice([1], 1, 2, 3, 4)
#--- islice-keyword
import itertools
itertools.islice([1], x=1)
#--- count-and-islice
import itertools
print(list(itertools.islice(itertools.count(), 5)))
print(list(itertools.islice(itertools.count(10, 5), 4)))
print(list(itertools.islice(itertools.count(0.5, 0.25), 4)))
print(list(itertools.islice(itertools.count(start=2, step=-1), 4)))
print(list(zip(itertools.count(1), 'abc')))
#--- count-big
import itertools
c = itertools.count(2**63 - 2)
print(next(c), next(c), next(c))
#--- count-loop-break
import itertools
for i in itertools.count():
    if i * i > 50:
        break
print(i)
#--- count-not-number
import itertools
itertools.count('a')
#--- count-too-many
import itertools
itertools.count(1, 2, 3)
#--- count-bad-keyword
import itertools
itertools.count(x=1)
#--- count-no-len
import itertools
len(itertools.count())
#--- cycle
import itertools
print(list(itertools.islice(itertools.cycle('ABC'), 7)))
print(list(itertools.cycle([])))
c = itertools.cycle(iter([1, 2]))
print([next(c) for _ in range(5)])
#--- cycle-missing
import itertools
itertools.cycle()
#--- cycle-not-iterable
import itertools
itertools.cycle(1)
#--- cycle-keyword
import itertools
itertools.cycle([1], x=1)
#--- repeat
import itertools
print(list(itertools.repeat('x', 3)))
print(list(itertools.repeat(1, 0)), list(itertools.repeat(1, times=-1)))
print(list(map(pow, range(5), itertools.repeat(2))))
print(list(itertools.islice(itertools.repeat(None), 2)))
#--- repeat-missing
import itertools
itertools.repeat()
#--- repeat-too-many
import itertools
itertools.repeat(1, 2, 3)
#--- repeat-string-times
import itertools
itertools.repeat(1, 'a')
#--- repeat-exhausted
import itertools
next(itertools.repeat(1, 0))
#--- accumulate
import itertools
print(list(itertools.accumulate([1, 2, 3, 4, 5])))
print(list(itertools.accumulate([1, 2, 3, 4], lambda a, b: a * b)))
print(list(itertools.accumulate([3, 1, 4, 1, 5], max)))
print(list(itertools.accumulate([1, 2], initial=5)))
print(list(itertools.accumulate([], initial=0)))
print(list(itertools.accumulate(['a', 'b', 'c'])))
print(list(itertools.accumulate(iterable=[1, 2], func=max)))
#--- accumulate-running-loss
from itertools import accumulate
losses = [0.9, 0.7, 0.5, 0.45]
totals = list(accumulate(losses))
print([round(t / (i + 1), 4) for i, t in enumerate(totals)])
#--- accumulate-type-error
import itertools
list(itertools.accumulate(['a', 1]))
#--- accumulate-missing
import itertools
itertools.accumulate()
#--- accumulate-too-many
import itertools
itertools.accumulate([1], None, None)
#--- zip-longest
import itertools
print(list(itertools.zip_longest('ABCD', 'xy', fillvalue='-')))
print(list(itertools.zip_longest([1, 2], [3])))
print(list(itertools.zip_longest()))
print(list(itertools.zip_longest([], [])))
#--- zip-longest-bad-keyword
import itertools
itertools.zip_longest([1], fill=2)
#--- zip-longest-not-iterable
import itertools
itertools.zip_longest(1)
#--- groupby-sorted
import itertools
data = sorted(['apple', 'avocado', 'banana', 'blueberry', 'cherry'])
for k, g in itertools.groupby(data, key=lambda w: w[0]):
    print(k, list(g))
#--- groupby-runs
import itertools
print([(k, len(list(g))) for k, g in itertools.groupby('AAAABBBCCDAABBB')])
print([k for k, g in itertools.groupby('AAAABBBCCD')])
#--- groupby-advance-discards-group
import itertools
groups = itertools.groupby([1, 1, 2, 2, 3])
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
#--- groupby-partial-group
import itertools
it = itertools.groupby('aaabbc')
k, g = next(it)
print(k, next(g))
print([(k, list(g)) for k, g in it])
#--- groupby-labels-dict
from itertools import groupby
pairs = [(0, 'a'), (0, 'b'), (1, 'c'), (0, 'd')]
print({k: [v for _, v in g] for k, g in groupby(pairs, lambda p: p[0])})
#--- groupby-keywords
import itertools
print([(k, list(g)) for k, g in itertools.groupby(iterable=[1, 1, 2], key=None)])
#--- groupby-missing
import itertools
itertools.groupby()
#--- groupby-too-many
import itertools
itertools.groupby([1], None, 3)
#--- starmap
import itertools
print(list(itertools.starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(itertools.starmap(lambda a, b: a + b, zip([1, 2], [10, 20]))))
#--- starmap-arity
import itertools
itertools.starmap(1)
#--- starmap-item-not-iterable
import itertools
list(itertools.starmap(pow, [1]))
#--- takewhile-dropwhile
import itertools
print(list(itertools.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(itertools.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(itertools.filterfalse(lambda x: x % 2, range(10))))
print(list(itertools.filterfalse(None, [0, 1, '', 'a', None])))
#--- takewhile-stops-reading
import itertools
it = iter([1, 2, 10, 3, 4])
print(list(itertools.takewhile(lambda x: x < 5, it)), list(it))
#--- takewhile-arity
import itertools
itertools.takewhile(1)
#--- takewhile-keyword
import itertools
itertools.takewhile(1, 2, x=3)
#--- compress-and-pairwise
import itertools
print(list(itertools.compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
print(list(itertools.compress(range(5), [True, False])))
print(list(itertools.pairwise([1, 2, 3, 4])))
print(list(itertools.pairwise('a')))
#--- compress-missing
import itertools
itertools.compress([1])
#--- pairwise-missing
import itertools
itertools.pairwise()
#--- generator-input-lazy
import itertools
def gen():
    for i in range(3):
        print('make', i)
        yield i
for a, b in itertools.product(gen(), 'xy'):
    print(a, b)
#--- from-import-names
from itertools import combinations, permutations, product as prod
print(len(list(combinations(range(10), 3))), len(list(permutations(range(5), 2))), len(list(prod('ab', 'cd', 'ef'))))
#--- unknown-attribute
import itertools
itertools.foo
#--- tee-two
import itertools
a, b = itertools.tee([1, 2, 3])
print(list(a), list(b))
#--- tee-lazy-interleaved
import itertools
def gen():
    for i in range(4):
        print('making', i)
        yield i
a, b, c = itertools.tee(gen(), 3)
print(next(a), next(a))
print(next(b))
print(list(c))
print(list(a), list(b))
#--- tee-pairwise-idiom
import itertools
a, b = itertools.tee('abcd')
_ = next(b, None)
print(list(zip(a, b)))
#--- tee-zero-and-errors
import itertools
print(itertools.tee([1, 2], 0))
for args in [([1], -1), (5,)]:
    try:
        itertools.tee(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
#--- tee-type
import itertools
a, b = itertools.tee(range(3))
print(type(a).__name__, iter(a) is a, len(itertools.tee(range(3), 4)))
