#!/usr/bin/env python3
"""Golden fixtures for Tests/TensorTests, made by numpy itself (numpy 2.4 is the oracle).

    python3 scripts/gen_tensor_fixtures.py        # rewrites Tests/TensorTests/Fixtures/*.json

Every case names an operation, its input arrays (full data, so the Swift side needs no random
generator of numpy's), its arguments, and what numpy returned: the result arrays (shape, dtype,
every element, byte strides, whether memory is shared with the first input) or the exact text of
the exception numpy raised. TensorTests/FixtureCases.swift replays each case through rnnsh's
Tensor API and compares.

Encoding: bools are JSON booleans, integers JSON integers, floats strings holding Python's
repr (`"0.1"`, `"nan"`, `"-inf"`, `"-0.0"`) so no JSON parser can round them. Python scalars
given as arguments are {"int": n} / {"float": "repr"} / {"bool": b}; a literal's float leaves
are {"f": "repr"}. Index items are ["i", n], ["s", start, stop, step], ["e"], ["n"].

Deterministic: fixed seeds, sorted keys; re-running gives identical files.
"""
import json
import math
import os
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore")  # numpy's RuntimeWarnings (overflow in cast, ...) are expected

if not np.__version__.startswith("2.4"):
    sys.exit(f"numpy 2.4 is the oracle; found {np.__version__}")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "TensorTests", "Fixtures")
DTYPES = ["bool", "uint8", "int32", "int64", "float32", "float64"]


# ---------------------------------------------------------------- encoding

def enc_elem(x, dtype):
    if dtype == np.bool_:
        return bool(x)
    if np.issubdtype(dtype, np.integer):
        return int(x)
    return repr(float(x))


def enc_array(a, base=None):
    a_orig = a
    a = np.asarray(a)
    out = {
        "shape": list(a.shape),
        "dtype": a.dtype.name,
        "data": [enc_elem(x, a.dtype) for x in a.ravel(order="C")],
        "strides": list(a.strides),
    }
    if isinstance(a_orig, np.generic):
        out["scalar"] = True  # numpy returned a scalar (a copy); rnnsh returns a 0-d view
    elif base is not None:
        out["shares"] = bool(np.shares_memory(a, base))
    return out


def dec_array(spec):
    dt = np.dtype(spec["dtype"])
    vals = [float(v) if isinstance(v, str) else v for v in spec["data"]]
    a = np.array(vals, dtype=dt).reshape(spec["shape"])
    for step in spec.get("then", []):
        if step[0] == "T":
            a = a.T
        elif step[0] == "index":
            a = a[dec_index(step[1])]
        else:
            raise ValueError(step)
    return a


def dec_index(items):
    out = []
    for it in items:
        if it[0] == "i":
            out.append(it[1])
        elif it[0] == "s":
            out.append(slice(it[1], it[2], it[3]))
        elif it[0] == "e":
            out.append(Ellipsis)
        elif it[0] == "n":
            out.append(None)
    return tuple(out)


def py_scalar(v):
    if isinstance(v, bool):
        return {"bool": v}
    if isinstance(v, int):
        return {"int": v}
    return {"float": repr(float(v))}


def dec_py(v):
    if "bool" in v:
        return v["bool"]
    if "int" in v:
        return v["int"]
    return float(v["float"])


def enc_literal(x):
    if isinstance(x, list):
        return [enc_literal(y) for y in x]
    if isinstance(x, float):
        return {"f": repr(x)}
    return x


def arr(shape, dtype="int64", then=(), start=0, values=None):
    """An input spec: arange-like data (or `values`) of `shape`, then view steps."""
    n = int(np.prod(shape)) if shape else 1
    a = np.array(values if values is not None else np.arange(start, start + n), dtype=dtype).reshape(shape)
    spec = enc_array(a)
    del spec["strides"]
    if then:
        spec["then"] = [list(s) for s in then]
    return spec


def rand(shape, dtype, rng, low=-3, high=3):
    if dtype == "bool":
        a = rng.random(shape) < 0.5
    elif dtype == "uint8":
        a = rng.integers(0, 256, shape)
    elif dtype in ("int32", "int64"):
        a = rng.integers(low * 10, high * 10, shape)
    else:
        a = rng.uniform(low, high, shape)
    spec = enc_array(np.asarray(a).astype(dtype))
    del spec["strides"]
    return spec


# ---------------------------------------------------------------- running numpy

def run(op, fn, inputs=(), args=None, name=None):
    """One case: call `fn(*decoded inputs)` and record its result or its error text."""
    case = {"op": op, "in": list(inputs), "args": args or {}}
    if name:
        case["name"] = name
    decoded = [dec_array(s) for s in inputs]
    try:
        r = fn(*decoded)
    except Exception as e:  # numpy's exception text is exactly what we test against
        case["error"] = str(e)
        case["error_type"] = type(e).__name__
        return case
    base = decoded[0] if decoded else None
    if isinstance(r, (list, tuple)):
        case["out"] = [enc_array(x, base) for x in r]
    else:
        case["out"] = enc_array(r, base)
    return case


def write(name, cases):
    """Writes cases with their input arrays pooled: each distinct input spec is stored once under
    "arrays" and cases refer to it by index (keeps the files small)."""
    pool, index = [], {}
    for c in cases:
        refs = []
        for spec in c["in"]:
            key = json.dumps(spec, sort_keys=True)
            if key not in index:
                index[key] = len(pool)
                pool.append(spec)
            refs.append(index[key])
        c["in"] = refs
    path = os.path.join(OUT, name)
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump({"numpy": np.__version__, "arrays": pool, "cases": cases}, f, sort_keys=True, separators=(",", ":"))
        f.write("\n")
    os.replace(tmp, path)
    print(f"{path}: {len(cases)} cases, {os.path.getsize(path) // 1024} KiB")


# ---------------------------------------------------------------- creation

def creation_cases():
    cases = []
    aranges = [
        (5,), (0,), (-3,), (2, 10), (10, 2), (0, 10, 3), (10, 0, -3), (0, 1, 0.1), (1.5,), (-2.5, 2.5, 0.5),
        (0, 5, 0.5), (0.5, 5), (3, 1.0, -0.25), (0, 1, 0), (5, 5, 0), (0, 1.0, 0.0), (0, 10, True),
        (float("nan"),), (float("inf"),), (0, -1e300, 1), (0, 1e30, 1e-30), (True,),
        (-9223372036854775807 - 1, 9223372036854775807, 1), (1, 2, 3), (0.1, 0.3, 0.1), (1e16, 1e16 + 10),
    ]
    for a in aranges:
        for dt in [None, "int64", "float32", "uint8", "int32", "bool", "float64"]:
            if dt is not None and len(a) == 3 and a[1] in (-1e300, 1e30, 9223372036854775807):
                continue
            keys = ["start", "stop", "step"] if len(a) > 1 else ["stop"]
            args = {k: py_scalar(v) for k, v in zip(keys, a)}
            if dt:
                args["dtype"] = dt
            kw = {"dtype": dt} if dt else {}
            cases.append(run("arange", lambda a=a, kw=kw: np.arange(*a, **kw), args=args))
    for a in [(0, 600, 100), (5, 0, -1), (0.5, 3), (-0.5, 3), (-1, 5), (0, 2**40, 2**38), (2**31 - 2, 2**31 + 2),
              (0, 3, 1.5), (0.0, 2.0), (0, 1, 0.1), (0, 10, 0.7), (1e9, 1e9 + 100, 7.5)]:
        for dt in ["uint8", "int32", "int64", "float32", "float64", "bool"]:
            args = {k: py_scalar(v) for k, v in zip(["start", "stop", "step"], a)}
            args["dtype"] = dt
            cases.append(run("arange", lambda a=a, dt=dt: np.arange(*a, dtype=dt), args=args))

    for shape in [[], [0], [3], [2, 3], [2, 0, 4], [-1, 2]]:
        for dt in [None] + DTYPES:
            kw = {"dtype": dt} if dt else {}
            args = {"shape": shape, **kw}
            cases.append(run("zeros", lambda s=shape, kw=kw: np.zeros(s, **kw), args=args))
            cases.append(run("ones", lambda s=shape, kw=kw: np.ones(s, **kw), args=args))
    for v in [1, 300, -1, 2**40, 1.7, -1.5, 300.5, float("nan"), float("inf"), 1e20, True, False, 0.0]:
        for dt in [None] + DTYPES:
            kw = {"dtype": dt} if dt else {}
            args = {"shape": [2, 2], "value": py_scalar(v), **kw}
            cases.append(run("full", lambda v=v, kw=kw: np.full((2, 2), v, **kw), args=args))
    for spec, shape in [(arr([3], "int32"), [2, 3]), (arr([2], "int64"), [3]), (arr([2], "int64"), [2, 3]),
                        (arr([1], "float32"), [2]), (arr([], "float64", values=[2.5]), [2, 2]),
                        (arr([2, 1], "uint8"), [2, 3])]:
        cases.append(run("full", lambda a, s=shape: np.full(s, a), [spec], {"shape": shape}))

    literals = [
        5, 2.5, True, [], [[], []], [[[]]], [1, 2, 3], [1, 2.0], [True, 1], [True, False], [1.5, True],
        [[1, 2], [3, 4]], [[1, 2], [3]], [[1, 2], 3], [1, [2, 3]], [[1], 2], [[], 1], [[], [1]],
        [[[1], [2]], [[3, 4], [5]]], [[[1, 2], [3, 4]], [[5, 6], [7, 8]]], [[[1, 2]], [[3, 4], [5, 6]]],
        [float("nan"), float("inf"), -0.0], [9223372036854775807, -9223372036854775807 - 1],
        [[1.5, 2], [3, 4]], [[True], [False]], [[[[[[1]]]]]],
    ]
    for lit in literals:
        for dt in [None] + DTYPES:
            kw = {"dtype": dt} if dt else {}
            args = {"literal": enc_literal(lit), **kw}
            cases.append(run("literal", lambda lit=lit, kw=kw: np.array(lit, **kw), args=args))
    for lit in [[256], [-1], [1.5, -1.5], [300.5], [1e20], [float("nan")], [float("inf")], [-float("inf")],
                [2**31], [-2**31 - 1], [2**40], [1e300], [2.0**63], [-2.0**63], [0.9, -0.9]]:
        for dt in DTYPES:
            args = {"literal": enc_literal(lit), "dtype": dt}
            cases.append(run("literal", lambda lit=lit, dt=dt: np.array(lit, dtype=dt), args=args))
    deep = [1]
    for _ in range(64):
        deep = [deep]
    cases.append(run("literal", lambda: np.array(deep), args={"literal": enc_literal(deep)}, name="65 levels"))
    return cases


# ---------------------------------------------------------------- shape ops

def shape_cases():
    cases = []
    a8 = arr([8])
    a23 = arr([2, 3])
    a234 = arr([2, 3, 4])
    t234 = arr([2, 3, 4], then=[["T"]])
    sl = arr([6, 4], then=[["index", [["s", None, None, 2]]]])
    rev = arr([5], then=[["index", [["s", None, None, -1]]]])
    for spec, shapes in [
        (a8, [[3, 3], [-1, 3], [-1, -1], [3, -1, 2], [-2, 4], [2, 4], [4, -1], [8], [-1], [2, 2, 2], [1, 8, 1],
              [], [8, 1, -1], [0, -1], [2, 2, -1, 1], [9223372036854775807, 2], [4611686018427387904, 4, 0]]),
        (arr([0]), [[0, -1], [-1, 0], [0, 5], [-1], [5, 0, -1], []]),
        (arr([1]), [[], [1, 1, 1], [-1, 1]]),
        (arr([]), [[], [1], [-1], [1, -1, 1], [2]]),
        (a234, [[6, 4], [4, 6], [2, 12], [24], [-1, 4], [2, -1], [3, 8]]),
        (t234, [[4, 3, 2], [12, 2], [4, 6], [24], [2, 2, 3, 2], [4, 3, 2, 1], [1, 4, 3, 2], [-1], [4, -1]]),
        (sl, [[3, 4], [12], [3, 2, 2], [1, 3, 4], [6, 2]]),
        (rev, [[5], [5, 1], [1, 5], [-1]]),
        (arr([3, 1, 4], then=[["T"]]), [[4, 3], [12], [4, 1, 3], [2, 2, 3]]),
        (arr([4, 6], then=[["index", [["s", None, None, None], ["s", 1, 5, None]]]]), [[2, 2, 4], [8, 2], [16], [4, 2, 2]]),
    ]:
        for s in shapes:
            cases.append(run("reshape", lambda a, s=s: a.reshape(s), [spec], {"shape": s}))
    for spec, axes_list in [
        (a23, [None, [1, 0], [0, 1], [0], [0, 0], [0, 3], [0, -3], [0, 1, 2], [-1, 0], [], [1, 1]]),
        (a234, [None, [2, 0, 1], [1, 2, 0], [-1, -2, -3], [0, 1], [2, 2, 0], [0, 1, 5]]),
        (arr([]), [None, []]),
        (t234, [None, [1, 0, 2]]),
    ]:
        for ax in axes_list:
            args = {"axes": ax}
            cases.append(run("transpose", lambda a, ax=ax: a.transpose(ax) if ax is not None else a.transpose(), [spec], args))
    for spec in [a8, a23, t234, sl, rev, arr([]), arr([3, 0])]:
        cases.append(run("ravel", lambda a: np.ravel(a), [spec]))
        cases.append(run("flatten", lambda a: a.flatten(), [spec]))
    s131 = arr([1, 3, 1])
    for spec, axes in [(s131, [None, 0, 2, -1, [0, 2], 1, [0, 0], 3, -4, [0, 1]]), (a23, [None, 0]), (arr([]), [None]),
                       (arr([1, 1], then=[["T"]]), [None, 0])]:
        for ax in axes:
            cases.append(run("squeeze", lambda a, ax=ax: np.squeeze(a, axis=ax if not isinstance(ax, list) else tuple(ax)),
                             [spec], {"axis": ax}))
    for spec, axes in [(a23, [0, 1, 2, -1, -3, 3, -4, [0, 1], [0, 0], [0, 3], [3, 0], [-1, 0], []]), (arr([]), [0, -1, [0, 1]]),
                       (t234, [0, 1, 3, [1, 3]])]:
        for ax in axes:
            cases.append(run("expand_dims", lambda a, ax=ax: np.expand_dims(a, tuple(ax) if isinstance(ax, list) else ax),
                             [spec], {"axis": ax}))
    a7 = arr([7])
    a64 = arr([6, 4])
    for spec, secs, axis in [(a8, 2, 0), (a8, 4, 0), (a8, 3, 0), (a8, 0, 0), (a8, -1, 0), (a8, -3, 0), (a8, 8, 0), (a8, 1, 0),
                             (a64, 2, 1), (a64, 3, 0), (a64, 3, 1), (a64, 2, -1), (a64, 2, 2), (a64, 2, -3), (arr([]), 1, 0),
                             (arr([0]), 3, 0), (t234, 2, 0), (t234, 3, 1)]:
        args = {"sections": secs, "axis": axis}
        cases.append(run("split", lambda a, s=secs, ax=axis: np.split(a, s, axis=ax), [spec], args))
        cases.append(run("array_split", lambda a, s=secs, ax=axis: np.array_split(a, s, axis=ax), [spec], args))
    for spec, secs, axis in [(a7, 3, 0), (a7, 10, 0), (a7, 7, 0), (a64, 4, 1), (a64, 5, 0)]:
        args = {"sections": secs, "axis": axis}
        cases.append(run("array_split", lambda a, s=secs, ax=axis: np.array_split(a, s, axis=ax), [spec], args))
        cases.append(run("split", lambda a, s=secs, ax=axis: np.split(a, s, axis=ax), [spec], args))
    for spec, idx, axis in [(a7, [2, 5], 0), (a7, [-2, 3], 0), (a7, [5, 2], 0), (a7, [0, 10], 0), (a7, [], 0),
                            (a64, [1, 5], 1), (a64, [2, 1], 1), (a64, [3], 0), (a64, [1], 2), (a64, [-1], -1)]:
        args = {"indices": idx, "axis": axis}
        cases.append(run("split", lambda a, i=idx, ax=axis: np.split(a, i, axis=ax), [spec], args))
        cases.append(run("array_split", lambda a, i=idx, ax=axis: np.array_split(a, i, axis=ax), [spec], args))

    f23 = arr([2, 3], "float32", start=10)
    i32 = arr([2, 3], "int32", start=20)
    for specs, axis in [
        ([a23, a23], 0), ([a23, a23], 1), ([a23, a23], -1), ([a23, a23], 2), ([a23, a23], -3), ([a23, a23], None),
        ([a23, arr([2, 2])], 1), ([a23, arr([2, 2])], 0), ([a23, arr([3])], 0), ([arr([3]), a23], 0), ([], 0),
        ([arr([], values=[1]), arr([], values=[2])], 0), ([a23, f23], 0), ([i32, f23], 1), ([arr([2, 3], "uint8"), f23], 0),
        ([arr([2, 3], "bool"), i32], 0), ([arr([2, 3], "uint8"), i32], 1), ([a23], 0), ([t234, a234], 2), ([t234, a234], None),
        ([arr([0, 3]), a23], 0), ([sl, arr([1, 4])], 0), ([arr([], values=[1]), arr([], values=[2])], None),
        ([a23, a23, arr([2, 5])], 1), ([a23, a23, arr([2, 5])], 0),
    ]:
        args = {"axis": axis, "count": len(specs)}
        cases.append(run("concatenate", lambda *xs, ax=axis: np.concatenate(list(xs), axis=ax), specs, args))
    for specs, axis in [([a23, a23], 0), ([a23, a23], 1), ([a23, a23], 2), ([a23, a23], -1), ([a23, a23], 3),
                        ([a23, a23], -4), ([a23, arr([3, 2])], 0), ([], 0), ([arr([], values=[1]), arr([], "float64", values=[2.5])], 0),
                        ([i32, f23, a23], 1), ([t234, a234], 1)]:
        args = {"axis": axis, "count": len(specs)}
        cases.append(run("stack", lambda *xs, ax=axis: np.stack(list(xs), axis=ax), specs, args))
    for spec, shape in [(arr([3]), [2, 3]), (arr([3]), [3]), (arr([2]), [3]), (arr([2, 2]), [2]), (arr([1, 3]), [4, 2, 3]),
                        (arr([]), [2, 2]), (arr([2, 1]), [2, 0])]:
        cases.append(run("broadcast_to", lambda a, s=shape: np.broadcast_to(a, s), [spec], {"shape": shape}))
    return cases


# ---------------------------------------------------------------- indexing

def index_cases():
    cases = []
    S = lambda a=None, b=None, c=None: ["s", a, b, c]
    I = lambda i: ["i", i]
    E, N = ["e"], ["n"]
    x = arr([2, 3])
    v = arr([6])
    c = arr([2, 3, 4])
    z = arr([])
    for spec, items_list in [
        (x, [[I(1)], [I(-1)], [I(5)], [I(-3)], [I(0), I(5)], [I(0), I(1), I(2)], [E, E], [S(None, None, 0)],
             [N, E, N], [S(), I(0)], [E, I(0)], [S(10, 20)], [S(1, 3)], [S(None, None, -1)], [S(None, None, 2)],
             [I(1), I(2)], [I(-2), I(-3)], [I(1), I(3)], [S(None, None, 0), I(0), I(0)], [I(0), S(None, None, 0)],
             [N], [N, N, I(0), N], [S(), S(), N], [E], [], [S(-100, 100)], [S(None, None, -2), S(2, 0, -1)],
             [I(0), E, I(0)], [I(0), I(0), E], [E, S(None, None, -1)], [S(5, 1)], [S(1, 5, -1)], [N, I(0), N, S(1, None)]]),
        (v, [[S(1, 3)], [S(None, None, 2)], [S(None, None, -1)], [S(-2, None)], [S(None, -7)], [S(4, 1, -2)],
             [S(None, None, 9223372036854775807)], [S(None, None, -9223372036854775807 - 1)], [S(-9223372036854775807 - 1, 9223372036854775807)],
             [I(6)], [I(-6)], [I(-7)], [I(1), I(2)], [S(1, 3), I(0)], [E, I(0)], [I(9223372036854775807)]]),
        (c, [[E, I(0)], [I(1), E], [S(), I(0)], [I(0), S(), I(-1)], [S(None, None, -1), S(None, None, 2), I(3)], [E, N],
             [I(0), N, E, N, I(0)], [S(1, None), S(None, -1), S(None, None, 3)], [I(2)], [I(1), I(3)], [I(1), I(1), I(4)]]),
        (z, [[], [E], [I(0)], [N], [E, N], [S()], [N, E, E]]),
        (arr([6, 4], then=[["T"]]), [[I(1)], [S(None, None, 2), S(1, None)], [E, S(None, None, -1)]]),
        (arr([0, 3]), [[I(0)], [S(), I(1)], [S(1, 2)]]),
    ]:
        for items in items_list:
            cases.append(run("index", lambda a, it=items: a[dec_index(it)], [spec], {"items": items}))
    return cases


# ---------------------------------------------------------------- casting

def cast_cases():
    cases = []
    specials = [float("nan"), float("inf"), -float("inf"), 1e10, -1e10, 3e9, 300.7, -1.5, 255.9, -129.5, 2.0**63, -2.0**63,
                1e19, 4294967296.0 + 5, 0.5, -0.5, -0.0, 2.0**31, -2.0**31, 2.0**31 - 0.5, -2.0**31 - 0.5, 127.5, 16777217.0, 1e-40]
    ints = [0, 1, -1, 255, 256, -129, 2**31 - 1, 2**31, -2**31 - 1, 2**40 + 7, 2**53 + 1, 2**63 - 1, -2**63, 16777217]
    for src in DTYPES:
        if src in ("float32", "float64"):
            spec = arr([len(specials)], src, values=specials)
        elif src == "bool":
            spec = arr([2], "bool", values=[True, False])
        else:
            info = np.iinfo(src)
            spec = arr([len(ints)], src, values=[np.array(i).astype(src) for i in ints])
        for dst in DTYPES:
            cases.append(run("astype", lambda a, d=dst: a.astype(d), [spec], {"dtype": dst}))
        cases.append(run("astype", lambda a: a.astype("float64"), [arr([2, 3], src, then=[["T"]])], {"dtype": "float64"}))
    return cases


# ---------------------------------------------------------------- math

EDGE = {
    "bool": [True, False, True, True, False, False],
    "uint8": [0, 1, 255, 200, 7, 128],
    "int32": [0, -1, 2**31 - 1, -2**31, 12345, 7],
    "int64": [0, -1, 2**63 - 1, -2**63, 3, 1 << 40],
    "float32": [0.5, -0.0, float("inf"), float("nan"), 3.4e38, 1e-45],
    "float64": [0.1, -0.0, float("inf"), float("nan"), 1e308, 5e-324],
}
EDGE2 = {  # a second row, so that x op x is not the only pairing
    "bool": [True, True, False, False, True, False],
    "uint8": [3, 255, 2, 100, 0, 128],
    "int32": [2, -7, 2, -1, 0, -2**31],
    "int64": [5, 2**62, -2, -1, 0, 3],
    "float32": [2.0, 0.0, float("-inf"), 1.5, 3.4e38, -1e-45],
    "float64": [3.0, 0.0, float("inf"), float("nan"), -1e308, 5e-324],
}
PYOPS = {
    "add": lambda a, b: a + b, "subtract": lambda a, b: a - b, "multiply": lambda a, b: a * b,
    "divide": lambda a, b: a / b, "equal": lambda a, b: a == b, "notEqual": lambda a, b: a != b,
    "less": lambda a, b: a < b, "lessEqual": lambda a, b: a <= b, "greater": lambda a, b: a > b,
    "greaterEqual": lambda a, b: a >= b,
}
SCALARS = [0, 1, -1, 300, 2**40, -2**31, 0.5, -2.5, 1e300, float("nan"), True, False]


def binary_cases():
    cases = []
    for op, f in PYOPS.items():
        for da in DTYPES:
            for db in DTYPES:
                A = arr([6], da, values=EDGE[da])
                B = arr([6], db, values=EDGE2[db])
                cases.append(run("binary", f, [A, B], {"op": op, "lhs": {"array": 0}, "rhs": {"array": 1}}))
            A = arr([6], da, values=EDGE[da])
            for v in SCALARS:
                cases.append(run("binary", lambda a, v=v, f=f: f(a, v), [A], {"op": op, "lhs": {"array": 0}, "rhs": py_scalar(v)}))
                cases.append(run("binary", lambda a, v=v, f=f: f(v, a), [A], {"op": op, "lhs": py_scalar(v), "rhs": {"array": 0}}))
        for v in [1, 0.5, True, 7, -3, 2.0]:
            for w in [2, 0.25, False, True, 0]:
                cases.append(run("binary", lambda v=v, w=w, f=f: f(np.asarray(v), np.asarray(w)), [],
                                 {"op": op, "lhs": py_scalar(v), "rhs": py_scalar(w)}))
    rng = np.random.default_rng(7)
    for sa, sb in [([2, 1, 3], [4, 1]), ([3], [2, 3]), ([2, 3], [3, 2]), ([2, 3], [4, 1, 2]), ([0, 3], [1, 3]), ([0, 3], [2, 3]),
                   ([], [2, 2]), ([1], [0]), ([5, 1, 4], [1, 6, 1]), ([3, 4], [4])]:
        for op in ["add", "multiply", "divide", "equal"]:
            cases.append(run("binary", PYOPS[op], [rand(sa, "float32", rng), rand(sb, "int32", rng)],
                             {"op": op, "lhs": {"array": 0}, "rhs": {"array": 1}}))
    # Layouts: results keep numpy's K order.
    for A, B in [(arr([3, 4], "float64", then=[["T"]]), None), (arr([2, 3, 4], "float32", then=[["T"]]), arr([2], "float32")),
                 (arr([4, 6], "int64", then=[["index", [["s", None, None, -1], ["s", None, None, 2]]]]), None),
                 (arr([3, 4], "float64", then=[["T"]]), arr([4, 3], "float64")), (arr([4, 3], "float64"), arr([3, 4], "float64", then=[["T"]]))]:
        ins = [A] + ([B] if B else [])
        rhs = {"array": 1} if B else {"int": 1}
        cases.append(run("binary", (lambda a, b: a + b) if B else (lambda a: a + 1), ins, {"op": "add", "lhs": {"array": 0}, "rhs": rhs}))
    return cases


def unary_cases():
    cases = []
    rng = np.random.default_rng(11)
    fns = {"exp": np.exp, "tanh": np.tanh, "sigmoid": lambda x: 1 / (1 + np.exp(-x)), "negative": np.negative}
    specials = [0.0, -0.0, 1.0, -1.0, 88.7, 88.8, -103.9, -104.0, 709.7, 710.0, -745.2, -746.0, 20.0, -20.0, 9.0, 1e-8, -1e-30,
                float("inf"), float("-inf"), float("nan"), 0.5, 3.0, 40.0, -40.0]
    for name, f in fns.items():
        for dt in ["float32", "float64"]:
            cases.append(run("unary", f, [arr([len(specials)], dt, values=specials)], {"op": name}))
            for lo, hi in [(-100, 100), (-10, 10), (-1, 1), (-0.01, 0.01)]:
                a = rng.uniform(lo, hi, 400).astype(dt)
                cases.append(run("unary", f, [arr([400], dt, values=list(a))], {"op": name}))
        for dt in ["int32", "int64"]:
            cases.append(run("unary", f, [arr([6], dt, values=[0, 1, -1, 5, -5, 30] if dt == "int32" else [0, 2, -3, 700, -800, -2**63])], {"op": name}))
        cases.append(run("unary", f, [arr([2, 3], "float32", then=[["T"]])], {"op": name}))
    cases.append(run("unary", np.negative, [arr([4], "uint8", values=[0, 1, 128, 255])], {"op": "negative"}))
    cases.append(run("unary", np.negative, [arr([2], "bool", values=[True, False])], {"op": "negative"}))
    cases.append(run("unary", lambda x: 1 / (1 + np.exp(-x)), [arr([2], "bool", values=[True, False])], {"op": "sigmoid"}))
    for shape, axis in [([4, 10], -1), ([4, 10], 0), ([3, 4, 5], 1), ([3, 4, 5], None), ([200], -1), ([2, 3], -1)]:
        for dt in ["float32", "float64"]:
            x = rng.normal(0, 5, shape).astype(dt)
            def sm(a, axis=axis):
                m = np.max(a, axis=axis, keepdims=True)
                e = np.exp(a - m)
                return e / np.sum(e, axis=axis, keepdims=True)
            cases.append(run("softmax", sm, [arr(shape, dt, values=list(x.ravel()))], {"axis": axis}))
    x = np.array([1000.0, 1001.0, -1000.0, float("inf")])
    cases.append(run("softmax", lambda a: np.exp(a - a.max(-1, keepdims=True)) / np.exp(a - a.max(-1, keepdims=True)).sum(-1, keepdims=True),
                     [arr([4], "float64", values=list(x))], {"axis": -1}))
    cases.append(run("softmax", lambda a: np.exp(a - a.max(-1, keepdims=True)) / np.exp(a - a.max(-1, keepdims=True)).sum(-1, keepdims=True),
                     [arr([3], "int32", values=[1, 2, 3])], {"axis": -1}))
    cases.append(run("softmax", lambda a: np.max(a, axis=3), [arr([2, 3], "float32")], {"axis": 3}))
    return cases


def reduction_cases():
    cases = []
    rng = np.random.default_rng(3)

    def red(name, axis, keepdims):
        def f(a):
            ax = tuple(axis) if isinstance(axis, list) else axis
            if name in ("argmax", "argmin"):
                r = getattr(np, name)(a, axis=ax, keepdims=keepdims)
            else:
                r = getattr(np, {"max": "max", "min": "min"}.get(name, name))(a, axis=ax, keepdims=keepdims)
            return np.asarray(r)
        return f

    layouts = [
        ("C", lambda s, dt: arr(s, dt, values=list(rand(s, dt, rng)["data"]))),
    ]
    for dt in DTYPES:
        # Large float shapes exercise numpy's pairwise summation and memory-order walk; the
        # integer dtypes (exact sums) only need small ones.
        shapes = [[6, 17, 140], [5, 300], [3000], [129], [2, 3], [1, 5, 1], [0, 3], [4, 0]] if dt.startswith("float") \
            else [[3, 5, 4], [5, 30], [300], [2, 3], [1, 5, 1], [0, 3], [4, 0]]
        for shape in shapes:
            base = rand(shape, dt, rng, -1000, 1000) if dt.startswith("float") else rand(shape, dt, rng)
            views = [base]
            if len(shape) >= 2 and 0 not in shape:
                t = dict(base); t["then"] = [["T"]]; views.append(t)
                s = dict(base); s["then"] = [["index", [["s", None, None, -1]] + [["s", None, None, 2]] * (len(shape) - 1)]]; views.append(s)
            if len(shape) == 1 and shape[0] > 1:
                s = dict(base); s["then"] = [["index", [["s", None, None, -2]]]]; views.append(s)
            axes = [None, 0, -1, 1, [0, 2], [0, 1], 2]
            for v in views:
                nd = len(shape)
                for axis in axes:
                    if isinstance(axis, int) and axis >= nd or isinstance(axis, list) and max(axis) >= nd:
                        continue
                    big = int(np.prod(shape)) > 1000
                    for name in ["sum", "mean", "max", "min", "argmax", "argmin"]:
                        if big and name in ("min", "argmin"):
                            continue
                        if isinstance(axis, list) and name.startswith("arg"):
                            continue
                        for kd in [False, True]:
                            if kd and axis not in (None, 0, [0, 2]):
                                continue
                            cases.append(run("reduce", red(name, axis, kd), [v], {"op": name, "axis": axis, "keepdims": kd}))
    specials = arr([6], "float64", values=[1.0, float("nan"), 3.0, float("nan"), -0.0, 0.0])
    for name in ["sum", "mean", "max", "min", "argmax", "argmin"]:
        cases.append(run("reduce", red(name, None, False), [specials], {"op": name, "axis": None, "keepdims": False}))
        for sp in [arr([2], "float64", values=[-0.0, 0.0]), arr([2], "float64", values=[0.0, -0.0]), arr([1], "float64", values=[-0.0]),
                   arr([3], "float32", values=[float("nan"), 1.0, 2.0]), arr([0], "float64"), arr([], "int32", values=[5])]:
            cases.append(run("reduce", red(name, None, False), [sp], {"op": name, "axis": None, "keepdims": False}))
        for axis in [0, -1, 1, 2, -3, [0, 0]]:
            if isinstance(axis, list) and name.startswith("arg"):
                continue
            cases.append(run("reduce", red(name, axis, False), [arr([2, 3])], {"op": name, "axis": axis, "keepdims": False}))
            cases.append(run("reduce", red(name, axis, False), [arr([], values=[5])], {"op": name, "axis": axis, "keepdims": False}))
    return cases


def matmul_cases():
    cases = []
    rng = np.random.default_rng(5)
    shapes = [([2, 3], [3, 4]), ([3], [3, 4]), ([2, 3], [3]), ([3], [3]), ([5, 2, 3], [3, 4]), ([5, 2, 3], [5, 3, 4]),
              ([5, 1, 2, 3], [4, 3, 2]), ([3], [4, 3, 2]), ([5, 2, 3], [3]), ([0, 3], [3, 4]), ([2, 0], [0, 4]),
              ([2, 3], [2, 3]), ([156], [128, 3]), ([3], [2]), ([], [3]), ([3], []), ([5, 2, 3], [4, 3, 2]),
              ([2, 5, 2, 3], [3, 3, 2]), ([4], [5, 2, 3]), ([2, 4], [5, 2, 3]), ([16, 156], [156, 40]), ([8, 300], [300, 10])]
    for sa, sb in shapes:
        for da, db in [("float32", "float32"), ("float64", "float64"), ("int64", "int64"), ("int32", "float32"), ("bool", "bool"),
                       ("uint8", "int32"), ("uint8", "uint8"), ("float32", "float64")]:
            if (np.prod(sa) > 1000 or np.prod(sb) > 1000) and da != "float32":
                continue
            A = rand(sa, da, rng)
            B = rand(sb, db, rng)
            c = run("matmul", lambda a, b: np.matmul(a, b), [A, B], {})
            if "out" in c and c["out"]["dtype"].startswith("float"):
                a, b = dec_array(A), dec_array(B)
                bound = np.matmul(np.abs(a).astype(np.float64), np.abs(b).astype(np.float64))
                k = sa[-1] if sa else 1
                eps = np.finfo(c["out"]["dtype"]).eps
                c["bound"] = [repr(float(x)) for x in np.ravel(bound * (k + 2) * eps)]
            cases.append(c)
    for A, B in [(arr([3, 2], "float64", then=[["T"]]), arr([3, 4], "float64")), (arr([3, 2], "float32", then=[["T"]]), arr([4, 3], "float32", then=[["T"]]))]:
        c = run("matmul", lambda a, b: np.matmul(a, b), [A, B], {})
        c["bound"] = ["1e-12"] * len(c["out"]["data"])
        cases.append(c)
    return cases


# ---------------------------------------------------------------- memory error wording

def limits_cases():
    from numpy._core._exceptions import _ArrayMemoryError  # the oracle for the size text
    sizes = [0, 1, 1000, 1023, 1024, 1025, 1536, 10 * 1024 - 1, 1024 * 1000, 1024 * 1023, 1024 * 1024 - 1,
             4 << 30, int(7.45 * 2**30), 100 * 2**30, 999 * 2**30, 1000 * 2**30, 1023 * 2**20, 1023 * 2**20 + 2**19,
             5 << 60, 2**63 - 1, 123456789, 987654321987]
    cases = []
    for b in sizes:
        cases.append({"op": "size_string", "in": [], "args": {"bytes": b}, "text": _ArrayMemoryError._size_to_string(b)})
    for shape, dt in [((1000000000,), "float64"), ((1000000000, 2), "float32"), ((3, 5, 7, 2**30), "uint8")]:
        msg = str(_ArrayMemoryError(shape, np.dtype(dt)))
        cases.append({"op": "memory_error", "in": [], "args": {"shape": list(shape), "dtype": dt}, "text": msg})
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    write("creation.json", creation_cases())
    write("shape_ops.json", shape_cases())
    write("indexing.json", index_cases())
    write("cast.json", cast_cases())
    write("binary.json", binary_cases())
    write("unary.json", unary_cases())
    write("reductions.json", reduction_cases())
    write("matmul.json", matmul_cases())
    write("limits.json", limits_cases())


if __name__ == "__main__":
    main()
