# Generators driven from outside: `x = yield v` with gen.send, gen.throw and gen.close.
#--- send-running-average
def averager():
    total = 0
    n = 0
    avg = None
    while True:
        x = yield avg
        total += x
        n += 1
        avg = total / n
g = averager()
print(next(g))
print(g.send(10))
print(g.send(20))
print(g.send(3))
#--- send-none-starts
def g():
    x = yield 'first'
    yield x * 2
it = g()
print(it.send(None))
print(it.send(21))
#--- send-non-none-to-new-generator
def g():
    x = yield 1
it = g()
it.send(5)
#--- send-after-end-stops
def g():
    x = yield 1
    print('got', x)
it = g()
print(next(it))
try:
    it.send('a')
except StopIteration:
    print('done')
try:
    it.send('b')
except StopIteration:
    print('still done')
#--- send-parenthesized-yield
def g():
    x = (yield 1)
    y = (yield)
    print(x, y)
it = g()
print(next(it))
print(it.send('a'))
try:
    it.send('b')
except StopIteration:
    print('end')
#--- send-bare-yield-value-none
def g():
    x = yield
    print('x is', x)
    yield 'after'
it = g()
print(next(it))
print(next(it))
#--- send-chained-targets
def g():
    a = b = yield 0
    yield a + b
it = g()
_ = next(it)
print(it.send(4))
#--- send-tuple-target
def g():
    a, b = yield 'pair?'
    yield a * b
it = g()
print(next(it))
print(it.send((6, 7)))
#--- send-in-for-loop
def echo(n):
    for i in range(n):
        got = yield i
        print(i, got)
g = echo(3)
print(next(g))
print(g.send('a'))
print(g.send('b'))
try:
    g.send('c')
except StopIteration:
    print('stop')
#--- send-in-if-branch
def g(flag):
    if flag:
        v = yield 'yes'
        yield v.upper()
    else:
        yield 'no'
it = g(True)
print(next(it), it.send('up'))
print(list(g(False)))
#--- send-value-is-local
x = 'global'
def g():
    x = yield 1
    print('inside', x)
it = g()
_ = next(it)
try:
    it.send('local')
except StopIteration:
    pass
print(x)
#--- send-used-in-comprehension
def doubler():
    out = None
    while True:
        v = yield out
        out = v * 2
d = doubler()
_ = next(d)
print([d.send(i) for i in range(4)])
#--- send-arrays
def acc():
    total = np.zeros(2)
    while True:
        v = yield total
        total = total + v
a = acc()
_ = next(a)
_ = a.send(np.array([1.0, 2.0]))
print(a.send(np.array([0.5, 0.5])))
#--- send-while-running
def g():
    x = yield 1
    it.send(2)
it = g()
_ = next(it)
it.send(0)
#--- send-no-argument
def g():
    yield 1
g().send()
#--- send-two-arguments
def g():
    yield 1
g().send(1, 2)
#--- send-keyword
def g():
    yield 1
g().send(value=1)
#--- close-stops-generator
def count():
    i = 0
    while True:
        yield i
        i += 1
c = count()
print(next(c), next(c))
print(c.close())
print(list(c))
print(next(c, 'end'))
#--- close-before-start-and-twice
def g():
    print('never runs')
    yield 1
it = g()
it.close()
it.close()
print(list(it))
#--- close-argument
def g():
    yield 1
g().close(1)
#--- close-then-send
def g():
    x = yield 1
it = g()
_ = next(it)
it.close()
try:
    it.send(1)
except StopIteration:
    print('closed')
#--- throw-instance-caught-outside
def g():
    yield 1
    yield 2
it = g()
print(next(it))
try:
    it.throw(ValueError('bad'))
except ValueError as e:
    print('caught', e)
print(next(it, 'finished'))
#--- throw-class
def g():
    yield 1
it = g()
_ = next(it)
try:
    it.throw(KeyError)
except KeyError as e:
    print('caught', type(e).__name__, e.args)
#--- throw-user-exception
class Stop(Exception):
    pass
def g():
    while True:
        yield 0
it = g()
_ = next(it)
try:
    it.throw(Stop('enough'))
except Stop as e:
    print('caught', e)
print(list(it))
#--- throw-before-start
def g():
    print('never runs')
    yield 1
it = g()
try:
    it.throw(RuntimeError('early'))
except RuntimeError as e:
    print(e)
print(list(it))
#--- throw-uncaught
def g():
    yield 1
it = g()
_ = next(it)
it.throw(RuntimeError('stop here'))
#--- throw-not-exception
def g():
    yield 1
g().throw(3)
#--- throw-string
def g():
    yield 1
g().throw('a')
#--- throw-no-argument
def g():
    yield 1
g().throw()
#--- throw-after-end
def g():
    yield 1
it = g()
print(list(it))
try:
    it.throw(ValueError('late'))
except ValueError as e:
    print('raised anyway:', e)
#--- genexpr-lazy-interleaves
def noisy(n):
    for i in range(n):
        print('make', i)
        yield i
g = (x * 10 for x in noisy(3))
print('made')
for v in g:
    print('got', v)
#--- genexpr-first-iterable-now
try:
    g = (x for x in 5)
except TypeError as e:
    print('at once:', e)
g = (y for x in [1] for y in missing_name)
print('not yet')
try:
    next(g)
except NameError as e:
    print('on next:', e)
#--- genexpr-next-and-exhaust
g = (c.upper() for c in 'ab')
print(next(g), next(g), next(g, 'done'), list(g), type(g).__name__)
#--- genexpr-any-stops-early
seen = []
def check(v):
    seen.append(v)
    return v > 2
print(any(check(v) for v in [1, 3, 5, 7]), seen)
#--- genexpr-sees-later-binding
xs = [1, 2]
g = (x + k for x in xs)
k = 100
print(list(g))
#--- genexpr-error-when-consumed
g = (1 // x for x in [1, 0])
print(next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print('raised', e)
print(list(g))
#--- genexpr-nested-and-filter
print(sum(x * y for x in range(4) if x % 2 for y in range(x) if y))
print(list((i, j) for i in range(3) for j in range(i)))
