#!/usr/bin/env python3
"""Writes the differential case files of the families `operators`, `indexing` and `mutation`.

Each family is a seeded generator (so the files are reproducible: same seed, same cases) plus
hand-written tutorial idioms. The cases are rnnsh statements in numpy form; numpy's answers come
from scripts/differential.py, which is run on the files afterwards:

    python3 scripts/gen_mutation_cases.py            # writes the three .py case files
    python3 scripts/differential.py Tests/ShellTests/Fixtures/differential/{operators,indexing,mutation}.py

The generators only use what a learner writes: np.arange(...).reshape(...), np.array([...]),
dtype=..., astype, slicing, lists and masks as indices, operators, print(...).
"""
import os
import random

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "ShellTests", "Fixtures", "differential")
SEED = 2409

DTYPES = ["int64", "int32", "uint8", "float64", "float32", "bool"]


def array_literal(rng, dtype, shape, low=-6, high=7):
    """Source text of a small array of `dtype` and `shape` with values in [low, high)."""
    n = 1
    for d in shape:
        n *= d
    if dtype == "bool":
        vals = [rng.choice(["True", "False"]) for _ in range(n)]
    elif dtype.startswith("float"):
        vals = [rng.choice([str(rng.randint(low, high)), f"{rng.randint(low, high)}.5", f"{rng.uniform(low, high):.3f}"]) for _ in range(n)]
    elif dtype == "uint8":
        vals = [str(rng.randint(0, 255 if high > 50 else 12)) for _ in range(n)]
    else:
        vals = [str(rng.randint(low, high)) for _ in range(n)]
    body = ", ".join(vals)
    text = f"np.array([{body}], dtype=np.{dtype})"
    if len(shape) != 1:
        text += f".reshape({', '.join(map(str, shape))})"
    return text


def python_scalar(rng, kind):
    if kind == "int":
        return str(rng.choice([0, 1, 2, 3, -1, -2, 5, 7]))
    if kind == "float":
        return rng.choice(["0.5", "2.0", "-1.5", "3.25", "0.0", "1e-3"])
    return rng.choice(["True", "False"])


# ---------------------------------------------------------------- operators

BINARY = ["+", "-", "*", "/", "//", "%", "**", "&", "|", "^", "<<", ">>"]


def operators(rng):
    cases = []
    n = 0
    # Array (op) Python scalar and array (op) array, every dtype.
    for op in BINARY:
        for dtype in DTYPES:
            for kind in ["int", "float", "bool"]:
                shape = rng.choice([(4,), (2, 3)])
                lo, hi = (0, 4) if op in ("**", "<<", ">>") else (-6, 7)
                a = array_literal(rng, dtype, shape, lo, hi)
                s = python_scalar(rng, kind)
                if op in ("**", "<<", ">>") and kind == "int":
                    s = str(rng.choice([0, 1, 2, 3]))
                if op == "**" and kind == "float":
                    s = rng.choice(["0.5", "2.0", "1.5", "-1.0", "3.0"])
                order = rng.random() < 0.3
                expr = f"{s} {op} a" if order else f"a {op} {s}"
                n += 1
                cases.append((f"op-{n}", f"a = {a}\nr = {expr}\nprint(r)\nprint(r.dtype)\n"))
            for other in rng.sample(DTYPES, 3):
                shape = rng.choice([(4,), (2, 3)])
                lo, hi = (0, 4) if op in ("**", "<<", ">>") else (-6, 7)
                a = array_literal(rng, dtype, shape, lo, hi)
                b = array_literal(rng, other, (shape[-1],) if rng.random() < 0.4 else shape, lo, hi)
                n += 1
                cases.append((f"op-{n}", f"a = {a}\nb = {b}\nr = a {op} b\nprint(r)\nprint(r.dtype)\n"))
    # Unary operators and abs.
    for dtype in DTYPES:
        for op in ["-", "+", "~", "abs"]:
            a = array_literal(rng, dtype, (5,))
            expr = "abs(a)" if op == "abs" else f"{op}a"
            n += 1
            cases.append((f"op-{n}", f"a = {a}\nr = {expr}\nprint(r)\nprint(r.dtype)\n"))
    # divmod, by zero, negative powers, Python's sign rule for %.
    for dtype in ["int64", "int32", "float64", "float32", "uint8"]:
        a = array_literal(rng, dtype, (6,))
        b = array_literal(rng, dtype, (6,), -3, 4)
        n += 1
        cases.append((f"op-{n}", f"a = {a}\nb = {b}\nq, m = divmod(a, b)\nprint(q, m)\nprint(q.dtype, m.dtype)\n"))
        n += 1
        cases.append((f"op-{n}", f"a = {a}\nprint(a // 0, a % 0)\n"))
    # numpy scalars.
    for dtype in ["int64", "int32", "float64", "float32", "uint8"]:
        for op in ["+", "//", "%", "**", "*", "-"]:
            v = rng.randint(1, 9)
            s = python_scalar(rng, rng.choice(["int", "float"]))
            if op == "**":
                s = str(rng.randint(0, 3))
            n += 1
            cases.append((f"op-{n}", f"s = np.{dtype}({v})\nr = s {op} {s}\nprint(repr(r))\n"))
    # Comparisons of Python tuples and lists.
    for src in ["x = np.zeros((2, 3))\nprint(x.shape == (2, 3), x.shape != (2, 3), x.shape == (3, 2))\n",
                "print((1, 2) < (1, 3), (1, 2) <= (1, 2), (2,) > (1, 9), (1, 2) == [1, 2], [1, 2] == [1, 2])\n",
                "print((1, 2, 3) > (1, 2), [3] < [3, 0], (1, 2.0) == (1, 2), () == ())\n",
                "x = np.arange(6).reshape(2, 3)\nprint(x.T.shape == (3, 2), x[0].shape == (3,))\n"]:
        n += 1
        cases.append((f"op-{n}", src))
    return cases


def operator_idioms():
    return [
        ("mse", "y = np.array([1.0, 2.0, 3.0])\np = np.array([1.5, 1.5, 3.5])\nprint(((y - p)**2).mean())\n"),
        ("mask-or", "a = np.arange(6)\nb = np.arange(6)[::-1]\nprint((a > 1) | (b < 2))\n"),
        ("mask-and", "a = np.arange(8)\nprint((a > 2) & (a < 6))\n"),
        ("mask-not", "a = np.arange(5)\nprint(~(a > 2))\n"),
        ("mask-xor", "a = np.arange(6)\nprint((a % 2 == 0) ^ (a > 2))\n"),
        ("even-odd", "x = np.arange(10)\nprint(x % 2, x // 3)\n"),
        ("neg-mod", "print(np.array([-7, 7, -7, 7]) % np.array([3, 3, -3, -3]))\n"),
        ("neg-floordiv", "print(np.array([-7, 7, -7, 7]) // np.array([3, 3, -3, -3]))\n"),
        ("float-mod-sign", "print(np.array([-7.5, 7.5, -0.0]) % 2, np.array([-7.5, 7.5]) % -2)\n"),
        ("float-floordiv", "print(np.array([-7.5, 7.5, 1.0]) // 2, np.array([1.0, -1.0, 0.0]) // 0)\n"),
        ("int-neg-power", "print(np.arange(3) ** -1)\n"),
        ("int-neg-power-array", "print(np.arange(1, 4) ** np.array([1, -1, 2]))\n"),
        ("float-neg-power", "print(np.arange(1, 4) ** -1.0)\n"),
        ("sqrt-power", "print(np.array([-0.0, 4.0, 2.0]) ** 0.5)\n"),
        ("square-power", "print(np.array([1.5, -2.0]) ** 2, np.array([2.0, 4.0], dtype=np.float32) ** -1)\n"),
        ("two-pow", "print(2 ** np.arange(8))\n"),
        ("shift-wide", "print(np.array([1, 2]) << np.array([64, -1]), np.array([-8]) >> 70)\n"),
        ("float-and", "print(np.array([1.0]) & 1)\n"),
        ("float-invert", "print(~np.array([1.5]))\n"),
        ("bool-sub", "print(np.array([True]) - np.array([False]))\n"),
        ("bool-neg", "print(-np.array([True, False]))\n"),
        ("bool-pos", "print(+np.array([True, False]))\n"),
        ("uint8-wrap", "print(np.arange(3, dtype=np.uint8) - 5)\n"),
        ("uint8-overflow-scalar", "print(np.arange(3, dtype=np.uint8) + 300)\n"),
        ("int-min-floordiv", "print(np.array([-9223372036854775808]) // -1, np.array([-9223372036854775808]) % -1)\n"),
        ("accuracy", "p = np.array([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7]])\ny = np.array([1, 0, 0])\nprint((np.argmax(p, axis=1) == y).mean())\n"),
        ("relu-mask", "x = np.array([-1.0, 2.0, -3.0, 4.0])\nprint(x * (x > 0))\n"),
        ("pipe-command", "x = np.arange(6)\nprint(x.reshape(2, 3))\n"),
        ("abs-int-min", "print(abs(np.array([-9223372036854775808, -3])))\n"),
        ("divmod-scalars", "print(divmod(np.int64(7), 2), divmod(np.float64(-7.5), 2))\n"),
    ]


# ---------------------------------------------------------------- indexing

def random_index_item(rng, size, allow_array=True):
    r = rng.random()
    if r < 0.25:
        return str(rng.randint(-size, size - 1))
    if r < 0.5 or not allow_array:
        start = rng.choice(["", str(rng.randint(-size, size))])
        stop = rng.choice(["", str(rng.randint(-size, size))])
        step = rng.choice(["", "", str(rng.choice([1, 2, -1, -2]))])
        return f"{start}:{stop}" + (f":{step}" if step else "")
    if r < 0.8:
        k = rng.randint(1, 4)
        return "[" + ", ".join(str(rng.randint(-size, size - 1)) for _ in range(k)) + "]"
    mask = ", ".join(rng.choice(["True", "False"]) for _ in range(size))
    return f"np.array([{mask}])"


def indexing(rng):
    cases = []
    n = 0
    for _ in range(330):
        ndim = rng.randint(1, 3)
        shape = [rng.randint(2, 4) for _ in range(ndim)]
        total = 1
        for d in shape:
            total *= d
        items = []
        axis = 0
        while axis < ndim and (len(items) == 0 or rng.random() < 0.75):
            if rng.random() < 0.1:
                items.append("None")
                continue
            if rng.random() < 0.08 and "..." not in items:
                items.append("...")
                axis = ndim - (ndim - axis) // 2
                continue
            items.append(random_index_item(rng, shape[axis]))
            axis += 1
        # Now and then an error: out of bounds, a float array, a wrong mask.
        e = rng.random()
        if e < 0.04:
            items[0] = f"[0, {shape[0] + rng.randint(0, 3)}]"
        elif e < 0.06:
            items[0] = "np.array([0.0, 1.0])"
        elif e < 0.08:
            items[0] = "np.array([True, False, True, True, False, True])"
        src = f"x = np.arange({total}).reshape({', '.join(map(str, shape))})\n"
        src += f"r = x[{', '.join(items)}]\nprint(r)\nprint(r.shape)\n"
        n += 1
        cases.append((f"ix-{n}", src))
    # Full-shape masks from comparisons, on several dtypes.
    for dtype in DTYPES[:5]:
        for _ in range(6):
            shape = rng.choice([(6,), (2, 3), (2, 2, 3)])
            a = array_literal(rng, dtype, shape)
            cond = rng.choice(["a > 0", "a % 2 == 0", "a != a", "(a > -2) & (a < 3)", "a == a"])
            n += 1
            cases.append((f"ix-{n}", f"a = {a}\nprint(a[{cond}])\n"))
    # take / nonzero / argwhere / ix_.
    for _ in range(25):
        shape = rng.choice([(5,), (3, 4), (2, 3, 2)])
        total = 1
        for d in shape:
            total *= d
        k = rng.randint(1, 4)
        idx = "[" + ", ".join(str(rng.randint(-shape[0], shape[0] - 1)) for _ in range(k)) + "]"
        axis = rng.choice(["", ", axis=0", f", axis={len(shape) - 1}", ", axis=-1"])
        if axis == "":
            idx = "[" + ", ".join(str(rng.randint(-total, total - 1)) for _ in range(k)) + "]"
        else:
            ax = int(axis.split("=")[1])
            size = shape[ax]
            idx = "[" + ", ".join(str(rng.randint(-size, size - 1)) for _ in range(k)) + "]"
        n += 1
        cases.append((f"ix-{n}", f"x = np.arange({total}).reshape{shape if len(shape) > 1 else '(' + str(shape[0]) + ')'}\nprint(np.take(x, {idx}{axis}))\nprint(x.take({idx}{axis}))\n"))
    for _ in range(12):
        shape = rng.choice([(6,), (2, 3), (2, 2, 2)])
        a = array_literal(rng, "int64", shape, -1, 2)
        n += 1
        cases.append((f"ix-{n}", f"a = {a}\nprint(np.nonzero(a))\nprint(a.nonzero())\nprint(np.argwhere(a))\nprint(a[np.nonzero(a)])\n"))
    for _ in range(8):
        rows = sorted(rng.sample(range(3), 2))
        cols = sorted(rng.sample(range(4), 2))
        n += 1
        cases.append((f"ix-{n}", f"x = np.arange(12).reshape(3, 4)\nprint(x[np.ix_({rows}, {cols})])\nprint(np.ix_({rows}, {cols}))\n"))
    return cases


def indexing_idioms():
    return [
        ("one-hot-eye", "labels = np.array([3, 0, 9, 1])\nprint(np.eye(10)[labels])\n"),
        ("probs-pick", "probs = np.array([[0.1, 0.7, 0.2], [0.5, 0.2, 0.3]])\ny = np.array([1, 0])\nN = 2\nprint(probs[np.arange(N), y])\n"),
        ("cross-entropy", "probs = np.array([[0.25, 0.75], [0.5, 0.5], [0.9, 0.1]])\ny = np.array([1, 0, 0])\nprint(-np.log(probs[np.arange(3), y]).mean())\n"),
        ("positive-only", "x = np.array([-2, 3, -1, 5])\nprint(x[x > 0])\n"),
        ("mask-2d", "x = np.arange(12).reshape(3, 4)\nprint(x[x % 5 == 0])\n"),
        ("rows-by-mask", "x = np.arange(12).reshape(3, 4)\nprint(x[np.array([True, False, True])])\n"),
        ("cols-by-list", "x = np.arange(12).reshape(3, 4)\nprint(x[:, [3, 0]])\n"),
        ("separated-advanced", "x = np.arange(24).reshape(2, 3, 4)\nprint(x[[0, 1], :, [1, 2]])\nprint(x[[0, 1], :, [1, 2]].shape)\n"),
        ("adjacent-advanced", "x = np.arange(24).reshape(2, 3, 4)\nprint(x[:, [0, 1], [1, 2]].shape, x[0, :, [1, 2]].shape)\n"),
        ("index-broadcast", "x = np.arange(12).reshape(3, 4)\nprint(x[[[0], [2]], [1, 3]])\n"),
        ("index-mismatch", "x = np.arange(12).reshape(3, 4)\nprint(x[[0, 1], [0, 1, 2]])\n"),
        ("out-of-bounds", "x = np.arange(12).reshape(3, 4)\nprint(x[:, [0, 5]])\n"),
        ("neg-out-of-bounds", "x = np.arange(4.0)\nprint(x[[-5]])\n"),
        ("bool-mismatch", "x = np.arange(3)\nprint(x[np.array([True, False])])\n"),
        ("float-index-array", "x = np.arange(3)\nprint(x[np.array([1.0])])\n"),
        ("float-index-list", "x = np.arange(3)\nprint(x[[1.0]])\n"),
        ("empty-list-index", "x = np.arange(3)\nprint(x[[]], x[[]].dtype)\n"),
        ("true-index", "x = np.arange(4)\nprint(x[True], x[False], x[True].shape)\n"),
        ("shuffle-by-index", "x = np.arange(10, 16)\nperm = np.array([5, 0, 3, 1, 4, 2])\nprint(x[perm])\n"),
        ("minibatch-slices", "X = np.arange(20).reshape(10, 2)\nfor i in range(0, 10, 4):\n    print(X[i:i + 4])\n"),
        ("minibatch-indices", "X = np.arange(20).reshape(10, 2)\nidx = np.array([7, 2, 9])\nprint(X[idx])\n"),
        ("reverse-fancy", "x = np.arange(5)\nprint(x[::-1][[0, 1]])\n"),
        ("nonzero-0d", "print(np.nonzero(np.array(3)))\n"),
        ("take-out-of-bounds", "print(np.take(np.arange(5), [7]))\n"),
        ("where-one-arg", "print(np.where(np.array([0, 2, 0, 3])))\n"),
    ]


# ---------------------------------------------------------------- mutation

def basic_view(rng, shape):
    """A random chain of basic view operations valid for `shape`; returns (source, new shape)."""
    ops = []
    shape = list(shape)
    for _ in range(rng.randint(1, 3)):
        choice = rng.random()
        if choice < 0.3 and len(shape) >= 2:
            ops.append(".T")
            shape = shape[::-1]
        elif choice < 0.5 and len(shape) >= 2:
            i = rng.randint(0, shape[0] - 1)
            ops.append(f"[{i}]")
            shape = shape[1:]
        elif choice < 0.7:
            n = shape[0]
            start = rng.randint(0, n - 1)
            step = rng.choice([1, 1, 2, -1])
            if step > 0:
                ops.append(f"[{start}:]" if step == 1 else f"[{start}::{step}]")
                shape[0] = len(range(start, n, step))
            else:
                ops.append("[::-1]")
        elif choice < 0.85:
            ops.append("[..., ::-1]" if shape else "")
        else:
            ops.append("[:, None]" if len(shape) >= 1 else "")
            shape = shape[:1] + [1] + shape[1:]
    return "".join(ops), shape


def mutation(rng):
    cases = []
    n = 0
    # Aliasing: a view chain, a write through it, the original printed.
    for _ in range(140):
        shape = rng.choice([(6,), (2, 3), (3, 4), (2, 3, 2)])
        total = 1
        for d in shape:
            total *= d
        dtype = rng.choice(["int64", "float64", "int32"])
        view, vshape = basic_view(rng, shape)
        write = rng.choice([
            "y[...] = 7",
            "y += 1",
            "y *= 2",
            "y[0] = -1" if vshape and vshape[0] > 0 else "y[...] = 3",
            "y -= y",
            "y[...] = np.arange(1, 1 + y.size).reshape(y.shape)",
        ])
        copy = rng.random() < 0.25
        src = f"x = np.arange({total}, dtype=np.{dtype}).reshape({', '.join(map(str, shape))})\n"
        src += f"y = x{view}" + (".copy()" if copy else "") + "\n"
        src += f"{write}\nprint(x)\nprint(y)\nprint(np.shares_memory(x, y), y.flags.owndata)\n"
        n += 1
        cases.append((f"mut-{n}", src))
    # Reshape views and split pieces.
    for _ in range(30):
        k = rng.choice([2, 3])
        src = f"x = np.arange({k * 4}).reshape({k}, 4)\n"
        r = rng.random()
        if r < 0.5:
            src += f"parts = np.split(x, {k})\np = parts[{rng.randint(0, k - 1)}]\np[:, {rng.randint(0, 3)}] = 100\n"
        else:
            src += f"r = x.reshape({rng.choice(['-1', '4, ' + str(k), '2, -1'])})\nr[{rng.randint(0, 1)}] = -5\n"
        src += "print(x)\n"
        n += 1
        cases.append((f"mut-{n}", src))
    # Item assignment: every index kind, scalars and arrays, casts.
    for _ in range(130):
        shape = rng.choice([(5,), (3, 4), (2, 3, 2)])
        total = 1
        for d in shape:
            total *= d
        dtype = rng.choice(DTYPES[:5])
        items = []
        for axis in range(rng.randint(1, len(shape))):
            items.append(random_index_item(rng, shape[axis]))
        value = rng.choice([
            python_scalar(rng, "int"), python_scalar(rng, "float"), "True",
            f"np.arange({rng.randint(1, 4)})", "np.array([[1], [2]])", "x[...].sum()" if False else "-3",
        ])
        src = f"x = np.arange({total}, dtype=np.{dtype}).reshape({', '.join(map(str, shape))})\n"
        src += f"x[{', '.join(items)}] = {value}\nprint(x)\n"
        n += 1
        cases.append((f"mut-{n}", src))
    # In-place operators across dtypes (casting errors included).
    for _ in range(110):
        dtype = rng.choice(DTYPES)
        op = rng.choice(["+=", "-=", "*=", "/=", "//=", "%=", "**=", "&=", "|=", "^=", "<<=", ">>="])
        kind = rng.choice(["int", "float", "bool", "array"])
        if kind == "array":
            rhs = array_literal(rng, rng.choice(DTYPES), (4,), 0 if op in ("**=", "<<=", ">>=") else -3, 4)
        else:
            rhs = python_scalar(rng, kind)
            if op in ("**=", "<<=", ">>=") and kind == "int":
                rhs = str(rng.randint(0, 3))
        a = array_literal(rng, dtype, (2, 4), 0 if op in ("**=", "<<=", ">>=") else -5, 6)
        n += 1
        cases.append((f"mut-{n}", f"a = {a}\na {op} {rhs}\nprint(a)\nprint(a.dtype)\n"))
    return cases


def mutation_idioms():
    return [
        ("sgd-update", "W = np.arange(6, dtype=np.float64).reshape(2, 3)\ndW = np.ones((2, 3))\nlr = 0.1\nW -= lr * dW\nprint(W)\n"),
        ("clip-negative", "x = np.array([3, -1, 4, -5, 9])\nx[x < 0] = 0\nprint(x)\n"),
        ("set-above", "x = np.arange(10)\nx[x > 5] = 0\nprint(x)\n"),
        ("set-list", "x = np.arange(5)\nx[[0, 2]] = 5\nprint(x)\n"),
        ("set-first", "x = np.zeros(3)\nx[0] = 1\nprint(x)\n"),
        ("set-column", "x = np.zeros((2, 3))\nx[:, 1] = np.array([7, 8])\nprint(x)\n"),
        ("view-alias", "x = np.arange(6).reshape(2, 3)\ny = x[0]\ny[:] = 7\nprint(x)\n"),
        ("transpose-alias", "x = np.zeros((2, 3))\nx.T[0] = 1\nprint(x)\n"),
        ("copy-breaks", "x = np.arange(4)\ny = x.copy()\ny[0] = 100\nprint(x, y)\n"),
        ("fancy-copy", "x = np.arange(4)\ny = x[[0, 1]]\ny[0] = 100\nprint(x, y)\n"),
        ("iadd-cast-error", "x = np.arange(3)\nx += 1.5\n"),
        ("idiv-cast-error", "x = np.arange(3)\nx /= 2\n"),
        ("bool-iadd-error", "m = np.array([True, False])\nm += 1\n"),
        ("uint8-iadd-overflow", "x = np.zeros(2, dtype=np.uint8)\nx += 300\n"),
        ("uint8-set-overflow", "x = np.zeros(2, dtype=np.uint8)\nx[0] = 300\n"),
        ("float-into-int", "x = np.arange(3)\nx[0] = 2.7\nx[1] = -2.7\nprint(x)\n"),
        ("nan-into-int", "x = np.arange(3)\nx[0] = np.nan\n"),
        ("sequence-into-element", "x = np.arange(3)\nx[0] = np.array([5])\n"),
        ("broadcast-error", "x = np.arange(6)\nx[:] = np.arange(3)\n"),
        ("broadcast-row", "x = np.zeros((3, 4))\nx[:] = np.arange(4)\nprint(x)\n"),
        ("leading-ones", "x = np.arange(6).reshape(2, 3)\nx[0] = np.ones((1, 1, 3))\nprint(x)\n"),
        ("fancy-value-error", "x = np.arange(6).reshape(2, 3)\nx[:, [0, 1]] = np.ones((3, 2))\n"),
        ("mask-count-error", "x = np.arange(5)\nx[x > 2] = [1, 2, 3]\n"),
        ("mask-values", "x = np.arange(5)\nx[x > 2] = [10, 20]\nprint(x)\n"),
        ("duplicate-set", "x = np.arange(4)\nx[[0, 0]] = [1, 2]\nprint(x)\n"),
        ("duplicate-iadd", "x = np.arange(4)\nx[[1, 1]] += 5\nprint(x)\n"),
        ("overlap-shift", "x = np.arange(6)\nx[1:] = x[:-1]\nprint(x)\n"),
        ("overlap-iadd-T", "x = np.arange(9).reshape(3, 3)\nx += x.T\nprint(x)\n"),
        ("standardize", "x = np.array([[1.0, 2.0], [3.0, 6.0]])\nx -= x.mean(axis=0)\nprint(x)\n"),
        ("normalize-rows", "x = np.array([[1.0, 3.0], [2.0, 2.0]])\nx /= x.sum(axis=1, keepdims=True)\nprint(x)\n"),
        ("base-flags", "x = np.arange(6)\ny = x.reshape(2, 3)\nprint(y.base)\nprint(x.base is None, y.base is x)\nprint(y.T.flags)\n"),
        ("flags-fields", "x = np.arange(6).reshape(2, 3)\nprint(x.flags.c_contiguous, x.T.flags.f_contiguous, x[:, 0].flags.owndata)\n"),
        ("shares-memory", "x = np.arange(10)\nprint(np.shares_memory(x[::2], x[1::2]), np.may_share_memory(x[::2], x[1::2]), np.shares_memory(x[:5], x[4:]))\n"),
        ("split-write", "x = np.arange(12).reshape(4, 3)\na, b = np.split(x, 2)\nb[:] = 0\nprint(x)\n"),
        ("scalar-copy", "x = np.arange(3)\ns = x[1]\nx[1] = 10\nprint(s, x)\n"),
        ("tuple-item-error", "t = (1, 2)\nt[0] = 5\n"),
        ("list-item", "l = [1, 2, 3]\nl[1] = 9\nprint(l)\n"),
        ("attr-assign-shape", "x = np.arange(6)\nx.shape = (2, 3)\nprint(x)\n"),
    ]


def write(name, cases, header):
    path = os.path.join(OUT, f"{name}.py")
    seen = set()
    with open(path, "w") as f:
        f.write(header)
        for case_name, src in cases:
            assert case_name not in seen, case_name
            seen.add(case_name)
            f.write(f"#--- {case_name}\n{src}")
    print(f"{path}: {len(cases)} cases")


def main():
    rng = random.Random(SEED)
    write("operators", operator_idioms() + operators(rng),
          "# Python's operators on arrays and numpy scalars (generated by scripts/gen_mutation_cases.py, seed 2409).\n")
    write("indexing", indexing_idioms() + indexing(rng),
          "# Integer-array and boolean indexing, take/nonzero/argwhere/ix_ (generated by scripts/gen_mutation_cases.py, seed 2409).\n")
    write("mutation", mutation_idioms() + mutation(rng),
          "# Item assignment, in-place operators and views that alias (generated by scripts/gen_mutation_cases.py, seed 2409).\n")


if __name__ == "__main__":
    main()
