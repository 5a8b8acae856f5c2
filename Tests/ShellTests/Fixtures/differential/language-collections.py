# Python's collections: Counter, defaultdict and OrderedDict (dicts with their own missing
# keys, reprs and methods), deque, and namedtuple; reprs and errors as CPython's.
#--- counter-labels
from collections import Counter
labels = [0, 1, 1, 2, 1, 0, 2, 2, 2]
c = Counter(labels)
print(c)
print(c.most_common(2), c[2], c[7], len(c))
print(sorted(c.items()), list(c), c.total())
#--- counter-words
from collections import Counter
text = 'the cat and the hat and the bat'
c = Counter(text.split())
print(c.most_common())
print(c.most_common(1)[0])
print(Counter('abracadabra'))
#--- counter-empty-and-keywords
from collections import Counter
print(Counter(), repr(Counter()), Counter(a=2, b=1), Counter({'x': 3, 'y': 5}))
#--- counter-increment
from collections import Counter
c = Counter()
for w in 'one two one three one two'.split():
    c[w] += 1
print(c)
print('one' in c, 'four' in c, c['four'], 'four' in c)
#--- counter-update-subtract
from collections import Counter
c = Counter('aab')
c.update('abc')
print(c)
c.update({'a': 10})
print(c)
c.subtract('aaaa')
print(c)
c.subtract({'z': 2})
print(c)
c.update(b=5)
print(c)
#--- counter-arithmetic
from collections import Counter
a = Counter(a=3, b=1, c=2)
b = Counter(a=1, b=2, d=4)
print(a + b)
print(a - b)
print(a | b)
print(a & b)
print(Counter(a=1) - Counter(a=3), Counter(a=2, b=-1) + Counter())
#--- counter-elements
from collections import Counter
c = Counter(a=3, b=2, c=0, d=-1)
print(sorted(c.elements()), list(Counter('abca').elements()))
#--- counter-equality-and-type
from collections import Counter
print(Counter(a=1) == Counter(a=1, b=0), Counter('ab') == {'a': 1, 'b': 1}, type(Counter()), isinstance(Counter(), dict))
print(dict(Counter('aab')), type(dict(Counter('a'))))
#--- counter-copy
from collections import Counter
c = Counter('aab')
d = c.copy()
d['z'] += 1
print(c, d, type(d))
#--- counter-add-int
from collections import Counter
Counter(a=1) + 1
#--- counter-attribute
from collections import Counter
Counter().foo
#--- counter-not-iterable
from collections import Counter
Counter(1)
#--- defaultdict-list
from collections import defaultdict
groups = defaultdict(list)
for name, label in [('a', 0), ('b', 1), ('c', 0)]:
    groups[label].append(name)
print(groups)
print(dict(groups), groups[0], len(groups))
#--- defaultdict-int-counting
from collections import defaultdict
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(counts)
print(sorted(counts.items(), key=lambda kv: -kv[1]))
#--- defaultdict-reprs
from collections import defaultdict
print(defaultdict(None), defaultdict(int, {1: 2}), defaultdict(list, a=[1]))
print(repr(defaultdict(float)), defaultdict(set), type(defaultdict(int)))
d = defaultdict(lambda: 'none')
print(d['x'], d.default_factory(), d['y'], sorted(d), defaultdict(list).default_factory)
#--- defaultdict-get-does-not-insert
from collections import defaultdict
d = defaultdict(list)
print(d.get('a'), 'a' in d, len(d))
_ = d['a']
print('a' in d, d)
#--- defaultdict-nested
from collections import defaultdict
tree = defaultdict(lambda: defaultdict(int))
tree['x']['y'] += 2
tree['x']['z'] += 1
print({k: dict(v) for k, v in tree.items()})
#--- defaultdict-none-factory-keyerror
from collections import defaultdict
d = defaultdict(None)
d['missing']
#--- defaultdict-not-callable
from collections import defaultdict
defaultdict(1)
#--- defaultdict-attribute
from collections import defaultdict
defaultdict(list).foo
#--- ordereddict
from collections import OrderedDict
o = OrderedDict()
o['b'] = 2
o['a'] = 1
o['c'] = 3
print(o, list(o.keys()))
o.move_to_end('b')
print(o)
o.move_to_end('c', last=False)
print(o)
print(o.popitem(), o.popitem(last=False), o)
print(OrderedDict(), OrderedDict([('x', 1)]), OrderedDict(a=1), type(o))
#--- ordereddict-move-missing
from collections import OrderedDict
OrderedDict().move_to_end('x')
#--- ordereddict-popitem-empty
from collections import OrderedDict
OrderedDict().popitem()
#--- deque-basics
from collections import deque
q = deque([1, 2, 3])
q.append(4)
q.appendleft(0)
print(q, len(q), q[0], q[-1])
print(q.pop(), q.popleft(), q)
q.extend([7, 8])
q.extendleft([-1, -2])
print(q)
q.rotate(2)
print(q)
q.rotate(-3)
print(q)
print(3 in q, 99 in q, list(q), q.count(7), q.index(8))
#--- deque-maxlen-window
from collections import deque
window = deque(maxlen=3)
for x in range(6):
    window.append(x)
    print(list(window), sum(window) / len(window))
print(window, window.maxlen)
window.appendleft(-1)
print(window)
#--- deque-reprs
from collections import deque
print(deque(), deque('ab'), deque('abc', 2), deque([1, 2, 3], maxlen=0), type(deque()))
print(deque([1]).maxlen, bool(deque()), bool(deque([0])))
#--- deque-bfs
from collections import deque
graph = {'a': ['b', 'c'], 'b': ['d'], 'c': ['d', 'e'], 'd': [], 'e': []}
seen = {'a'}
order = []
queue = deque(['a'])
while queue:
    node = queue.popleft()
    order.append(node)
    for n in graph[node]:
        if n not in seen:
            seen.add(n)
            queue.append(n)
print(order)
#--- deque-operators
from collections import deque
q = deque([1, 2, 3])
print(q == deque([1, 2, 3]), q == [1, 2, 3], q + deque([4]), q * 2)
q.remove(2)
q.reverse()
print(q, q.copy())
q.clear()
print(q)
#--- deque-pop-empty
from collections import deque
deque().popleft()
#--- deque-index-out-of-range
from collections import deque
deque([1])[5]
#--- deque-remove-missing
from collections import deque
deque([1, 2]).remove(9)
#--- deque-negative-maxlen
from collections import deque
deque(maxlen=-1)
#--- deque-append-arity
from collections import deque
deque().append()
#--- deque-concat-list
from collections import deque
deque([1]) + [4]
#--- deque-insert-full
from collections import deque
deque([1, 2], maxlen=2).insert(0, 5)
#--- deque-attribute
from collections import deque
deque().foo
#--- namedtuple-point
from collections import namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(3, 4)
print(p, p.x, p[1], p[-1], len(p))
x, y = p
print(x + y, p._fields, p._asdict(), p._replace(x=10))
print(Point, type(p), isinstance(p, tuple), isinstance(p, Point))
#--- namedtuple-string-fields-defaults
from collections import namedtuple
Config = namedtuple('Config', 'lr, batch_size epochs', defaults=[10])
c = Config(0.01, 32)
print(c, Config._fields, Config._field_defaults, Config(lr=0.1, epochs=3, batch_size=8))
print(Config._make([1, 2, 3]))
#--- namedtuple-as-tuple
from collections import namedtuple
P = namedtuple('P', 'a b')
p = P(1, 2)
print(p == (1, 2), p + (3,), p[0:1], {p: 'v'}[(1, 2)], list(p), p.count(1), p.index(2), str(p), sorted([P(2, 1), P(1, 5)]))
#--- namedtuple-results-loop
from collections import namedtuple
Result = namedtuple('Result', 'epoch loss')
history = [Result(i, 1.0 / (i + 1)) for i in range(3)]
for r in history:
    print(f'epoch {r.epoch}: loss {r.loss:.3f}')
best = min(history, key=lambda r: r.loss)
print(best)
#--- namedtuple-missing-argument
from collections import namedtuple
P = namedtuple('P', 'x y')
P(1)
#--- namedtuple-too-many
from collections import namedtuple
P = namedtuple('P', 'x y')
P(1, 2, 3)
#--- namedtuple-unexpected-keyword
from collections import namedtuple
P = namedtuple('P', 'x y')
P(1, y=2, z=3)
#--- namedtuple-duplicate-field
from collections import namedtuple
namedtuple('P', 'x x')
#--- namedtuple-bad-identifier
from collections import namedtuple
namedtuple('1P', 'x')
#--- namedtuple-keyword-field
from collections import namedtuple
namedtuple('P', 'x def')
#--- namedtuple-underscore-field
from collections import namedtuple
namedtuple('P', 'x _y')
#--- namedtuple-replace-unknown
from collections import namedtuple
P = namedtuple('P', 'x y')
P(1, 2)._replace(z=1)
#--- namedtuple-make-wrong-length
from collections import namedtuple
P = namedtuple('P', 'x y')
P._make([1])
#--- namedtuple-no-attribute
from collections import namedtuple
P = namedtuple('P', 'x y')
P(1, 2).z
#--- namedtuple-index-error
from collections import namedtuple
P = namedtuple('P', 'x y')
P(1, 2)[5]
#--- namedtuple-too-many-defaults
from collections import namedtuple
namedtuple('Q', ['a', 'b'], defaults=[1, 2, 3])
#--- import-module
import collections
print(collections.Counter('aa'), collections.deque([1]), collections.OrderedDict(a=1))
#--- unknown-attribute
import collections
collections.foo
#--- deque-item-assignment
from collections import deque
d = deque([1, 2, 3])
d[0] = 'a'
d[-1] = 'z'
print(d, d[1])
d.appendleft(0)
d[1] = 'b'
print(d)
#--- deque-item-assignment-errors
from collections import deque
d = deque([1, 2])
for k in [5, -3, 'x']:
    try:
        d[k] = 0
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
#--- deque-del-item
from collections import deque
d = deque(range(5))
del d[1]
del d[-1]
print(d)
#--- namedtuple-equals-tuple
from collections import namedtuple
P = namedtuple('P', 'x y')
p = P(1, 2)
print(p == (1, 2), (1, 2) == p, p != (1, 2), (1, 2) != p, p == P(1, 2), p == (2, 1), p < (1, 3), (0, 5) < p)
#--- namedtuple-dict-key
from collections import namedtuple
P = namedtuple('P', 'x y')
d = {P(1, 2): 'a'}
print(d[(1, 2)], d[P(1, 2)], (1, 2) in d, P(1, 2) in {(1, 2)}, len({P(1, 2), (1, 2), P(2, 1)}))
d[(1, 2)] = 'b'
print(d)
print(hash(P(3, 4)) == hash((3, 4)))
#--- namedtuple-in-list
from collections import namedtuple
P = namedtuple('P', 'x y')
pts = [P(0, 0), P(1, 2)]
print((1, 2) in pts, pts.index((1, 2)), pts.count(P(0, 0)), sorted([P(2, 1), (1, 5), P(1, 2)]))
