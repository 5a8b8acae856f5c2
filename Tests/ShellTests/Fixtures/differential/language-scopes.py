#--- for-list-append-seen
xs = [1, 2, 3]
for x in xs:
    if x < 5:
        xs.append(x + 3)
print(xs)
#--- for-list-remove-shifts
xs = [1, 2, 3, 4, 5, 6]
seen = []
for x in xs:
    seen.append(x)
    if x % 2 == 0:
        xs.remove(x)
print(seen, xs)
#--- for-list-pop-shortens
xs = list(range(10))
n = 0
for x in xs:
    n += 1
    xs.pop()
print(n, xs)
#--- for-list-in-function-live
def grow(xs):
    for x in xs:
        if len(xs) < 8:
            xs.append(x * 10)
    return xs
print(grow([1, 2]))
#--- for-list-item-assign-seen
xs = [1, 2, 3, 4]
out = []
for i, x in enumerate(xs):
    out.append(x)
    if i + 1 < len(xs):
        xs[i + 1] = xs[i + 1] * 100
print(out)
#--- comprehension-list-live
xs = [1, 2, 3]
ys = [xs.append(0) or x for x in xs if len(xs) < 6]
print(ys, xs)
#--- dict-changed-size
d = {'a': 1, 'b': 2}
for k in d:
    d[k + k] = 0
#--- dict-delete-during-loop
d = {'a': 1, 'b': 2, 'c': 3}
for k in d:
    del d[k]
#--- dict-value-change-ok
d = {'a': 1, 'b': 2, 'c': 3}
for k in d:
    d[k] = d[k] * 2
print(d)
#--- local-named-cell
def f(cell):
    return cell -1
print(f(5))
#--- local-named-plot-called
def g(plot):
    return plot(3)
print(g(lambda v: v * 2))
#--- local-named-train-printed
def h(train):
    print(train)
    return train[0]
print(h([7, 8]))
#--- local-assigned-command-name
def k(x):
    cell = x
    y = cell -1
    plot = [cell, y]
    print(plot)
    return cell [0] if False else y
print(k(10))
#--- local-command-name-closure
def outer():
    cell = 3
    def inner():
        return cell -1
    return inner()
print(outer())
#--- lambda-param-command-name
f = lambda train: train -1
print(f(4))
#--- local-command-name-pipe-is-or
def m(sum):
    return 6 | sum
print(m(1))
#--- local-command-name-augmented
def acc(values):
    train = 0
    for v in values:
        train += v
    return train
print(acc([1, 2, 3]))
#--- fib-recursive
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(15))
#--- call-in-loop
def add(a, b):
    return a + b
s = 0
for i in range(1000):
    s = add(s, i)
print(s)
#--- int-overflow-in-loop
x = 1
for i in range(70):
    x = x * 2
print(x)
x = 2**62
x += 2**62
print(x)
print(-(-9223372036854775807 - 1))
#--- floor-div-mod-signs
for a in [-7, 7]:
    for b in [-2, 2, 3]:
        print(a // b, a % b, a / b)
#--- float-fast-paths
x = 0.1
y = 0.2
print(x + y, x - y, x * y, x / y, x < y, x == y, x != y)
print(1.0 / 0.5, -x)
#--- float-division-by-zero-in-loop
for d in [2.0, 0.0]:
    print(1.0 / d)
#--- int-division-by-zero-in-function
def bad(a):
    b = a + 1
    return b // 0
bad(1)
#--- unbound-local
def f():
    print(x)
    x = 1
f()
#--- unbound-local-after-del
def f():
    x = 1
    del x
    return x
f()
#--- global-write-in-loop
total = 0
def bump(n):
    global total
    for i in range(n):
        total += i
bump(5)
print(total)
#--- nonlocal-counter
def counter():
    n = 0
    def step():
        nonlocal n
        n += 1
        return n
    return step
c = counter()
_ = c()
_ = c()
print(c())
#--- closure-late-binding
fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
#--- default-args-and-keywords
def f(a, b=2, *args, c=3, **kw):
    return (a, b, args, c, sorted(kw.items()))
print(f(1))
print(f(1, 5, 6, 7, c=8, d=9))
print(f(b=1, a=0))
#--- too-many-arguments
def f(a, b):
    return a + b
f(1, 2, 3)
#--- missing-argument
def f(a, b):
    return a + b
f(1)
#--- recursion-limit
def down(n):
    return down(n + 1)
down(0)
#--- while-break-else
i = 0
while i < 10:
    i += 1
    if i == 3:
        break
else:
    print('no break')
print(i)
j = 0
while j < 3:
    j += 1
else:
    print('done', j)
#--- for-else-continue
for i in range(5):
    if i % 2:
        continue
    print(i)
else:
    print('end')
#--- return-from-nested-loops
def find(rows, target):
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            if v == target:
                return (i, j)
    return None
print(find([[1, 2], [3, 4]], 4), find([[1]], 9))
#--- and-or-values
print(0 or 'x', 1 and 'y', [] or [1], 'a' and 0, None or 0)
def t(v):
    print('t', v)
    return v
print(t(0) and t(1), t(2) or t(3))
#--- conditional-expression-in-loop
print([('even' if i % 2 == 0 else 'odd') for i in range(4)])
out = []
for i in range(4):
    out.append(i * 10 if i > 1 else -i)
print(out)
#--- list-index-fast-and-errors
xs = [10, 20, 30]
print(xs[0], xs[-1], xs[1:], (1, 2)[1])
print(xs[3])
#--- tuple-index-error
t = (1, 2)
for i in range(3):
    print(t[i])
#--- method-calls-in-loop
words = []
for w in 'a bb ccc'.split():
    words.append(w.upper())
print(words, ' '.join(words).lower())
#--- attribute-error-in-function
def f(x):
    return x.nope
f(1)
#--- name-error-in-loop
for i in range(2):
    print(i)
    print(undefined_name)
#--- array-augmented-in-loop
x = np.zeros(10)
for i in range(100):
    x += 1
print(x)
#--- array-ops-in-function
def step(w, g, lr=0.1):
    w -= lr * g
    return w
w = np.ones(3)
for i in range(3):
    w = step(w, np.array([1.0, 2.0, 3.0]))
print(w)
#--- array-index-in-loop
a = np.arange(6).reshape(2, 3)
s = 0
for i in range(2):
    for j in range(3):
        s += a[i, j] * (i + 1)
print(s, type(s))
#--- bool-arithmetic
t = True
print(t + 1, t * 3, -t, not t, t == 1)
#--- string-concat-loop
s = ''
for c in 'abc':
    s = s + c * 2
print(s)
#--- unpack-in-for
pairs = [(1, 'a'), (2, 'b')]
for n, ch in pairs:
    print(n, ch)
for i, (n, ch) in enumerate(pairs):
    print(i, n, ch)
#--- keyword-call-of-function
def area(w, h):
    return w * h
print(area(h=3, w=2), area(2, h=5))
#--- builtin-calls-in-loop
total = 0
for xs in [[1, 2], [3], []]:
    total += len(xs) + sum(xs) + max(xs, default=0)
print(total)
#--- try-inside-loop
out = []
for d in [1, 0, 2]:
    try:
        out.append(10 // d)
    except ZeroDivisionError as e:
        out.append(str(e))
print(out)
#--- iter-list-live
xs = [1, 2]
it = iter(xs)
xs.append(3)
print(list(it))
it = iter(xs)
print(next(it), next(it))
xs.insert(0, 0)
print(next(it), next(it, 'end'))
#--- enumerate-live-append
xs = ['a']
for i, x in enumerate(xs, 1):
    if i < 4:
        xs.append(x + str(i))
print(xs)
#--- for-list-live-append
xs = [1, 2, 3]
for x in xs:
    if x < 3:
        xs.append(x + 10)
print(xs)
#--- for-list-remove-skips
ys = [1, 2, 3, 4]
for y in ys:
    ys.remove(y)
print(ys)
#--- for-dict-grows
d = {1: 2}
for k in d:
    d[k + 1] = 0
#--- for-set-grows
s = {1}
for k in s:
    s.add(5)
#--- for-dict-value-change-is-fine
d = {'a': 1, 'b': 2}
for k in d:
    d[k] = d[k] * 10
print(d)
