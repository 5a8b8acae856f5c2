# Python's functools: reduce, partial, and the lru_cache/cache decorators with CPython's keys,
# hit counts and eviction; CPython's argument errors.
#--- reduce-sum-product
from functools import reduce
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]))
print(reduce(lambda a, b: a * b, range(1, 6)))
print(reduce(lambda a, b: a * b, [], 1))
print(reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []))
print(reduce(max, [3, 9, 2]))
print(reduce(lambda a, b: a + b, ['a'], 'z'))
#--- reduce-matrix-chain
import functools
mats = [np.eye(2) * 2, np.eye(2) * 3, np.ones((2, 2))]
print(functools.reduce(np.dot, mats))
#--- reduce-generator
import functools
print(functools.reduce(lambda a, b: a + b, (x * x for x in range(5))))
#--- reduce-empty
from functools import reduce
reduce(lambda a, b: a + b, [])
#--- reduce-arity
from functools import reduce
reduce(1)
#--- reduce-too-many
from functools import reduce
reduce(max, [1], 2, 3)
#--- reduce-keyword
from functools import reduce
reduce(max, [1], initial=2)
#--- reduce-not-iterable
from functools import reduce
reduce(max, 5)
#--- reduce-error-in-function
from functools import reduce
reduce(lambda a, b: a + b, [1, 'a'])
#--- partial-basic
from functools import partial
def power(base, exponent):
    return base ** exponent
square = partial(power, exponent=2)
cube = partial(power, exponent=3)
print(square(4), cube(2), square(5, exponent=3))
twice = partial(power, 2)
print(twice(10))
#--- partial-attributes
from functools import partial
def f(a, b, c=0):
    return a + b + c
p = partial(f, 1, c=5)
print(p.func is f, p.args, p.keywords, p(2))
q = partial(p, 10)
print(q.args, q.keywords, q())
#--- partial-builtin-and-map
from functools import partial
to_int = partial(int, base=2)
print(to_int('1011'), list(map(partial(round, ndigits=1), [1.26, 2.71])))
#--- partial-errors-of-function
from functools import partial
def f(a, b):
    return a + b
partial(f, 1)(2, 3)
#--- partial-no-arguments
from functools import partial
partial()
#--- partial-not-callable
from functools import partial
partial(1)
#--- lru-cache-fib
from functools import lru_cache
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
print(fib.cache_info())
#--- lru-cache-bare-decorator
import functools
@functools.lru_cache
def square(x):
    print('computing', x)
    return x * x
print(square(3), square(3), square(4))
print(square.cache_info())
square.cache_clear()
print(square.cache_info())
print(square(3))
#--- lru-cache-keys
from functools import lru_cache
@lru_cache
def g(x):
    return x
print(g(1), g(1.0), g(True), g.cache_info())
@lru_cache
def h(a, b=0):
    return (a, b)
print(h(1), h(1, 0), h(1, b=0), h(a=1, b=0), h.cache_info())
#--- lru-cache-typed
from functools import lru_cache
@lru_cache(typed=True)
def g(x):
    return x
print(g(1), g(1.0), g(1), g.cache_info())
#--- lru-cache-eviction
from functools import lru_cache
@lru_cache(maxsize=2)
def f(x):
    print('miss', x)
    return x * 10
for x in [1, 2, 1, 3, 2, 1]:
    _ = f(x)
print(f.cache_info())
#--- lru-cache-maxsize-zero
from functools import lru_cache
@lru_cache(maxsize=0)
def f(x):
    return x
_ = f(1)
_ = f(1)
print(f.cache_info())
#--- cache-decorator
from functools import cache
@cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(20), fact(10), fact.cache_info())
#--- cache-unhashable-argument
from functools import cache
@cache
def total(xs):
    return sum(xs)
total([1, 2])
#--- lru-cache-bad-maxsize
from functools import lru_cache
lru_cache('a')
#--- lru-cache-too-many
from functools import lru_cache
lru_cache(1, 2, 3)
#--- cache-no-function
from functools import cache
cache()
#--- cache-info-arguments
from functools import cache
@cache
def f(x):
    return x
f.cache_info(1)
#--- unknown-attribute
import functools
functools.foo
#--- wraps-keeps-name-and-doc
import functools
def logged(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        print('calling', f.__name__)
        return f(*args, **kwargs)
    return wrapper
@logged
def add(a, b):
    """Adds two numbers."""
    return a + b
print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__(1, 1))
#--- wraps-from-import
from functools import wraps
def twice(f):
    @wraps(f)
    def inner(x):
        return f(f(x))
    return inner
@twice
def inc(x):
    return x + 1
print(inc(5), inc.__name__)
#--- cmp-to-key-sort
from functools import cmp_to_key
def by_length_then_reverse(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)
words = ['bb', 'a', 'ccc', 'aa', 'c']
print(sorted(words, key=cmp_to_key(by_length_then_reverse)))
print(max(words, key=cmp_to_key(by_length_then_reverse)), min(words, key=cmp_to_key(by_length_then_reverse)))
words.sort(key=cmp_to_key(lambda a, b: (a > b) - (a < b)), reverse=True)
print(words)
#--- cmp-to-key-objects
import functools
K = functools.cmp_to_key(lambda a, b: a - b)
print(K(1) < K(2), K(3) == K(3), K(2) >= K(5))
