#!/usr/bin/env python3
"""Writes the differential case files for numpy's functions (issue 9 §4):

    Tests/ShellTests/Fixtures/differential/{creation,elementwise,reductions,shape,linalg}.py

Each file holds seeded, generated cases (functions x argument forms x dtypes x shapes, including
0-d and empty arrays, negative axes and keepdims) followed by hand-written tutorial idioms. The
generator is deterministic (seed 2409): re-running it rewrites the same files. Then
`python3 scripts/differential.py --all` records numpy's answers beside them.

Inputs are written as literals (`np.array([...], dtype=np.float32)`) so a case reads as a user
would type it, and results are shown with repr() so the dtype is compared too.
"""
import os

import case_files
import random

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "ShellTests", "Fixtures", "differential")
SEED = 2409

DTYPES = ["float64", "float32", "int64", "int32", "uint8", "bool"]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def value(self, dtype, lo=-5.0, hi=5.0):
        r = self.r
        if dtype == "bool":
            return r.choice(["True", "False"])
        if dtype == "uint8":
            return str(r.randint(0, max(int(hi), 1) if hi > 0 else 9))
        if dtype.startswith("int"):
            return str(r.randint(int(lo), int(hi)))
        v = round(r.uniform(lo, hi), r.choice([1, 2, 3]))
        return repr(v)

    def nested(self, shape, dtype, lo, hi):
        if not shape:
            return self.value(dtype, lo, hi)
        return "[" + ", ".join(self.nested(shape[1:], dtype, lo, hi) for _ in range(shape[0])) + "]"

    def array(self, shape, dtype, lo=-5.0, hi=5.0):
        if 0 in shape:
            return f"np.zeros({tuple(shape)!r}, dtype=np.{dtype})"
        lit = self.nested(list(shape), dtype, lo, hi)
        return f"np.array({lit}, dtype=np.{dtype})"



def write(name, header, cases):
    case_files.write(name, header, cases, "gen_function_cases.py", SEED)


SHAPES = [(), (5,), (2, 3), (0,), (2, 0, 3), (2, 2, 3)]


def elementwise(g):
    cases = []
    unary = {
        # name: (lo, hi) input range
        "sqrt": (0, 9), "cbrt": (-8, 8), "square": (-4, 4), "log": (0.1, 20), "log2": (0.1, 20), "log10": (0.1, 200),
        "log1p": (-0.5, 5), "expm1": (-2, 2), "exp2": (-3, 5), "sin": (-3, 3), "cos": (-3, 3), "tan": (-1, 1),
        "arcsin": (-1, 1), "arccos": (-1, 1), "arctan": (-5, 5), "sinh": (-2, 2), "cosh": (-2, 2),
        "arcsinh": (-3, 3), "arccosh": (1, 6), "arctanh": (-0.9, 0.9), "deg2rad": (-180, 180), "rad2deg": (-3, 3),
        "rint": (-4, 4), "floor": (-4, 4), "ceil": (-4, 4), "trunc": (-4, 4), "absolute": (-5, 5), "abs": (-5, 5),
        "sign": (-3, 3), "reciprocal": (0.5, 4), "negative": (-5, 5), "isnan": (-3, 3), "isinf": (-3, 3),
        "isfinite": (-3, 3), "logical_not": (-1, 1), "fabs": (-3, 3),
    }
    for name, (lo, hi) in unary.items():
        for dtype in DTYPES:
            if dtype == "bool" and name not in ("absolute", "abs", "floor", "ceil", "trunc", "isnan", "isinf", "isfinite", "logical_not", "sign", "negative"):
                continue
            if dtype == "uint8" and name not in ("absolute", "abs", "floor", "ceil", "square", "isnan", "isfinite", "sign"):
                continue
            shapes = SHAPES if dtype == "float64" else [(4,), (2, 3)]
            for shape in shapes:
                a = g.array(shape, dtype, lo, hi)
                tag = "x".join(map(str, shape)) or "0d"
                cases.append((f"{name}-{dtype}-{tag}", f"a = {a}\nprint(repr(np.{name}(a)))"))
        cases.append((f"{name}-python-scalar", f"print(repr(np.{name}({g.value('float64', max(lo, 0.5) if name in ('log', 'log2', 'log10') else lo, hi)})))"))
    # Rounding with decimals.
    for i in range(30):
        dtype = g.r.choice(["float64", "float32", "int64"])
        dec = g.r.choice([0, 1, 2, 3, -1, -2])
        a = g.array((g.r.randint(1, 6),), dtype, -500, 500)
        fn = g.r.choice(["round", "around"])
        cases.append((f"round-{i}", f"a = {a}\nprint(repr(np.{fn}(a, {dec})))"))
    cases.append(("round-half-even", "print(np.round(np.array([0.5, 1.5, 2.5, 3.5, -0.5, -1.5])))"))
    cases.append(("round-method", "print(np.array([1.234, 5.678]).round(1))"))
    cases.append(("round-2675", "print(np.round(2.675, 2))"))
    # Binary functions, with broadcasting and Python scalars.
    binary = ["maximum", "minimum", "fmax", "fmin", "power", "arctan2", "hypot", "logical_and", "logical_or", "logical_xor", "copysign"]
    pairs = [((3,), (3,)), ((2, 3), (3,)), ((2, 1), (1, 3)), ((), (4,)), ((0,), (1,)), ((2, 3), (2, 3))]
    for name in binary:
        for dtype in ["float64", "float32", "int64", "int32"]:
            for k, (s1, s2) in enumerate(pairs):
                lo, hi = (0, 4) if name == "power" else (-5, 5)
                a, b = g.array(s1, dtype, lo, hi), g.array(s2, dtype, 0 if name == "power" else lo, 3 if name == "power" else hi)
                if name in ("arctan2", "hypot", "copysign") and dtype.startswith("int"):
                    pass
                cases.append((f"{name}-{dtype}-{k}", f"a = {a}\nb = {b}\nprint(repr(np.{name}(a, b)))"))
            a = g.array((4,), dtype, -5, 5)
            s = g.value("int64", 0, 3) if name == "power" else g.value(g.r.choice(["int64", "float64"]), -3, 3)
            cases.append((f"{name}-{dtype}-scalar", f"a = {a}\nprint(repr(np.{name}(a, {s})))"))
    cases.append(("maximum-nan", "print(np.maximum(np.array([1.0, np.nan, 3.0]), np.array([np.nan, 2.0, 1.0])))"))
    cases.append(("fmax-nan", "print(np.fmax(np.array([1.0, np.nan, 3.0]), np.array([np.nan, 2.0, np.nan])))"))
    cases.append(("power-negative-int", "print(np.power(np.arange(3), -1))"))
    cases.append(("power-float-neg", "print(np.power(np.array([2.0, 4.0]), -1))"))
    cases.append(("maximum-broadcast-error", "print(np.maximum(np.ones((2, 3)), np.ones((2,))))"))
    # where, clip, isclose, allclose, array_equal, nan_to_num.
    for i in range(25):
        shape = g.r.choice([(4,), (2, 3), (3, 1)])
        dt1, dt2 = g.r.choice(DTYPES[:4]), g.r.choice(DTYPES[:4])
        a = g.array(shape, dt1)
        b = g.r.choice([g.array(shape, dt2), g.value(g.r.choice(["int64", "float64"]))])
        cases.append((f"where-{i}", f"a = {a}\nb = {b}\nprint(repr(np.where(a > 0, a, b)))"))
    for i in range(25):
        dt = g.r.choice(DTYPES[:4])
        a = g.array(g.r.choice([(5,), (2, 3)]), dt, -10, 10)
        lo, hi = sorted([int(g.value("int64", -5, 5)), int(g.value("int64", -5, 5))])
        form = g.r.choice([f"np.clip(a, {lo}, {hi})", f"a.clip({lo}, {hi})", f"np.clip(a, None, {hi})", f"np.clip(a, {lo}, None)",
                           f"np.clip(a, {float(lo)}, {hi})", f"a.clip(min={lo})", f"np.clip(a, a_min={lo}, a_max={hi})"])
        cases.append((f"clip-{i}", f"a = {a}\nprint(repr({form}))"))
    for i in range(20):
        a = g.array((4,), "float64")
        tweak = g.r.choice(["1e-9", "1e-6", "1e-3", "0.0"])
        form = g.r.choice(["np.isclose(a, b)", "np.allclose(a, b)", "np.isclose(a, b, atol=1e-3)", "np.allclose(a, b, rtol=0.1)",
                           "np.array_equal(a, b)", "np.array_equal(a, a)"])
        cases.append((f"close-{i}", f"a = {a}\nb = a + {tweak}\nprint(repr({form}))"))
    cases += [
        ("isclose-nan", "print(np.isclose(np.array([np.nan, 1.0]), np.array([np.nan, 1.0])))"),
        ("isclose-equal-nan", "print(np.isclose(np.array([np.nan, 1.0]), np.array([np.nan, 1.0]), equal_nan=True))"),
        ("isclose-inf", "print(np.isclose(np.array([np.inf, -np.inf]), np.array([np.inf, np.inf])))"),
        ("array-equal-shapes", "print(np.array_equal(np.arange(3), np.arange(4)))"),
        ("array-equal-list", "print(np.array_equal(np.arange(3), [0, 1, 2]))"),
        ("nan-to-num", "print(np.nan_to_num(np.array([np.nan, np.inf, -np.inf, 1.5])))"),
        ("nan-to-num-f32", "print(repr(np.nan_to_num(np.array([np.nan, np.inf, 2.0], dtype=np.float32))))"),
        ("nan-to-num-args", "print(np.nan_to_num(np.array([np.nan, np.inf, -np.inf]), nan=-1.0, posinf=9.0, neginf=-9.0))"),
        ("where-one-dtype", "print(repr(np.where(np.array([True, False]), np.float32(1), 2)))"),
        ("where-scalars", "print(repr(np.where(np.array([1, 0, 2]), 1.5, -1)))"),
        ("where-missing-y", "print(np.where(np.array([True]), 1))"),
        ("sign-nan", "print(np.sign(np.array([-0.0, np.nan, -2.5, 3.0])))"),
        ("log-zero", "print(np.log(np.array([0.0, 1.0, -1.0])))"),
        ("sqrt-negative", "print(np.sqrt(np.array([-1.0, 4.0])))"),
        ("reciprocal-int", "print(np.reciprocal(np.array([1, 2, -1, 3])))"),
        ("abs-int8-wrap", "print(np.abs(np.array([-5, 3], dtype=np.int32)))"),
        ("relu", "x = np.array([[-1.5, 0.0, 2.0], [3.0, -0.5, 1.0]])\nprint(np.maximum(x, 0))"),
        ("relu-f32", "x = np.array([-1.5, 2.0], dtype=np.float32)\nprint(repr(np.maximum(x, 0)))"),
        ("relu-grad", "x = np.array([-1.5, 0.0, 2.0])\nprint((x > 0).astype(np.float64))"),
        ("sigmoid-by-hand", "x = np.array([-2.0, 0.0, 2.0])\nprint(1 / (1 + np.exp(-x)))"),
        ("cross-entropy", "p = np.array([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1]])\ny = np.array([[1, 0, 0], [0, 1, 0]])\nprint(-np.sum(y * np.log(p)) / 2)"),
        ("log-clip", "p = np.array([0.0, 0.5, 1.0])\nprint(np.log(np.clip(p, 1e-7, 1 - 1e-7)))"),
        ("mse", "y = np.array([1.0, 2.0, 3.0])\np = np.array([1.5, 2.0, 2.0])\nprint(np.mean(np.square(y - p)))"),
        ("rmse", "y = np.array([1.0, 2.0, 3.0])\np = np.array([1.5, 2.0, 2.0])\nprint(np.sqrt(np.mean((y - p) * (y - p))))"),
        ("degrees-pi", "print(np.degrees(np.pi))"),
        ("sin-cos-identity", "x = np.linspace(0, np.pi, 5)\nprint(np.sin(x) ** 2 + np.cos(x) ** 2)"),
        ("hypot-345", "print(np.hypot(3, 4))"),
        ("logical-mixed", "print(np.logical_and(np.array([1, 0, 2]), np.array([True, True, False])))"),
        ("sign-bool-error", "print(np.sign(np.array([True, False])))"),
        ("arctan2-quadrants", "print(np.arctan2(np.array([1.0, 1.0, -1.0, -1.0]), np.array([1.0, -1.0, -1.0, 1.0])))"),
    ]
    return cases


def reductions(g):
    cases = []
    funcs = ["std", "var", "prod", "cumsum", "cumprod", "all", "any", "median", "ptp", "count_nonzero", "argmax", "argmin",
             "sum", "mean", "max", "min", "sort", "argsort"]
    axis_forms = {
        (): ["None"],
        (6,): ["None", "0", "-1"],
        (2, 3): ["None", "0", "1", "-1", "(0, 1)", "(1, 0)"],
        (2, 3, 4): ["None", "0", "2", "-2", "(0, 2)", "(1, 2)"],
        (0,): ["None", "0"],
        (2, 0): ["None", "0", "1"],
    }
    single_axis = {"cumsum", "cumprod", "median", "argmax", "argmin", "sort", "argsort"}
    no_keepdims = {"cumsum", "cumprod", "sort", "argsort"}
    for name in funcs:
        for dtype in DTYPES:
            if dtype == "bool" and name in ("std", "var", "ptp", "cumprod", "median"):
                continue
            for shape, axes in axis_forms.items():
                if dtype not in ("float64", "int64") and len(shape) == 3:
                    continue
                for ax in axes:
                    if name in single_axis and ax.startswith("("):
                        continue
                    if name in ("sort", "argsort") and shape == () and ax != "None":
                        continue
                    a = g.array(shape, dtype, -9, 9)
                    tag = "x".join(map(str, shape)) or "0d"
                    axtag = ax.replace("(", "").replace(")", "").replace(", ", "_").replace("-", "m")
                    call = f"np.{name}(a, axis={ax})"
                    cases.append((f"{name}-{dtype}-{tag}-ax{axtag}", f"a = {a}\nprint(repr({call}))"))
                    if name not in no_keepdims and ax != "None" and g.r.random() < 0.3 and name not in ("argmax", "argmin"):
                        cases.append((f"{name}-{dtype}-{tag}-ax{axtag}-keep", f"a = {a}\nprint(repr(np.{name}(a, axis={ax}, keepdims=True)))"))
    # Methods.
    for name in ["std", "var", "prod", "cumsum", "cumprod", "all", "any", "argsort", "sum", "mean", "max", "min"]:
        a = g.array((3, 4), "float64", -9, 9)
        cases.append((f"method-{name}", f"a = {a}\nprint(repr(a.{name}()))\nprint(repr(a.{name}(axis=0)))"))
    # ddof.
    for i in range(20):
        dtype = g.r.choice(["float64", "float32", "int64"])
        a = g.array(g.r.choice([(7,), (3, 4)]), dtype, -9, 9)
        ddof = g.r.choice([0, 1, 2])
        name = g.r.choice(["std", "var"])
        ax = g.r.choice(["None", "0", "-1"])
        cases.append((f"{name}-ddof-{i}", f"a = {a}\nprint(repr(np.{name}(a, axis={ax}, ddof={ddof})))"))
    # percentile / quantile.
    for i in range(40):
        dtype = g.r.choice(["float64", "float32", "int64", "int32"])
        shape = g.r.choice([(7,), (4,), (3, 5), (2, 3, 4)])
        a = g.array(shape, dtype, -50, 50)
        fn = g.r.choice(["percentile", "quantile"])
        scale = 100 if fn == "percentile" else 1
        q = g.r.choice([f"{g.r.randint(0, 100) * scale / 100!r}", f"[{g.r.randint(0, 100) * scale / 100!r}, {g.r.randint(0, 100) * scale / 100!r}]",
                        str(g.r.choice([0, 1]) * scale), f"np.array({g.r.randint(0, 100) * scale / 100!r})"])
        ax = g.r.choice(["None", "0", "-1"]) if len(shape) > 1 else g.r.choice(["None", "0"])
        cases.append((f"{fn}-{i}", f"a = {a}\nprint(repr(np.{fn}(a, {q}, axis={ax})))"))
    # average.
    for i in range(20):
        dtype = g.r.choice(["float64", "float32", "int64"])
        a = g.array((3, 4), dtype, -9, 9)
        form = g.r.choice(["np.average(a)", "np.average(a, axis=0)", "np.average(a, axis=1, weights=[1, 2, 3, 4])",
                           "np.average(a, axis=0, weights=[0.5, 0.25, 0.25])", "np.average(a, weights=np.ones((3, 4)))",
                           "np.average(a, axis=1, weights=[1, 0, 0, 1], returned=True)"])
        cases.append((f"average-{i}", f"a = {a}\nprint(repr({form}))"))
    # unique, bincount, histogram.
    for i in range(20):
        dtype = g.r.choice(["int64", "float64", "int32", "bool"])
        a = g.array(g.r.choice([(8,), (3, 4), (0,)]), dtype, 0, 4)
        flags = g.r.choice(["", ", return_counts=True", ", return_index=True", ", return_inverse=True",
                            ", return_index=True, return_inverse=True, return_counts=True"])
        cases.append((f"unique-{i}", f"a = {a}\nprint(np.unique(a{flags}))"))
    for i in range(12):
        a = g.array((g.r.randint(1, 9),), "int64", 0, 6)
        form = g.r.choice(["np.bincount(a)", "np.bincount(a, minlength=8)", "np.bincount(a, weights=np.linspace(0, 1, a.size))"])
        cases.append((f"bincount-{i}", f"a = {a}\nprint(repr({form}))"))
    for i in range(15):
        a = g.array((g.r.randint(1, 20),), g.r.choice(["float64", "int64"]), -10, 10)
        form = g.r.choice(["np.histogram(a)", "np.histogram(a, bins=4)", "np.histogram(a, bins=3, range=(-5, 5))",
                           "np.histogram(a, bins=5, density=True)"])
        cases.append((f"histogram-{i}", f"a = {a}\nh, e = {form}\nprint(repr(h))\nprint(repr(e))"))
    # Larger float sums: pairwise order matters.
    for i in range(12):
        n = g.r.choice([9, 17, 130, 257, 1000])
        dtype = g.r.choice(["float64", "float32"])
        fn = g.r.choice(["std", "var", "mean", "sum"])
        cases.append((f"pairwise-{fn}-{i}", f"a = np.linspace(-3, 7, {n}).astype(np.{dtype}) ** 2 / 7\nprint(repr(np.{fn}(a)))\nprint(repr(a.reshape(-1, 1).{fn}(axis=0)))" if n % 2 == 0 and False else f"a = (np.linspace(-3, 7, {n}) / 7).astype(np.{dtype})\nprint(repr(np.{fn}(a)))"))
    cases += [
        ("softmax-keepdims", "z = np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])\ne = np.exp(z - np.max(z, axis=1, keepdims=True))\nprint(e / np.sum(e, axis=1, keepdims=True))"),
        ("softmax-shape", "z = np.zeros((4, 10))\nprint(np.max(z, axis=1, keepdims=True).shape)"),
        ("standardise", "x = np.array([[1.0, 200.0], [2.0, 300.0], [3.0, 400.0]])\nprint((x - x.mean(axis=0)) / x.std(axis=0))"),
        ("standardise-keepdims", "x = np.array([[1.0, 2.0, 6.0], [2.0, 3.0, 10.0]])\nprint((x - x.mean(axis=1, keepdims=True)) / x.std(axis=1, keepdims=True))"),
        ("accuracy", "p = np.array([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7]])\ny = np.array([1, 0, 0])\nprint((np.argmax(p, axis=1) == y).mean())"),
        ("accuracy-method", "p = np.array([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7], [0.6, 0.4]])\ny = np.array([1, 0, 1, 0])\nprint(np.mean(p.argmax(axis=1) == y))"),
        ("class-counts", "y = np.array([3, 1, 3, 0, 1, 3])\nprint(np.bincount(y))\nprint(np.unique(y, return_counts=True))"),
        ("sum-axis-tuple", "x = np.arange(24).reshape(2, 3, 4)\nprint(x.sum(axis=(0, 2)))\nprint(np.sum(x, axis=(0, 2), keepdims=True).shape)"),
        ("mean-axis-tuple", "x = np.arange(24, dtype=np.float32).reshape(2, 3, 4)\nprint(repr(x.mean(axis=(0, -1))))"),
        ("max-axis-tuple", "x = np.arange(24).reshape(2, 3, 4)\nprint(np.max(x, axis=(1, 2)))"),
        ("min-keepdims", "x = np.arange(6).reshape(2, 3)\nprint(np.min(x, axis=0, keepdims=True))"),
        ("axis-out-of-bounds", "print(np.sum(np.ones((2, 3)), axis=2))"),
        ("axis-out-of-bounds-std", "print(np.std(np.ones((2, 3)), axis=-3))"),
        ("axis-duplicate", "print(np.sum(np.ones((2, 3)), axis=(0, 0)))"),
        ("median-even", "print(np.median(np.array([4.0, 1.0, 3.0, 2.0])))"),
        ("median-nan", "print(np.median(np.array([1.0, np.nan, 3.0])))"),
        ("median-f32", "print(repr(np.median(np.array([1.5, 2.25, 3.0, 8.0], dtype=np.float32))))"),
        ("percentile-range-error", "print(np.percentile(np.arange(5), 120))"),
        ("quantile-range-error", "print(np.quantile(np.arange(5), -0.5))"),
        ("std-empty", "print(np.std(np.zeros((0,))))"),
        ("max-empty", "print(np.max(np.zeros((0,))))"),
        ("argmax-empty", "print(np.argmax(np.zeros((0,))))"),
        ("all-empty", "print(np.all(np.zeros((0,))), np.any(np.zeros((0,))))"),
        ("count-nonzero-int", "print(repr(np.count_nonzero(np.array([[0, 1], [2, 0]]))))"),
        ("cumsum-2d-none", "print(np.cumsum(np.arange(6).reshape(2, 3)))"),
        ("cumsum-bool", "print(repr(np.cumsum(np.array([True, False, True]))))"),
        ("prod-empty", "print(repr(np.prod(np.zeros((0,)))))"),
        ("bincount-negative", "print(np.bincount(np.array([1, -1, 2])))"),
        ("bincount-float", "print(np.bincount(np.array([1.0, 2.0])))"),
        ("average-zero-weights", "print(np.average(np.arange(3), weights=[0, 0, 0]))"),
        ("average-shape-mismatch", "print(np.average(np.ones((2, 3)), weights=[1, 2, 3]))"),
        ("sort-nan", "print(np.sort(np.array([3.0, np.nan, 1.0, 2.0])))"),
        ("sort-axis0", "print(np.sort(np.array([[3, 1], [1, 2], [2, 0]]), axis=0))"),
        ("sort-none", "print(np.sort(np.array([[3, 1], [1, 2]]), axis=None))"),
        ("argsort-desc", "x = np.array([0.1, 0.7, 0.2])\nprint(np.argsort(x)[::-1])"),
        ("top-k", "x = np.array([5, 1, 9, 3, 7])\nprint(np.argsort(x)[-3:])"),
        ("var-ddof1-int", "print(repr(np.var(np.array([1, 2, 3, 4]), ddof=1)))"),
        ("ptp-axis", "print(np.ptp(np.array([[4, 9, 2], [10, 6, 3]]), axis=0))"),
        ("any-keepdims", "print(np.any(np.array([[0, 0], [0, 1]]), axis=1, keepdims=True))"),
    ]
    return cases


def creation(g):
    cases = []
    for i in range(40):
        n = g.r.randint(0, 4)
        m = g.r.choice([None, g.r.randint(0, 5)])
        k = g.r.choice([0, 0, 1, -1, 2])
        dt = g.r.choice(["", ", dtype=int", ", dtype=np.float32", ", dtype=bool", ", dtype=np.int32"])
        args = f"{n}" + (f", {m}" if m is not None else "") + (f", k={k}" if k else "") + dt
        cases.append((f"eye-{i}", f"print(repr(np.eye({args})))"))
    for n in range(0, 4):
        cases.append((f"identity-{n}", f"print(repr(np.identity({n})))"))
    cases.append(("identity-int", "print(repr(np.identity(2, dtype=int)))"))
    for i in range(60):
        start = g.r.choice([0, 1, -1, 0.5, -2.5, 10])
        stop = g.r.choice([1, 2, 10, -1, 3.5, 100, 0])
        num = g.r.choice([0, 1, 2, 3, 5, 7, 10, 50])
        extra = g.r.choice(["", ", endpoint=False", ", retstep=True", ", dtype=int", ", dtype=np.float32", ""])
        if "retstep" in extra and num < 2:
            extra = ""
        cases.append((f"linspace-{i}", f"print(repr(np.linspace({start}, {stop}, {num}{extra})))"))
    cases.append(("linspace-default", "x = np.linspace(0, 1)\nprint(x.shape, x[1], x[-1])"))
    cases.append(("linspace-negative", "print(np.linspace(0, 1, -1))"))
    for i in range(25):
        start, stop = g.r.choice([(0, 3), (-4, -1), (0, 1), (1, 2), (-2, 2)])
        num = g.r.choice([2, 3, 4, 5])
        extra = g.r.choice(["", ", base=2", ", endpoint=False", ", base=2.0, endpoint=False"])
        cases.append((f"logspace-{i}", f"print(repr(np.logspace({start}, {stop}, {num}{extra})))"))
    for name in ["zeros_like", "ones_like", "empty_like"]:
        for dtype in DTYPES:
            for shape in [(), (3,), (2, 3), (0, 2)]:
                a = g.array(shape, dtype, 0, 5)
                tag = "x".join(map(str, shape)) or "0d"
                body = f"r = np.{name}(a)\nprint(r.shape, r.dtype)" if name == "empty_like" else f"print(repr(np.{name}(a)))"
                cases.append((f"{name}-{dtype}-{tag}", f"a = {a}\n{body}"))
        cases.append((f"{name}-dtype", f"a = np.arange(4)\nr = np.{name}(a, dtype=np.float32)\nprint(r.shape, r.dtype)"))
    for i in range(20):
        dtype = g.r.choice(DTYPES[:4])
        a = g.array(g.r.choice([(3,), (2, 2)]), dtype, 0, 5)
        fill = g.r.choice(["7", "2.5", "-1", "True"])
        cases.append((f"full_like-{i}", f"a = {a}\nprint(repr(np.full_like(a, {fill})))"))
    for i in range(15):
        shape = g.r.choice(["(2, 3)", "3", "(0,)", "(1, 2, 2)"])
        fill = g.r.choice(["7", "0.5", "True", "-2"])
        dt = g.r.choice(["", ", dtype=np.float32", ", dtype=int"])
        cases.append((f"full-{i}", f"print(repr(np.full({shape}, {fill}{dt})))"))
    cases.append(("empty-shape", "print(np.empty((2, 3)).shape, np.empty(4, dtype=np.int32).dtype)"))
    for i in range(25):
        dtype = g.r.choice(DTYPES[:4])
        k = g.r.choice([0, 1, -1, 2, -3])
        if g.r.random() < 0.5:
            a = g.array((g.r.randint(1, 4),), dtype, -5, 5)
        else:
            a = g.array((g.r.randint(1, 4), g.r.randint(1, 4)), dtype, -5, 5)
        cases.append((f"diag-{i}", f"a = {a}\nprint(repr(np.diag(a, {k})))"))
    cases.append(("diag-3d-error", "print(np.diag(np.zeros((2, 2, 2))))"))
    for i in range(30):
        name = g.r.choice(["tril", "triu"])
        dtype = g.r.choice(DTYPES[:4])
        shape = g.r.choice([(3, 3), (2, 4), (4, 2), (2, 3, 3), (3,)])
        k = g.r.choice([0, 1, -1, 2])
        a = g.array(shape, dtype, -5, 5)
        cases.append((f"{name}-{i}", f"a = {a}\nprint(repr(np.{name}(a, k={k})))"))
    for i in range(20):
        x = g.array((g.r.randint(1, 4),), g.r.choice(["int64", "float64"]), 0, 9)
        y = g.array((g.r.randint(1, 3),), g.r.choice(["int64", "float64"]), 0, 9)
        extra = g.r.choice(["", ", indexing='ij'", ", sparse=True", ""])
        cases.append((f"meshgrid-{i}", f"X, Y = np.meshgrid({x}, {y}{extra})\nprint(repr(X))\nprint(repr(Y))"))
    cases.append(("meshgrid-three", "a, b, c = np.meshgrid([1, 2], [3, 4, 5], [6])\nprint(a.shape, b.shape, c.shape)\nprint(b)"))
    for dims in ["(2, 3)", "(3,)", "(2, 2, 2)", "(0, 2)", "(1, 3)"]:
        cases.append((f"indices-{dims}", f"print(repr(np.indices({dims})))"))
    cases += [
        ("one-hot", "labels = np.array([2, 0, 1])\nprint(np.eye(3)[labels])"),
        ("one-hot-10", "y = np.array([3, 9])\nprint(np.eye(10, dtype=np.float32)[y])"),
        ("causal-mask", "T = 4\nprint(np.tril(np.ones((T, T))))"),
        ("eye-negative", "print(np.eye(-1))"),
        ("linspace-grid", "x = np.linspace(-1, 1, 5)\nprint(x ** 2)"),
        ("lr-sweep", "print(np.logspace(-4, -1, 4))"),
        ("grid-eval", "X, Y = np.meshgrid(np.linspace(0, 1, 3), np.linspace(0, 2, 2))\nprint(X + Y)"),
        ("indices-sum", "r, c = np.indices((2, 3))\nprint(r + 10 * c)"),
    ]
    return cases


def shape(g):
    cases = []
    stackers = ["vstack", "hstack", "dstack", "column_stack", "concatenate", "stack"]
    for name in stackers:
        for i in range(12):
            dtype = g.r.choice(DTYPES[:4])
            shp = g.r.choice([(3,), (2, 3), (1, 3), (2, 2, 2), ()])
            if name in ("concatenate",) and shp == ():
                shp = (3,)
            n = g.r.choice([1, 2, 3])
            arrs = ", ".join(g.array(shp, g.r.choice([dtype, dtype, "float64"]), -5, 5) for _ in range(n))
            extra = ""
            if name == "concatenate" and g.r.random() < 0.4:
                extra = g.r.choice([", axis=None", ", axis=-1", ", axis=0"])
            if name == "stack" and g.r.random() < 0.5:
                extra = g.r.choice([", axis=1", ", axis=-1"])
            cases.append((f"{name}-{i}", f"print(repr(np.{name}([{arrs}]{extra})))"))
    cases.append(("vstack-mismatch", "print(np.vstack([np.arange(3), np.arange(4)]))"))
    cases.append(("hstack-mismatch", "print(np.hstack([np.zeros((2, 2)), np.zeros((3, 2))]))"))
    cases.append(("concatenate-axis-none", "print(np.concatenate([np.arange(4).reshape(2, 2), np.arange(3)], axis=None))"))
    for i in range(25):
        dtype = g.r.choice(DTYPES[:4])
        a = g.array(g.r.choice([(2,), (2, 2), (1, 3), ()]), dtype, -5, 5)
        reps = g.r.choice(["2", "(2, 1)", "(1, 2)", "(2, 2, 1)", "0", "(3,)"])
        cases.append((f"tile-{i}", f"a = {a}\nprint(repr(np.tile(a, {reps})))"))
    for i in range(25):
        dtype = g.r.choice(DTYPES[:4])
        shp = g.r.choice([(3,), (2, 2), ()])
        a = g.array(shp, dtype, -5, 5)
        if shp == (2, 2):
            form = g.r.choice(["np.repeat(a, 2)", "np.repeat(a, 2, axis=0)", "np.repeat(a, [1, 2], axis=1)", "a.repeat(3, axis=-1)"])
        elif shp == ():
            form = "np.repeat(a, 3)"
        else:
            form = g.r.choice(["np.repeat(a, 2)", "np.repeat(a, [1, 0, 2])", "a.repeat(2)"])
        cases.append((f"repeat-{i}", f"a = {a}\nprint(repr({form}))"))
    cases.append(("repeat-mismatch", "print(np.repeat(np.arange(3), [1, 2]))"))
    for i in range(25):
        dtype = g.r.choice(DTYPES[:4])
        shp = g.r.choice([(3,), (2, 2), (2, 3)])
        a = g.array(shp, dtype, -5, 5)
        if len(shp) == 1:
            pw = g.r.choice(["1", "(1, 2)", "(0, 3)", "((2, 1),)"])
        else:
            pw = g.r.choice(["1", "(1, 2)", "((1, 0), (0, 2))", "((1, 1), (2, 2))"])
        cv = g.r.choice(["", ", constant_values=9", ", constant_values=-1.5", ""])
        cases.append((f"pad-{i}", f"a = {a}\nprint(repr(np.pad(a, {pw}{cv})))"))
    cases.append(("pad-mode-error", "print(np.pad(np.arange(3), 1, mode='reflect'))"))
    for i in range(25):
        a = g.array(g.r.choice([(4,), (2, 3), (2, 2, 2)]), g.r.choice(DTYPES[:4]), -5, 5)
        form = g.r.choice(["np.flip(a)", "np.flip(a, 0)", "np.flip(a, axis=-1)", "np.fliplr(a)", "np.flipud(a)", "np.flip(a, (0, 1))"])
        cases.append((f"flip-{i}", f"a = {a}\nprint(repr({form}))"))
    cases.append(("fliplr-1d-error", "print(np.fliplr(np.arange(3)))"))
    for i in range(25):
        a = g.array(g.r.choice([(5,), (2, 3), (3, 4)]), g.r.choice(DTYPES[:4]), -5, 5)
        form = g.r.choice(["np.roll(a, 1)", "np.roll(a, -2)", "np.roll(a, 1, axis=0)", "np.roll(a, 2, axis=-1)", "np.roll(a, 7)",
                           "np.roll(a, (1, 1), axis=(0, 1))"])
        cases.append((f"roll-{i}", f"a = {a}\nprint(repr({form}))"))
    for i, (shp, src, dst) in enumerate([((2, 3, 4), "0", "-1"), ((2, 3, 4), "-1", "0"), ((2, 3, 4), "(0, 1)", "(-1, -2)"), ((2, 3), "0", "1"),
                                         ((1, 2, 3, 4), "[0, 1]", "[2, 3]"), ((2, 3), "2", "0")]):
        cases.append((f"moveaxis-{i}", f"a = np.zeros({shp})\nprint(np.moveaxis(a, {src}, {dst}).shape)"))
        cases.append((f"swapaxes-{i}", f"a = np.arange({'*'.join(map(str, shp))}).reshape({shp})\nprint(np.swapaxes(a, 0, -1).shape)"))
    for n in (1, 2, 3):
        for k, val in enumerate(["5", "np.arange(3)", "np.arange(6).reshape(2, 3)", "np.zeros((2, 3, 4))", "np.float32(2.5)"]):
            cases.append((f"atleast_{n}d-{k}", f"r = np.atleast_{n}d({val})\nprint(r.shape)\nprint(repr(r[..., :2]))"))
        cases.append((f"atleast_{n}d-many", f"a, b = np.atleast_{n}d(1, np.arange(2))\nprint(a.shape, b.shape)"))
    for i, (shp, target) in enumerate([((3,), (2, 3)), ((1,), (4,)), ((2, 1), (2, 3)), ((), (2, 2)), ((3,), (3,)), ((3,), (4,)), ((2, 1), (3, 1))]):
        a = g.array(shp, "int64", 0, 9)
        cases.append((f"broadcast_to-{i}", f"a = {a}\nprint(repr(np.broadcast_to(a, {target})))"))
    for i in range(20):
        dtype = g.r.choice(DTYPES[:4] + ["bool"])
        a = g.array(g.r.choice([(5,), (2, 4), (3, 3)]), dtype, -9, 9)
        form = g.r.choice(["np.diff(a)", "np.diff(a, n=2)", "np.diff(a, axis=0)", "np.diff(a, 1, -1)", "np.diff(a, n=0)"])
        cases.append((f"diff-{i}", f"a = {a}\nprint(repr({form}))"))
    cases.append(("diff-0d", "print(np.diff(np.array(5)))"))
    for i, (shp, form) in enumerate([((1, 3), "np.squeeze(a)"), ((1, 3, 1), "np.squeeze(a, axis=0)"), ((3,), "np.expand_dims(a, 0)"),
                                      ((3,), "np.expand_dims(a, -1)"), ((2, 3), "np.expand_dims(a, (0, 2))"), ((2, 3), "a.ravel()"),
                                      ((2, 3), "np.ravel(a)"), ((2, 3), "a.flatten()"), ((1, 3), "np.squeeze(a, axis=1)")]):
        a = g.array(shp, "int64", 0, 9)
        cases.append((f"squeeze-etc-{i}", f"a = {a}\nprint(repr({form}))"))
    cases += [
        ("minibatches", "X = np.arange(20).reshape(10, 2)\nfor i in range(0, 10, 4):\n    print(X[i:i + 4].shape)"),
        ("stack-pairs", "xs = [np.arange(3) * i for i in range(4)]\nprint(np.stack(xs))\nprint(np.stack(xs, axis=1).shape)"),
        ("hstack-features", "a = np.ones((2, 2))\nb = np.zeros((2, 1))\nprint(np.hstack([a, b]))"),
        ("vstack-rows", "print(np.vstack([np.arange(3), np.arange(3) * 2, [7, 8, 9]]))"),
        ("column-stack-xy", "x = np.array([1.0, 2.0])\ny = np.array([3.0, 4.0])\nprint(np.column_stack((x, y)))"),
        ("pad-sequences", "seqs = [np.array([1, 2]), np.array([3, 4, 5])]\nprint(np.stack([np.pad(s, (0, 3 - len(s))) for s in seqs]))"),
        ("add-bias-column", "X = np.arange(6.0).reshape(3, 2)\nprint(np.hstack([np.ones((3, 1)), X]))"),
        ("tile-batch", "b = np.array([0.1, 0.2])\nprint(np.tile(b, (3, 1)))"),
        ("roll-sequence", "x = np.arange(6)\nprint(np.roll(x, -1)[:-1])"),
        ("moveaxis-channels", "img = np.zeros((28, 28, 3))\nprint(np.moveaxis(img, -1, 0).shape)"),
        ("moveaxis-error", "print(np.moveaxis(np.zeros((2, 3)), 0, 2))"),
        ("flip-view", "a = np.arange(4)\nb = np.flip(a)\nprint(b, b.base is a)"),
        ("tile-negative", "print(np.tile(np.arange(2), -1))"),
        ("stack-mismatch", "print(np.stack([np.arange(2), np.arange(3)]))"),
        ("broadcast-to-error", "print(np.broadcast_to(np.arange(3), (2, 4)))"),
    ]
    return cases


def linalg(g):
    cases = []
    for i in range(40):
        dtype = g.r.choice(["float64", "int64", "float32"])
        n, k, m = g.r.randint(1, 4), g.r.randint(1, 4), g.r.randint(1, 4)
        kind = g.r.choice(["mm", "mv", "vv", "vm", "scalar"])
        if kind == "mm":
            a, b = g.array((n, k), dtype), g.array((k, m), dtype)
        elif kind == "mv":
            a, b = g.array((n, k), dtype), g.array((k,), dtype)
        elif kind == "vv":
            a, b = g.array((k,), dtype), g.array((k,), dtype)
        elif kind == "vm":
            a, b = g.array((k,), dtype), g.array((k, m), dtype)
        else:
            a, b = g.array((n, k), dtype), "2"
        cases.append((f"dot-{i}", f"a = {a}\nb = {b}\nprint(repr(np.dot(a, b)))"))
    for i in range(20):
        dtype = g.r.choice(["float64", "int64"])
        a, b = g.array((g.r.randint(1, 4),), dtype), g.array((g.r.randint(1, 4),), dtype)
        cases.append((f"outer-{i}", f"a = {a}\nb = {b}\nprint(repr(np.outer(a, b)))"))
    for i in range(20):
        dtype = g.r.choice(["float64", "int64"])
        k = g.r.randint(1, 4)
        a, b = g.array(g.r.choice([(k,), (2, k)]), dtype), g.array(g.r.choice([(k,), (3, k)]), dtype)
        fn = g.r.choice(["inner", "vdot"]) if "[[" not in a and "[[" not in b else "inner"
        cases.append((f"{fn}-{i}", f"a = {a}\nb = {b}\nprint(repr(np.{fn}(a, b)))"))
    for i in range(20):
        a = g.array((2, 3, 4), "int64", -3, 3)
        form, bshape = g.r.choice([("np.tensordot(a, b, axes=1)", (4, 2)), ("np.tensordot(a, b, axes=2)", (3, 4)),
                                    ("np.tensordot(a, b, axes=([1, 2], [0, 1]))", (3, 4)), ("np.tensordot(a, b, axes=([0], [1]))", (3, 2)),
                                    ("np.tensordot(a, b, axes=0).shape", (2,))])
        b = g.array(bshape, "int64", -3, 3)
        cases.append((f"tensordot-{i}", f"a = {a}\nb = {b}\nprint(repr({form}))"))
    einsums = [("ij,jk->ik", [(2, 3), (3, 2)]), ("ij,jk", [(2, 3), (3, 4)]), ("ii->i", [(3, 3)]), ("ii", [(3, 3)]), ("ij->ji", [(2, 3)]),
               ("ij", [(2, 3)]), ("ji", [(2, 3)]), ("i,i->", [(3,), (3,)]), ("i,i", [(4,), (4,)]), ("i,j->ij", [(2,), (3,)]),
               ("bij,bjk->bik", [(2, 2, 3), (2, 3, 2)]), ("bij,bjk", [(2, 3, 2), (2, 2, 2)]), ("ij->", [(2, 3)]), ("ij->i", [(2, 3)]),
               ("ij->j", [(3, 2)]), ("...ij,...jk->...ik", [(2, 2, 3), (2, 3, 2)]), ("...i,...i->...", [(2, 3), (2, 3)]),
               ("ij,ij->ij", [(2, 2), (2, 2)]), ("ij,ij->", [(2, 3), (2, 3)]), ("i,i,i->", [(3,), (3,), (3,)]),
               ("bi,ij->bj", [(4, 3), (3, 2)]), ("ijk->kji", [(2, 3, 4)]), ("ba,ac", [(2, 3), (3, 2)]), ("i->", [(5,)])]
    for i, (spec, shapes) in enumerate(einsums):
        for dtype in ["int64", "float64"]:
            ops = ", ".join(g.array(s, dtype, -4, 4) for s in shapes)
            cases.append((f"einsum-{i}-{dtype}", f"print(repr(np.einsum('{spec}', {ops})))"))
    cases += [("einsum-error-shape", "print(np.einsum('ij,jk->ik', np.ones((2, 3)), np.ones((2, 3))))"),
              ("einsum-error-count", "print(np.einsum('ij,jk->ik', np.ones((2, 3))))")]
    # norm.
    for i in range(40):
        dtype = g.r.choice(["float64", "int64"])
        shp = g.r.choice([(4,), (2, 3), (3, 3)])
        a = g.array(shp, dtype, -5, 5)
        if len(shp) == 1:
            form = g.r.choice(["np.linalg.norm(a)", "np.linalg.norm(a, 1)", "np.linalg.norm(a, np.inf)", "np.linalg.norm(a, ord=3)",
                               "np.linalg.norm(a, -np.inf)", "np.linalg.norm(a, 0)"])
        else:
            form = g.r.choice(["np.linalg.norm(a)", "np.linalg.norm(a, axis=1)", "np.linalg.norm(a, axis=0)", "np.linalg.norm(a, 'fro')",
                               "np.linalg.norm(a, 1)", "np.linalg.norm(a, np.inf)", "np.linalg.norm(a, axis=1, keepdims=True)",
                               "np.linalg.norm(a, ord=1, axis=0)", "np.linalg.norm(a, 2, axis=-1)"])
        cases.append((f"norm-{i}", f"a = {a}\nprint(repr({form}))"))
    # LAPACK-backed: printed rounded (the last digits may differ between BLAS builds; see docs).
    for i in range(25):
        n = g.r.randint(1, 4)
        a = g.array((n, n), g.r.choice(["float64", "int64"]), -5, 5)
        fn = g.r.choice(["det", "inv", "matrix_rank", "solve", "pinv"])
        if fn == "solve":
            b = g.array((n,), "float64", -5, 5)
            body = f"a = {a} + 10 * np.eye({n})\nb = {b}\nprint(np.round(np.linalg.solve(a, b), 6))"
        elif fn == "det":
            body = f"a = {a}\nprint(np.round(np.linalg.det(a), 6))"
        elif fn == "inv":
            body = f"a = {a} + 10 * np.eye({n})\nprint(np.round(np.linalg.inv(a), 6))"
        elif fn == "pinv":
            body = f"a = {a}\nprint(np.round(np.linalg.pinv(a), 6))"
        else:
            body = f"a = {a}\nprint(np.linalg.matrix_rank(a))"
        cases.append((f"lapack-{fn}-{i}", body))
    cases += [
        ("inv-singular", "print(np.linalg.inv(np.array([[1.0, 2.0], [2.0, 4.0]])))"),
        ("inv-not-square", "print(np.linalg.inv(np.ones((2, 3))))"),
        ("det-identity", "print(np.linalg.det(np.eye(3)))"),
        ("solve-identity", "print(np.linalg.solve(np.eye(2), np.array([3.0, 4.0])))"),
        ("svd-singular-values", "a = np.array([[3.0, 0.0], [0.0, 4.0], [0.0, 0.0]])\nprint(np.round(np.linalg.svd(a, compute_uv=False), 6))"),
        ("svd-reconstruct", "a = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])\nu, s, vt = np.linalg.svd(a, full_matrices=False)\nprint(u.shape, s.shape, vt.shape)\nprint(np.round(u @ np.diag(s) @ vt, 6))"),
        ("qr-reconstruct", "a = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])\nq, r = np.linalg.qr(a)\nprint(q.shape, r.shape)\nprint(np.round(q @ r, 6))\nprint(np.round(np.abs(np.diag(r)), 6))"),
        ("matrix-rank-deficient", "print(np.linalg.matrix_rank(np.array([[1.0, 2.0], [2.0, 4.0]])))"),
        ("eigh-values", "a = np.array([[2.0, 1.0], [1.0, 2.0]])\nw, v = np.linalg.eigh(a)\nprint(np.round(w, 6))"),
        ("eig-values", "a = np.array([[2.0, 0.0], [0.0, 3.0]])\nw, v = np.linalg.eig(a)\nprint(np.round(w, 6))"),
        ("dense-layer", "x = np.array([[1.0, 2.0]])\nW = np.array([[0.5, -1.0, 0.0], [0.25, 0.5, 1.0]])\nb = np.array([0.1, 0.2, 0.3])\nprint(np.dot(x, W) + b)"),
        ("gram", "X = np.arange(6.0).reshape(3, 2)\nprint(X.T.dot(X))"),
        ("dot-method", "a = np.arange(4).reshape(2, 2)\nprint(a.dot(a))"),
        ("dot-mismatch", "print(np.dot(np.ones((2, 3)), np.ones((2, 3))))"),
        ("outer-2d", "print(np.outer(np.arange(4).reshape(2, 2), np.arange(2)))"),
        ("norm-normalise", "v = np.array([3.0, 4.0])\nprint(v / np.linalg.norm(v))"),
        ("norm-rows", "X = np.array([[3.0, 4.0], [6.0, 8.0]])\nprint(X / np.linalg.norm(X, axis=1, keepdims=True))"),
        ("gradient-clip", "g = np.array([3.0, 4.0])\nn = np.linalg.norm(g)\nprint(g * min(1.0, 1.0 / n))"),
        ("einsum-attention", "q = np.arange(6.0).reshape(2, 3)\nk = np.ones((4, 3))\nprint(np.einsum('qd,kd->qk', q, k))"),
        ("einsum-trace", "print(np.einsum('ii', np.arange(9).reshape(3, 3)))"),
        ("norm-bad-ord", "print(np.linalg.norm(np.ones((2, 2)), 'nuc2'))"),
        ("linalg-float32-dtypes", "a = np.array([[2.0, 1.0], [1.0, 3.0]], dtype=np.float32)\nprint(np.linalg.inv(a).dtype, np.linalg.det(a).dtype, np.linalg.solve(a, a).dtype)\nprint(np.linalg.svd(a)[1].dtype, np.linalg.norm(a).dtype)"),
        ("least-squares-normal-equations", "X = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])\ny = np.array([1.0, 3.0, 5.0])\nw = np.linalg.solve(X.T @ X, X.T @ y)\nprint(np.round(w, 6))"),
        ("pinv-least-squares", "X = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])\ny = np.array([1.0, 3.0, 5.0])\nprint(np.round(np.linalg.pinv(X) @ y, 6))"),
        ("norm-matrix-orders", "a = np.array([[1.0, -2.0], [3.0, 4.0]])\nprint(np.linalg.norm(a, 1), np.linalg.norm(a, np.inf), np.linalg.norm(a, -1), np.linalg.norm(a, 'fro'))\nprint(np.round(np.linalg.norm(a, 2), 6), np.round(np.linalg.norm(a, 'nuc'), 6))"),
        ("linalg-namespace-error", "print(np.linalg.nrom(np.ones(2)))"),
    ]
    return cases


def main():
    g = Gen(SEED)
    write("elementwise", "numpy's elementwise functions (issue 9 §4): generated cases, then tutorial idioms.", elementwise(g))
    write("reductions", "numpy's reductions (issue 9 §4): generated cases, then tutorial idioms.", reductions(g))
    write("creation", "numpy's creation routines (issue 9 §4): generated cases, then tutorial idioms.", creation(g))
    write("shape", "numpy's array manipulation (issue 9 §4): generated cases, then tutorial idioms.", shape(g))
    write("linalg", "numpy's linear algebra (issue 9 §4). LAPACK results print rounded (np.round(x, 6)): their last digits may differ between BLAS builds.", linalg(g))


if __name__ == "__main__":
    main()
