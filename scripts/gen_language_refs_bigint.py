#!/usr/bin/env python3
"""Writes two differential case families for the language (issue 10, issue 9 §3):

  language-references.py  lists, dicts and sets are references (aliasing, arguments, methods,
                          lists of arrays, default arguments, copies that are not aliases);
  language-bigint.py      Python's unbounded ints (powers, factorial loops, floor division and
                          modulo signs, int(str), mixing with floats, numpy's refusal).

Hand-written idioms come first, then seeded generated cases. Regenerate the expected outputs with
    python3 scripts/differential.py Tests/ShellTests/Fixtures/differential/language-references.py \
        Tests/ShellTests/Fixtures/differential/language-bigint.py
"""
import os
import random

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "ShellTests", "Fixtures", "differential")

REFERENCES = [
    ("alias-append", "a = []\nb = a\nb.append(1)\nprint(a)\nprint(a is b)"),
    ("alias-item", "a = [1, 2, 3]\nb = a\nb[0] = 9\nprint(a, b)"),
    ("alias-iadd", "a = [1]\nb = a\nb += [2, 3]\nprint(a)"),
    ("alias-add-is-new", "a = [1]\nb = a\nb = b + [2]\nprint(a, b)"),
    ("alias-extend-insert", "a = [1, 2]\nb = a\nb.extend([3])\nb.insert(0, 0)\nprint(a)"),
    ("alias-pop-remove", "a = [1, 2, 3, 4]\nb = a\n_ = b.pop()\nb.remove(1)\nprint(a)"),
    ("alias-sort-reverse", "a = [3, 1, 2]\nb = a\nb.sort()\nprint(a)\nb.reverse()\nprint(a)"),
    ("alias-clear", "a = [1, 2]\nb = a\nb.clear()\nprint(a, len(a))"),
    ("alias-del", "a = [1, 2, 3]\nb = a\ndel b[1]\nprint(a)"),
    ("alias-slice-assign", "a = [1, 2, 3, 4]\nb = a\nb[1:3] = [7]\nprint(a)"),
    ("copy-slice", "a = [1, 2]\nb = a[:]\nb.append(3)\nprint(a, b, a is b)"),
    ("copy-list", "a = [1, 2]\nb = list(a)\nb.append(3)\nprint(a, b)"),
    ("copy-method", "a = [1, 2]\nb = a.copy()\nb[0] = 5\nprint(a, b)"),
    ("def-append", "def add(xs, v):\n    xs.append(v)\n\nitems = []\nadd(items, 1)\nadd(items, 2)\nprint(items)"),
    ("def-rebind-no-effect", "def f(xs):\n    xs = [0]\n    return xs\n\na = [1]\nprint(f(a), a)"),
    ("def-dict", "def count(d, k):\n    d[k] = d.get(k, 0) + 1\n\nc = {}\nfor w in 'abcab':\n    count(c, w)\nprint(c)"),
    ("outputs-append-loop", "outputs = []\nfor i in range(3):\n    output = i * i\n    outputs.append(output)\nprint(outputs)"),
    ("outputs-of-arrays", "outputs = []\nfor i in range(3):\n    outputs.append(np.full(2, i))\nprint(outputs)\nprint(np.stack(outputs))"),
    ("list-of-arrays-aliases", "x = np.zeros(3)\nxs = [x, x]\nxs[0][1] = 5\nprint(x)\nprint(xs[1])"),
    ("list-holds-view", "x = np.arange(6).reshape(2, 3)\nrows = [x[0], x[1]]\nx += 10\nprint(rows)"),
    ("nested-alias", "row = [0, 0]\ngrid = [row, row]\ngrid[0][0] = 1\nprint(grid)"),
    ("nested-independent", "grid = [[0] * 2 for _ in range(2)]\ngrid[0][0] = 1\nprint(grid)"),
    ("repeat-alias", "grid = [[0] * 2] * 2\ngrid[0][1] = 7\nprint(grid)"),
    ("dict-alias", "d = {'a': 1}\ne = d\ne['b'] = 2\nprint(d)\nprint(d is e)"),
    ("dict-copy", "d = {'a': 1}\ne = d.copy()\ne['b'] = 2\nf = dict(d)\nf['c'] = 3\nprint(d, e, f)"),
    ("dict-of-lists", "d = {'xs': []}\nys = d['xs']\nys.append(1)\nd['xs'].append(2)\nprint(d)"),
    ("dict-update-alias", "d = {}\ne = d\ne.update({'k': 1})\n_ = e.setdefault('j', [])\nprint(d)"),
    ("dict-pop-alias", "d = {'a': 1, 'b': 2}\ne = d\n_ = e.pop('a')\ndel e['b']\nprint(d)"),
    ("dict-merge-is-new", "d = {'a': 1}\ne = d | {'b': 2}\nprint(d, e)"),
    ("set-alias", "s = {1}\nt = s\nt.add(2)\nt.discard(1)\nprint(s)"),
    ("set-copy", "s = {1, 2}\nt = s.copy()\nt.add(3)\nprint(sorted(s), sorted(t))"),
    ("set-update-alias", "s = {1}\nt = s\nt.update([2, 3])\nt.intersection_update({2, 3, 4})\nprint(sorted(s))"),
    ("default-arg-shared", "def f(x, acc=[]):\n    acc.append(x)\n    return acc\n\n_ = f(1)\nprint(f(2))"),
    ("closure-list", "def make():\n    seen = []\n    def note(x):\n        seen.append(x)\n        return len(seen)\n    return note\n\nn = make()\n_ = n('a')\nprint(n('b'))"),
    ("global-list-no-decl", "log = []\ndef f(x):\n    log.append(x)\n\nf(1)\nf(2)\nprint(log)"),
    ("self-reference", "a = [1]\na.append(a)\nprint(a)\nprint(len(a))"),
    ("self-reference-dict", "d = {}\nd['me'] = d\nprint(d)"),
    ("is-and-eq", "a = [1, 2]\nb = [1, 2]\nc = a\nprint(a == b, a is b, a is c, a is not b)"),
    ("tuple-holds-list", "t = ([], 1)\nt[0].append(5)\nprint(t)"),
    ("for-target-item", "xs = [[1], [2]]\nfor x in xs:\n    x.append(0)\nprint(xs)"),
    ("enumerate-write-back", "xs = [1, 2, 3]\nfor i, x in enumerate(xs):\n    xs[i] = x * 10\nprint(xs)"),
    ("comprehension-new", "a = [1, 2]\nb = [x for x in a]\nb.append(3)\nprint(a, b)"),
    ("sorted-is-new", "a = [3, 1]\nb = sorted(a)\nb.append(0)\nprint(a, b)"),
    ("unpack-shares", "a = [[1], [2]]\nx, y = a\nx.append(9)\nprint(a)"),
    ("star-unpack-new", "first, *rest = [1, 2, 3]\nrest.append(4)\nprint(first, rest)"),
    ("swap-items", "xs = [1, 2, 3]\nxs[0], xs[2] = xs[2], xs[0]\nprint(xs)"),
    ("augmented-item", "xs = [1, 2]\nys = xs\nys[1] += 5\nprint(xs)"),
    ("augmented-dict-item", "counts = {'a': 0}\nalias = counts\nalias['a'] += 3\nprint(counts)"),
    ("tutorial-epoch-losses", "losses = []\ndef train_epoch(history, epoch):\n    history.append(round(1.0 / (epoch + 1), 3))\n\nfor epoch in range(4):\n    train_epoch(losses, epoch)\nprint('losses:', losses)"),
    ("stack-list-of-arrays-then-write", "xs = [np.zeros(2), np.ones(2)]\nxs[1][0] = 3\nprint(np.concatenate(xs))"),
]

BIGINT = [
    ("pow-100", "print(2 ** 100)"),
    ("pow-neg-base", "print((-3) ** 41)"),
    ("factorial-loop", "f = 1\nfor k in range(1, 31):\n    f *= k\nprint(f)"),
    ("math-factorial", "import math\nprint(math.factorial(25))\nprint(math.factorial(40) // math.factorial(38))"),
    ("fib-loop", "a, b = 0, 1\nfor _ in range(100):\n    a, b = b, a + b\nprint(a)"),
    ("overflow-add", "print(9223372036854775807 + 1)"),
    ("overflow-mul", "print(4611686018427387904 * 4)"),
    ("overflow-neg-min", "x = -9223372036854775807 - 1\nprint(-x)\nprint(abs(x))"),
    ("back-to-small", "x = 2 ** 70\nprint(x - x + 5, type(x // 2 ** 60))"),
    ("literal-big", "x = 123456789012345678901234567890\nprint(x * 2)\nprint(x % 97)"),
    ("floor-mod-signs", "print(-7 % 3, 7 % -3, -7 // 2, 7 // 2, -7 // -2)"),
    ("big-floor-mod-signs", "x = 10 ** 25\nprint(-x // 7, -x % 7, x // -7, x % -7)"),
    ("divmod-big", "print(divmod(10 ** 30 + 7, 10 ** 15))"),
    ("true-division", "print(2 ** 100 / 2 ** 98)\nprint(2 ** 100 / 3)"),
    ("int-str-big", "s = '9' * 40\nn = int(s)\nprint(n + 1)\nprint(int('-' + s) - 1)"),
    ("int-float-big", "print(int(1e30))\nprint(int(-2.5e20))"),
    ("float-of-big", "print(float(2 ** 100))\nprint(2 ** 100 + 0.5)\nprint(10 ** 20 * 1.5)"),
    ("float-too-big", "print(float(2 ** 2000))"),
    ("compare-big", "a = 2 ** 80\nprint(a > 2 ** 79, a == 2 ** 80, a < 1e30, a == 2.0 ** 80, a != a + 1)"),
    ("sorted-mixed", "print(sorted([2 ** 70, -1, 3, 2 ** 64, -(2 ** 65)]))"),
    ("max-sum-big", "xs = [2 ** 62, 2 ** 62, 2 ** 62]\nprint(sum(xs), max(xs + [2 ** 63]))"),
    ("shift-big", "print(1 << 100)\nprint((1 << 100) >> 98)\nprint(-(1 << 70) >> 3)"),
    ("bitwise-big", "a = 2 ** 70 + 5\nprint(a & 7, a | 2, a ^ a)\nprint(-a & 0xff)"),
    ("bit-length", "print((2 ** 100).bit_length(), (255).bit_length())"),
    ("hash-key-big", "d = {2 ** 100: 'big', 3: 'small'}\nprint(d[2 ** 100], 2 ** 100 in d)"),
    ("str-repr-fstring", "x = 3 ** 50\nprint(str(x), repr(x))\nprint(f'{x}')"),
    ("digits-limit-str", "print(str(10 ** 5000))"),
    ("digits-limit-int", "print(int('1' * 4400))"),
    ("numpy-refuses", "print(np.arange(3) + 2 ** 100)"),
    ("numpy-int64-refuses", "print(np.int64(2 ** 100))"),
    ("len-of-digits", "print(len(str(2 ** 1000)))"),
    ("sum-digits", "print(sum(int(c) for c in str(2 ** 1000)))"),
    ("pow-builtin", "print(pow(7, 77))\nprint(pow(2, -2))"),
    ("zero-division-big", "print(2 ** 100 // 0)"),
    ("modulo-zero-big", "print(2 ** 100 % 0)"),
    ("negative-shift", "print(1 << -1)"),
    ("bool-of-big", "print(bool(2 ** 100), not 2 ** 100)"),
    ("range-of-big-len", "print(10 ** 20 // 10 ** 18 - 1)"),
]


def generated_bigint(rng):
    cases = []
    ops = ["+", "-", "*", "//", "%"]
    for i in range(120):
        a = rng.choice([rng.randrange(-10**30, 10**30), rng.randrange(2**62, 2**64), -rng.randrange(2**62, 2**64),
                        rng.randrange(-1000, 1000)])
        b = rng.choice([rng.randrange(-10**25, 10**25), rng.randrange(1, 2**63), rng.randrange(-50, 50), 10**18 + 9])
        op = ops[i % len(ops)]
        cases.append((f"gen-{op_name(op)}-{i}", f"a = {a}\nb = {b}\nprint(a {op} b)"))
    for i in range(30):
        base = rng.choice([2, 3, 7, 10, -2, -5, 12345])
        e = rng.randrange(20, 150)
        cases.append((f"gen-pow-{i}", f"print({base} ** {e})"))
    for i in range(20):
        a = rng.randrange(-10**40, 10**40)
        cases.append((f"gen-float-{i}", f"print(float({a}), {a} / 7, {a} * 0.25)"))
    for i in range(20):
        a, b = rng.randrange(-10**22, 10**22), rng.randrange(-10**22, 10**22)
        cases.append((f"gen-compare-{i}", f"a = {a}\nb = {b}\nprint(a < b, a == b, a >= b, max(a, b), min(a, b))"))
    return cases


def op_name(op):
    return {"+": "add", "-": "sub", "*": "mul", "//": "floordiv", "%": "mod"}[op]


def write(path, header, cases):
    with open(path, "w") as f:
        f.write(header)
        for name, src in cases:
            f.write(f"#--- {name}\n{src}\n")


def main():
    rng = random.Random(20261205)
    write(os.path.join(OUT, "language-references.py"),
          "# Lists, dicts and sets are references, as in Python (issue 9 §3, issue 10).\n"
          "# Generated by scripts/gen_language_refs_bigint.py; do not edit by hand.\n", REFERENCES)
    write(os.path.join(OUT, "language-bigint.py"),
          "# Python's ints are unbounded: big ints past 64 bits, and numpy's refusal of them.\n"
          "# Generated by scripts/gen_language_refs_bigint.py; do not edit by hand.\n", BIGINT + generated_bigint(rng))


if __name__ == "__main__":
    main()
