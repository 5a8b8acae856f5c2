#!/usr/bin/env python3
"""Writes Tests/ShellTests/Fixtures/differential/strings.py: numpy's unicode arrays (`<U3`).

Seeded, generated cases (random words of random lengths, 1-d and 2-d) print, compare, index,
sort, unique and pick with np.where; hand-written cases follow for the tutorial idioms and for
numpy's errors (arithmetic on strings, reductions, object arrays). Deterministic (seed 2026);
then `python3 scripts/differential.py Tests/ShellTests/Fixtures/differential/strings.py` records
numpy's answers beside it.
"""
import random

import case_files

SEED = 2026
LETTERS = "abcdexyzAB"


def word(r):
    return "".join(r.choice(LETTERS) for _ in range(r.randint(0, 6)))


def literal(r, shape):
    if len(shape) == 1:
        return "[" + ", ".join(repr(word(r)) for _ in range(shape[0])) + "]"
    return "[" + ", ".join(literal(r, shape[1:]) for _ in range(shape[0])) + "]"


def generated(r):
    cases = []
    for i in range(40):
        shape = r.choice([(1,), (3,), (5,), (8,), (2, 3), (3, 2), (2, 2, 2), (12,)])
        src = f"x = np.array({literal(r, shape)})\n"
        probe = repr(word(r))
        op = r.choice(["==", "!=", "<", "<=", ">", ">="])
        n = shape[0]
        k = r.randrange(n)
        ops = [
            "print(repr(x))", "print(x)", "print(x.dtype, x.shape, x.ndim, x.size, x.itemsize)",
            f"print(repr(x {op} {probe}))",
            f"print(repr(x[{k}]))",
            f"print(repr(x[{-k - 1}]))",
            "print(repr(x[::-1]))",
            "print(repr(np.sort(x, axis=None)))",
            "print(repr(np.unique(x)))",
            f"print(repr(x[x {op} {probe}]))",
            "print(x.tolist())",
            "print(len(x))",
        ]
        if len(shape) == 1:
            ops += [
                "print(repr(np.argsort(x, kind='stable')))",
                f"print(repr(np.where(x {op} {probe}, x, {probe})))",
                f"print(repr(x[[{k}, 0, {k}]]))",
                "u, c = np.unique(x, return_counts=True)\nprint(repr(u), repr(c))",
                "print(repr(x + 's'))",
            ]
        else:
            ops += ["print(repr(x.T))", "print(repr(x.reshape(-1)))", f"print(repr(x[{k}, ...]))", "print(repr(np.sort(x)))"]
        src += "\n".join(r.sample(ops, 5)) + "\n"
        cases.append((f"gen-{i:02d}", src))
    return cases


HAND = [
    ("repr-basic", "x = np.array(['cat', 'dog'])\nprint(repr(x))\nprint(x)\nprint(x.dtype)\nprint(repr(x.dtype))\nprint(x.shape)"),
    ("scalar-str", "x = np.array(['cat', 'dog'])\nprint(repr(x[0]))\nprint(x[0])\nprint(x[0] == 'cat', x[0] + x[1])"),
    ("tolist", "x = np.array([['a', 'bb'], ['ccc', 'd']])\nprint(x.tolist())\nprint(list(np.array(['p', 'q'])))"),
    ("len", "print(len(np.array(['a', 'b', 'c'])))"),
    ("compare-arrays", "a = np.array(['apple', 'kiwi', 'fig'])\nb = np.array(['apple', 'banana', 'grape'])\nprint(a == b, a < b, a >= b, a != b)"),
    ("compare-list", "x = np.array(['cat', 'dog', 'bird'])\nprint(x == ['cat', 'x', 'bird'])"),
    ("compare-number-eq", "x = np.array(['cat', 'dog', 'bird'])\nprint(x == 1, x != 1.5)"),
    ("compare-number-lt", "x = np.array(['cat', 'dog', 'bird'])\nprint(x < 1)"),
    ("compare-number-reflected", "x = np.array(['cat', 'dog', 'bird'])\nprint(1 < x)"),
    ("compare-float", "x = np.array(['cat', 'dog', 'bird'])\nprint(x >= 2.5)"),
    ("compare-broadcast-error", "print(np.array(['a', 'b']) == np.array(['a', 'c', 'd']))"),
    ("mask-index", "labels = np.array(['spam', 'ham', 'spam', 'ham', 'ham'])\nscores = np.array([0.9, 0.2, 0.8, 0.1, 0.3])\nprint(scores[labels == 'spam'])\nprint(labels[scores > 0.5])"),
    ("fancy-index", "x = np.array(['a', 'bb', 'ccc'])\nprint(repr(x[[2, 0]]))\nprint(repr(x[np.array([True, False, True])]))"),
    ("slice-2d", "x = np.array([['a', 'b'], ['c', 'd']])\nprint(repr(x[0]))\nprint(repr(x[:, 1]))\nprint(repr(x[1, 0]))"),
    ("index-error", "x = np.array(['a', 'b'])\nprint(x[5])"),
    ("unique-all", "x = np.array(['b', 'a', 'c', 'a', 'b'])\nu, idx, iv, cnt = np.unique(x, return_index=True, return_inverse=True, return_counts=True)\nprint(u, idx, iv, cnt)"),
    ("sort-2d", "x = np.array([['pear', 'fig'], ['apple', 'date']])\nprint(np.sort(x))\nprint(np.sort(x, axis=0))"),
    ("argsort", "x = np.array(['pear', 'fig', 'apple'])\nprint(np.argsort(x))\nprint(x[np.argsort(x)])"),
    ("argmax", "x = np.array(['pear', 'fig', 'zoo', 'apple'])\nprint(np.argmax(x), np.argmin(x))"),
    ("where-pick", "x = np.array(['cat', 'dog', 'bird'])\nprint(repr(np.where(x == 'cat', x, 'zz')))\nprint(np.where(x == 'dog'))"),
    ("where-two-arrays", "a = np.array(['a', 'b', 'c'])\nb = np.array(['xxxx', 'y', 'z'])\nprint(repr(np.where([True, False, True], a, b)))"),
    ("concatenate", "a = np.array(['a', 'b'])\nb = np.array(['ccc'])\nprint(repr(np.concatenate([a, b])))"),
    ("reshape", "x = np.array(['a', 'b', 'c', 'd', 'e', 'f'])\nprint(repr(x.reshape(2, 3)))\nprint(repr(x.reshape(3, 2).T))"),
    ("empty-string", "print(repr(np.array([''])))\nprint(repr(np.array(['', 'a'])))"),
    ("zero-d", "x = np.array('abc')\nprint(repr(x))\nprint(x)\nprint(x.shape)"),
    ("quote-in-string", "print(repr(np.array([\"it's\", 'a\"b'])))"),
    ("unicode", "x = np.array(['ä', 'bb'])\nprint(repr(x))\nprint(x.itemsize, x.nbytes)"),
    ("long-wrap", "print(repr(np.array(['abcdefghij'] * 20)))\nprint(np.array(['abcdefghij'] * 20))"),
    ("summarised", "x = np.array(['a'] + [str(i) for i in range(1200)])\nprint(x)\nprint(repr(x))"),
    ("mixed-int", "print(repr(np.array(['a', 1])))"),
    ("mixed-float", "print(repr(np.array(['a', 1.5])))"),
    ("dtype-attrs", "x = np.array(['cat', 'dog'])\nprint(x.dtype.kind, x.dtype.itemsize, x.dtype.str, x.dtype.name)"),
    ("strides", "x = np.array([['a', 'b', 'c'], ['d', 'e', 'f']])\nprint(x.strides, x.T.strides)"),
    ("add-strings", "x = np.array(['cat', 'dog', 'bird'])\nprint(repr(x + 's'))\nprint(repr('s' + x))\nprint(repr(x + x))"),
    ("assign-views", "x = np.array(['ab', 'b', 'c'])\ny = x[::-1]\nx[0] = 'zzz'\nprint(repr(x), repr(y))\nx[x == 'b'] = 'q'\nprint(repr(x))\nx[1:] = ['m', 'nn']\nprint(repr(x))\nx[:] = 7\nprint(repr(x))"),
    ("sort-in-place", "z = np.array(['b', 'a', 'c'])\nz.sort()\nprint(z)"),
    ("dtype-str", "print(repr(np.array([1, 2], dtype=str)))\nprint(repr(np.array([[1.5, 2], [3, 4]], dtype=str)))"),
    ("dtype-width", "print(repr(np.array(['abc', 'de'], dtype='<U2')))\nprint(repr(np.array(['abc', 'de'], dtype='U5')))"),
    ("truth", "print(bool(np.array(['a'])), bool(np.array([''])))\nif np.array(['a', 'b']):\n    print('yes')"),
    ("iterate", "for w in np.array(['x', 'yy']):\n    print(w, repr(w), len(w))"),
    ("err-add-int", "np.array(['a']) + 1"),
    ("err-radd-int", "x = np.array(['cat', 'dog'])\n1 + x"),
    ("err-add-float", "np.array(['cat', 'dog']) + 1.5"),
    ("err-add-array", "np.array(['cat', 'dog']) + np.arange(2)"),
    ("err-subtract-str", "np.array(['cat', 'dog']) - 'a'"),
    ("err-multiply-int", "np.array(['cat', 'dog']) * 2"),
    ("err-multiply-str", "x = np.array(['cat', 'dog'])\nx * x"),
    ("err-divide", "np.array(['cat', 'dog']) / 2"),
    ("err-square", "np.array(['cat', 'dog']) ** 2"),
    ("err-negative", "-np.array(['cat', 'dog'])"),
    ("err-sum", "np.array(['cat', 'dog']).sum()"),
    ("err-np-sum", "np.sum(np.array(['cat', 'dog']))"),
    ("err-mean", "np.mean(np.array(['cat', 'dog']))"),
    ("err-max", "np.array(['cat', 'dog']).max()"),
    ("err-min", "np.min(np.array(['cat', 'dog']))"),
    ("err-inhomogeneous", "np.array(['a', ['b']])"),
]


def main():
    r = random.Random(SEED)
    cases = generated(r) + HAND
    case_files.write("strings", "numpy's unicode arrays (<U): printing, comparison, indexing, sort, unique, where, errors.",
                     cases, "gen_string_array_cases.py", SEED)


if __name__ == "__main__":
    main()
