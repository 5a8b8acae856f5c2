# Answers the red team of issue 12 found wrong, with CPython + numpy as the oracle: a range's
# slice is a range, and %c refuses what CPython refuses with its words.
#--- range-slice-repr
print(range(10)[2:5], range(10)[::-1], range(0, 20, 3)[1:10:2], range(10)[-100:100])
#--- range-slice-empty
print(range(5)[10:], range(10)[5:2], range(5, 0, -1)[::-2])
#--- range-slice-of-slice
r = range(3, 100, 7)[2:-1:3]
print(r, list(r), r[1], len(r), r == range(17, 94, 21))
#--- range-slice-huge
print(range(10**18)[::2], range(10**18)[:3], len(range(10**18)[5::7]))
#--- range-slice-zero-step
range(5)[::0]
#--- percent-c-big
print('%c' % 2**40)
#--- percent-c-bigger
print('%c' % 2**70)
#--- percent-c-negative
print('%c' % -1)
#--- percent-c-float
print('%c' % 1.5)
#--- percent-c-two-chars
print('%c' % 'ab')
#--- percent-c-empty
print('%c' % '')
#--- percent-c-ok
print('%c|%3c|%-3c|%c' % (65, 'b', 0x263A, np.int64(66)))
#--- format-c-big
print('{:c}'.format(2**40))
#--- format-c-negative
print(format(-1, 'c'))
#--- format-c-top
print(format(0x110000, 'c'))
#--- format-precision-too-big
print(format(1.5, '.2147483648f'))
#--- percent-precision-too-big
print('%.2147483648f' % 1.5)
#--- math-gcd-int64-min
import math
print(math.gcd(np.int64(-2**63)), math.gcd(-2**63, 6), math.gcd(), math.gcd(0, 0), math.gcd(-12, 18, 27))
#--- math-gcd-big
import math
print(math.gcd(2**100, 6**50), math.gcd(3**80, 2**70 * 3**5))
#--- math-lcm-past-int64
import math
print(math.lcm(2**62, 3), math.lcm(), math.lcm(0, 5), math.lcm(-4, 6), math.lcm(2**64, 10**20))
#--- math-perm-past-int64
import math
print(math.perm(100, 50))
print(math.perm(30), math.perm(5, 0), math.perm(3, 5), math.perm(10**20, 2))
#--- math-comb-past-int64
import math
print(math.comb(100, 50), math.comb(70, 68), math.comb(5, 7), math.comb(2**70, 2))
#--- math-comb-one-argument
import math
print(math.comb(5))
#--- math-perm-no-argument
import math
print(math.perm())
#--- math-comb-negative-k
import math
print(math.comb(5, -1))
#--- math-perm-negative-n
import math
print(math.perm(-5, 2))
#--- math-comb-float
import math
print(math.comb(5.0, 2))
#--- frozenset-nested-deep
s = frozenset()
for i in range(10**5): s = frozenset([s])
print(len(s), hash(s), s == s, s in {s: 1})
#--- tuple-nested-deep-hash
t = ()
for i in range(10**5): t = (t,)
d = {t: 'deep'}
print(hash(t), d[t], t in d, hash(t[0]) == hash(t))
#--- frozenset-nested-equal-distinct
a = frozenset(); b = frozenset()
for i in range(50): a = frozenset([a, i]); b = frozenset([i, b])
print(a == b, hash(a) == hash(b), len({a: 1, b: 2}), {a: 'x'}[b])
#--- frozenset-keys-order-free
d = {frozenset([1, 2]): 'a'}
print(d[frozenset([2, 1])], frozenset([1, 2]) in {frozenset([2, 1])}, {frozenset([1]), frozenset([1.0])}, {(1, 2): 0}[(1.0, 2)])
#--- hash-values-of-numbers
print(hash(2**70), hash(-2**70), hash(2**61 - 1), hash(2**62), hash(-1), hash(-2), hash(True))
print(hash(1.5), hash(-0.1), hash(float('inf')), hash(float('-inf')), hash(2.0**70), hash(1e-300), hash(0.0))
#--- hash-values-of-tuples-and-frozensets
print(hash(()), hash((1, 2)), hash((1, (2, 3.5))), hash((-1,)), hash((2**70, True)))
print(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset([frozenset([1]), (2,)])))
#--- hash-dunder-big
class H:
    def __init__(self, h): self.h = h
    def __hash__(self): return self.h
print(hash(H(2**70)), hash(H(-2**70)), hash(H(-1)), hash(H(2**62)), hash(H(True)), hash(H(2**61 - 1)), hash(H(-2**63)))
#--- hash-dunder-big-in-tuple
class H:
    def __hash__(self): return 2**70
print(hash((H(),)) == hash((512,)), hash(H()) == hash(2**70))
#--- hash-dunder-float
class F:
    def __hash__(self): return 1.5
hash(F())
#--- hash-dunder-str-as-key
class S:
    def __hash__(self): return '1'
d = {S(): 1}
#--- hash-dunder-numpy-int
class N:
    def __hash__(self): return np.int64(5)
hash(N())
#--- partial-of-builtins
import functools
print(functools.partial(abs)(-3), functools.partial(max, 5)(3), functools.partial(int, base=2)('101'))
print(functools.partial(sorted, key=len)(['aa', 'b']), functools.partial(pow, 2)(10), functools.partial(divmod, 7)(2))
print(functools.partial(round, ndigits=1)(2.25), functools.partial(min)([3, 1]), functools.partial(isinstance, 1)(int))
#--- partial-of-builtins-in-map
from functools import partial
print(list(map(partial(abs), [-1, 2, -3])), list(map(partial(int, base=16), ['ff', '10'])), partial(len)('abc'))
#--- partial-int-base-needs-a-string
import functools
functools.partial(int, base=2)(5)
#--- int-explicit-base-float
int(2.5, 2)
#--- index-dunder-sequences
class I:
    def __init__(self, i): self.i = i
    def __index__(self): return self.i
print([1, 2][I(1)], (1, 2, 3)[I(-1)], 'abc'[I(0)], range(10)[I(3)], [1, 2, 3][I(1):], 'hello'[I(1):I(4)], (0, 1, 2, 3)[::I(2)])
print(list(range(I(3))), [0] * 2 == [0] * I(2))
#--- index-dunder-numpy
class I:
    def __index__(self): return 2
a = np.arange(6)
print(a[I()], a[I():], np.arange(6).reshape(2, 3)[1, I()], a[I(), ...])
b = np.zeros(3)
b[I()] = 5
print(b)
#--- index-dunder-assign-and-delete
class I:
    def __index__(self): return 1
xs = [1, 2, 3]
xs[I()] = 9
print(xs)
del xs[I()]
print(xs)
#--- index-dunder-out-of-range
class I:
    def __index__(self): return 5
[1, 2][I()]
#--- index-dunder-returns-float
class I:
    def __index__(self): return 1.5
[1, 2][I()]
#--- index-without-dunder
class I:
    pass
[1, 2][I()]
#--- index-dunder-dict-key-is-the-object
class I:
    def __index__(self): return 0
k = I()
print({k: 'obj'}[k], len({0: 'a', k: 'b'}))
#--- index-dunder-repeats-sequences
class I:
    def __index__(self): return 2
print([0] * I(), I() * 'ab', (1,) * I())
#--- ascii-escapes-non-ascii-as-cpython
print(ascii('é'), ascii('a\u20ac\U0001f600'), ascii(['é', 'x']), ascii(1), ascii({'ü': 'ß'}))
print(len(ascii('é')), ascii('plain'))
#--- equal-hashes-are-distinct-keys-unless-eq-says-equal
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
d = {K(1): 'a', K(2): 'b', K(1): 'c'}
print(len(d), sorted(d.values()), d[K(2)], K(3) in d)
print(len({K(1), K(2), K(1)}))
#--- equal-hashes-without-eq-are-distinct-keys
class N:
    def __hash__(self): return 7
a, b = N(), N()
print(len({a: 1, b: 2}), len({a, b}), {a: 1, a: 2}[a], {a: 1}.get(b))
#--- equal-hashes-in-tuples-and-an-eq-that-changes-the-dict
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
print(len({(K(1), 2): 'a', (K(1), 2): 'b', (K(2), 2): 'c'}), len({frozenset([K(1)]), frozenset([K(1)])}))
class M:
    def __hash__(self): return 3
    def __eq__(self, o):
        d.clear()
        return False
d = {}
d[M()] = 1
d[M()] = 2
print(len(d), list(d.values()))
#--- hash-of-a-tuple-never-calls-eq
class Q:
    def __hash__(self): return 5
    def __eq__(self, o):
        print('eq')
        return False
a, b = Q(), Q()
print(hash((a, 1)) == hash((b, 1)), hash(((a,), 2)) == hash(((b,), 2)), hash(a) == hash(b))
print(b in {a})
class H:
    def __init__(self, v): self.v = v
    def __hash__(self): return len({K2(self.v): 1, K2(self.v): 2})
class K2:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o): return self.v == o.v
print(hash((H(1), 0)) == hash((1, 0)))
