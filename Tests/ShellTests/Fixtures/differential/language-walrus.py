# Assignment expressions (`:=`, PEP 572): in if/while tests, comprehensions (binding in the
# enclosing scope), call arguments and parentheses, as CPython runs them.
#--- if-test-binds
data = [3, 1, 4, 1, 5]
if (n := len(data)) > 3:
    print('long', n)
print(n)
#--- if-test-unparenthesized
if n := 7:
    print(n)
#--- elif-test-binds
x = 0
if x:
    pass
elif (m := x + 10) > 5:
    print('elif', m)
#--- while-reads-chunks
items = [1, 2, 3, 4, 5, 6, 7]
pos = 0
def take():
    global pos
    chunk = items[pos:pos + 3]
    pos += 3
    return chunk
while chunk := take():
    print(chunk)
print(chunk)
#--- while-countdown
k = 5
while (k := k - 2) > 0:
    print(k)
print('end', k)
#--- comprehension-filter-reuses
def f(x):
    return x * x - 4
print([y for x in range(5) if (y := f(x)) > 0])
#--- comprehension-binds-enclosing-top-level
total = 0
sums = [total := total + v for v in [1, 2, 3, 4]]
print(sums, total)
#--- comprehension-last-value-leaks
_ = [(last := i) for i in range(4)]
print(last)
#--- comprehension-binds-function-local
def f():
    _ = [(y := i * 2) for i in range(3)]
    return y
print(f())
#--- comprehension-nested-binds-function
def f(rows):
    any((hit := r) for r in rows if r > 2)
    return hit
print(f([1, 5, 2, 7]))
#--- generator-any-witness
values = [1, 3, 8, 2]
if any((big := v) > 5 for v in values):
    print('first big', big)
#--- call-argument
print(y := 5, y)
#--- call-argument-len
def show(*a):
    print(a)
show(n := 10, n + 1)
#--- parenthesized-statement
def f():
    (z := 4)
    return z
print(f())
#--- value-of-expression
print((w := 3) * 2, w)
#--- list-display
vals = [a := 1, a + 1, a + 2]
print(vals)
#--- nested-walrus
print((a := (b := 2) + 1), a, b)
#--- in-function-local
def f():
    if (v := 3) > 2:
        return v
print(f())
#--- in-function-does-not-leak
def f():
    (walrus_local := 1)
    return walrus_local
_ = f()
print(walrus_local)
#--- global-declared
def f():
    global gw
    (gw := 'set')
_ = f()
print(gw)
#--- nonlocal-declared
def outer():
    r = 0
    def inner():
        nonlocal r
        (r := 9)
    _ = inner()
    return r
print(outer())
#--- conditional-expression
print((s := 'yes') if True else 'no', s)
#--- lambda-body
f = lambda: (t := 5) + 1
print(f())
#--- string-value
if (line := 'a,b,c').count(',') == 2:
    print(line.split(','))
#--- fails-leaves-name-unbound
try:
    (failed_value := 1 / 0)
except ZeroDivisionError:
    print('caught')
try:
    print(failed_value)
except NameError:
    print('unbound')
#--- dict-comprehension-binds
d = {k: (last := k * 2) for k in range(3)}
print(d, last)
#--- set-comprehension-binds
s = {(m := i % 2) for i in range(5)}
print(sorted(s), m)
#--- subscript-value
xs = [10, 20, 30]
print(xs[(i := 1)], i)
#--- assert-walrus
assert (ok := True)
print(ok)
#--- return-walrus
def f():
    return (r := 4) + r
print(f())
#--- statement-level-is-invalid
x := 3
#--- assignment-rhs-is-invalid
y = x := 1
#--- keyword-argument-is-invalid
print(end=e:=1)
#--- default-parameter-is-invalid
def f(x := 1): pass
#--- target-attribute
(a.b := 3)
#--- target-subscript
(a[0] := 3)
#--- target-tuple
((a, b) := 3)
#--- target-literal
(1 := 2)
#--- target-true
(True := 1)
#--- target-call
(f() := 1)
#--- target-expression
(a + b := 1)
#--- rebinds-iteration-variable
[i := 0 for i in range(3)]
#--- in-comprehension-iterable
[x for x in (y := [1, 2])]
