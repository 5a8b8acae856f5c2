# Python's json and copy as tutorials use them (each case runs in its own temporary directory).
#--- dumps-basic
import json
print(json.dumps({'b': 1, 'a': [1, 2.5, None, True, False, 'x']}))
print(json.dumps([1, [2, []], {}]), json.dumps('s'), json.dumps(3), json.dumps(None), json.dumps(''))
#--- dumps-indent-sort
import json
cfg = {'lr': 0.001, 'hidden': 128, 'layers': [64, 32], 'name': 'char-rnn', 'opts': {'z': (1, 2), 'a': {}}}
print(json.dumps(cfg, indent=2, sort_keys=True))
print(json.dumps(cfg, indent=4))
print(json.dumps([1, [2, []]], indent=0))
print(json.dumps([1, {'a': 2}], indent='\t'))
print(json.dumps({}, indent=2), json.dumps([[]], indent=2))
#--- dumps-separators
import json
print(json.dumps({'a': 1, 'b': [1, 2]}, separators=(',', ':')))
print(json.dumps({'a': 1, 'b': [1, 2]}, indent=1, separators=(', ', ' = ')))
#--- dumps-strings
import json
s = 'x"\\\n\t\r\b\f\u00e9\U0001F600\x7f\x01/'
print(json.dumps(s))
print(json.dumps(s, ensure_ascii=False))
print(json.dumps({'é': 'ü'}), json.dumps({'é': 'ü'}, ensure_ascii=False))
#--- dumps-numbers
import json
print(json.dumps([float('nan'), float('inf'), -float('inf'), 1e100, 0.1, -0.0, 2**70, 1.5e-7, 100.0]))
print(json.dumps(np.float64(1.5)), json.dumps([np.float64(0.1)]))
#--- dumps-keys
import json
print(json.dumps({1: 'a', 2.5: 'b', None: 'd', False: 'e', 'k': 'f'}))
print(json.dumps({(1, 2): 3, 'a': 1}, skipkeys=True))
#--- dumps-default
import json
print(json.dumps({'w': np.arange(3)}, default=lambda o: o.tolist()))
class Cfg:
    def __init__(self):
        self.lr = 0.1
print(json.dumps(Cfg(), default=lambda o: o.__dict__))
#--- dumps-ndarray
import json
json.dumps(np.arange(3))
#--- dumps-int64
import json
json.dumps({'n': np.int64(3)})
#--- dumps-set
import json
json.dumps({1, 2})
#--- dumps-tuple-key
import json
json.dumps({(1, 2): 3})
#--- dumps-circular
import json
l = [1]
l.append(l)
json.dumps(l)
#--- dumps-allow-nan
import json
json.dumps([float('nan')], allow_nan=False)
#--- dumps-sort-mixed
import json
json.dumps({'a': 1, 2: 'b'}, sort_keys=True)
#--- dumps-no-args
import json
json.dumps()
#--- dumps-bad-keyword
import json
json.dumps(1, foo=1)
#--- loads-basic
import json
print(json.loads('{"a": [1, 2.5, true, null, "x"], "b": {"c": -3e2}}'))
print(json.loads(' [ ] '), json.loads('{}'), json.loads('"\\u00e9\\ud83d\\ude00\\n"'), json.loads('-0'), json.loads('1.0'))
print(json.loads('123456789012345678901234567890'), json.loads('NaN'), json.loads('-Infinity'))
print(json.loads('{"a": 1, "a": 2}'))
#--- roundtrip
import json
vocab = {'a': 0, 'b': 1, '\n': 2, 'é': 3}
s = json.dumps(vocab)
print(s, json.loads(s) == vocab)
#--- dump-load-file
import json
char_to_ix = {ch: i for i, ch in enumerate('abc')}
with open('vocab.json', 'w') as f:
    json.dump(char_to_ix, f, indent=2)
print(open('vocab.json').read())
with open('vocab.json') as f:
    print(json.load(f))
#--- loads-empty
import json
json.loads('')
#--- loads-trailing-comma-list
import json
json.loads('[1,]')
#--- loads-trailing-comma-dict
import json
json.loads('{"a":1,}')
#--- loads-single-quotes
import json
json.loads("{'a': 1}")
#--- loads-missing-colon
import json
json.loads('{"a" 1}')
#--- loads-missing-comma
import json
json.loads('[1 2]')
#--- loads-unterminated
import json
json.loads('"abc')
#--- loads-bad-escape
import json
json.loads('"a\\qb"')
#--- loads-bad-unicode-escape
import json
json.loads('"\\u12"')
#--- loads-control-char
import json
json.loads('"a\nb"')
#--- loads-extra-data
import json
json.loads('[1]x')
#--- loads-multiline
import json
json.loads('[1,\n 2,\n x]')
#--- loads-leading-zero
import json
json.loads('01')
#--- loads-not-str
import json
json.loads(3)
#--- loads-caught
import json
try:
    json.loads('{')
except ValueError as e:
    print(type(e).__name__, e)
#--- copy-lists
import copy
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(9)
a[2]['k'].append(8)
print(b, c, b[1] is a[1], c[1] is a[1])
#--- copy-arrays
import copy
x = np.arange(3)
y = copy.copy(x)
z = copy.deepcopy(x)
x[0] = 7
print(y, z, type(y).__name__)
#--- copy-instances
import copy
class P:
    def __init__(self):
        self.w = [1, 2]
        self.arr = np.zeros(2)
p = P()
q = copy.copy(p)
r = copy.deepcopy(p)
p.w.append(3)
p.arr[0] = 5
print(q.w, r.w, q.arr, r.arr, type(r).__name__, r is p, q.w is p.w)
#--- deepcopy-shares-and-cycles
import copy
l = [1]
l.append(l)
m = copy.deepcopy(l)
print(m, m[1] is m, m is l)
s = [[0]] * 2
t = copy.deepcopy(s)
print(t[0] is t[1], t[0] is s[0])
#--- copy-immutables
import copy
t1 = (1, 2)
print(copy.copy(5), copy.deepcopy('s'), copy.deepcopy((1, [2])), copy.copy({1, 2}), copy.deepcopy(t1) == t1, copy.copy(None) is None)
#--- copy-collections
import copy
from collections import defaultdict, Counter
dd = defaultdict(list)
dd['a'].append(1)
ee = copy.deepcopy(dd)
dd['a'].append(2)
print(ee, type(ee).__name__, copy.copy(Counter('aab')))
#--- copy-no-args
import copy
copy.copy()
#--- dict-fromkeys
print(dict.fromkeys(['a', 'b']), dict.fromkeys('xy', 0), dict.fromkeys(range(3), []))
d = dict.fromkeys(['a', 'b'], [])
d['a'].append(1)
print(d)
#--- dict-fromkeys-no-args
dict.fromkeys()
#--- dict-fromkeys-not-iterable
dict.fromkeys(3)
#--- identity-nan-containers
import math
x = float('nan')
print([x] == [x], [np.nan] == [np.nan], (x,) == (x,), x in [x], {'a': x} == {'a': x}, [math.nan] == [math.nan])
print(x in (x, 1), [x] != [x], [[x]] == [[x]], x == x, [x] < [x, 1])
#--- identity-deep-dict
d = {}
for i in range(200000):
    d = {'k': d}
print(d == d)
#--- identity-self-containing
a = []
a.append(a)
b = {}
b['self'] = b
print(a == a, b == b)
#--- json-deep-nesting
import json
for src in ['[' * 100000, '{"a": ' * 100000]:
    try:
        json.loads(src)
    except RecursionError as e:
        print(type(e).__name__, e)
deep = []
for i in range(5000):
    deep = [deep]
try:
    json.dumps(deep)
except RecursionError as e:
    print(type(e).__name__, e)
print(json.loads('[' * 500 + ']' * 500) == json.loads(json.dumps(json.loads('[' * 500 + ']' * 500))))
