#!/usr/bin/env python3
"""Make Tests/PrintingTests/Fixtures/print_examples.json: numpy's own str/repr of

  1. every `>>>` example in the numpy printing spec (../shared/numpy-print/SPEC.md), each
     re-checked against the output written in the spec, and
  2. our own edge cases (below), and
  3. numpy scalar str/repr of edge and random values of every dtype.

Usage:  python3 scripts/gen_print_examples.py [--spec PATH] [--out PATH]

Arrays are stored exactly: floats as hex bit patterns (keeps -0.0 and nan), integers as
decimal strings, bools as 0/1, all in C order.  Requires numpy 2.4 with default print options.
"""
import argparse
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# ---------------------------------------------------------------------------------------------
# Our own edge cases: (name, python expression evaluated with `np` in scope).
# ---------------------------------------------------------------------------------------------
EDGE_CASES = [
    # 0-d of every dtype
    ("0d int64 min", "np.array(np.iinfo(np.int64).min)"),
    ("0d int64 max", "np.array(np.iinfo(np.int64).max)"),
    ("0d int32 min", "np.array(np.iinfo(np.int32).min, dtype=np.int32)"),
    ("0d uint8 0", "np.array(0, dtype=np.uint8)"),
    ("0d uint8 255", "np.array(255, dtype=np.uint8)"),
    ("0d False", "np.array(False)"),
    ("0d f64 -inf", "np.array(-np.inf)"),
    ("0d f32 inf", "np.array(np.inf, dtype=np.float32)"),
    ("0d f64 5e-324", "np.array(5e-324)"),
    ("0d f64 max", "np.array(1.7976931348623157e308)"),
    ("0d f32 max", "np.array(3.4028235e38, dtype=np.float32)"),
    ("0d f32 tiny", "np.array(1e-45, dtype=np.float32)"),
    ("0d f32 999999.94", "np.array(999999.94, dtype=np.float32)"),
    ("0d f32 1e6", "np.array(1e6, dtype=np.float32)"),
    ("0d f64 9999999999999998", "np.array(9999999999999998.0)"),
    ("0d f64 0.0001", "np.array(0.0001)"),
    ("0d f64 prev 0.0001", "np.array(np.nextafter(0.0001, 0))"),
    ("0d f32 -0", "np.array(-0.0, dtype=np.float32)"),
    ("0d f64 123456789.123", "np.array(123456789.123)"),
    ("0d f32 pi", "np.array(np.pi, dtype=np.float32)"),
    ("0d f64 1e-100", "np.array(-1e-100)"),
    # rank 1 wrap boundaries: str wraps when a line would pass 74, repr 73
    ("wrap str 25x2", "np.arange(100, 125)"),
    ("wrap str 24", "np.arange(24) + 10"),
    ("wrap str 25", "np.arange(25) + 10"),
    ("wrap str 26", "np.arange(26) + 10"),
    ("wrap repr int8-ish", "np.arange(17, 35)"),
    ("wrap repr 18", "np.arange(18) + 10"),
    ("wrap repr 19", "np.arange(19) + 10"),
    ("wrap float32 tail", "np.linspace(0, 1, 11).astype(np.float32)"),
    ("wrap bool", "np.array([True, False] * 20)"),
    ("all True long", "np.ones(30, dtype=bool)"),
    ("wide ints wrap", "np.array([np.iinfo(np.int64).min, np.iinfo(np.int64).max] * 4)"),
    # tail spill
    ("tail spill int32 2d", "np.arange(26, dtype=np.int32).reshape(2, 13)"),
    ("tail spill float32", "np.arange(8, dtype=np.float32) / 3"),
    ("tail fits uint8", "np.arange(16, dtype=np.uint8)"),
    ("tail spill uint8", "np.arange(17, dtype=np.uint8)"),
    ("tail summarized float32", "np.arange(3000, dtype=np.float32).reshape(3, 1000) / 7"),
    # ranks
    ("rank 5", "np.arange(16).reshape(2, 1, 2, 2, 2)"),
    ("rank 5 f32", "(np.arange(24, dtype=np.float32).reshape(1, 2, 3, 2, 2) - 10) / 4"),
    ("rank 3 singleton", "np.arange(3).reshape(3, 1, 1)"),
    ("rank 2 column", "np.arange(5.0).reshape(5, 1) * 1e-5"),
    ("rank 4 wrapped", "np.arange(2 * 1 * 2 * 20).reshape(2, 1, 2, 20) * 1001"),
    # summarization
    ("summ 1001", "np.arange(1001)"),
    ("summ 1000 not", "np.arange(1000).reshape(10, 100)"),
    ("summ 10x10x10 not", "np.arange(1000).reshape(10, 10, 10)"),
    ("summ 10x10x11", "np.arange(1100).reshape(10, 10, 11)"),
    ("summ short axes", "np.arange(2 * 2 * 300, dtype=np.int32).reshape(2, 2, 300)"),
    ("summ 4d", "np.arange(7 * 7 * 7 * 7).reshape(7, 7, 7, 7) % 13"),
    ("summ mnist-like", "(np.arange(8 * 28 * 28, dtype=np.float32).reshape(8, 28, 28) % 255) / 255"),
    ("summ hidden extremes", "np.concatenate([np.ones(3), np.full(1000, 1e-9), np.array([-1e12, 2.0, 3.0])])"),
    ("summ bool", "(np.arange(2000) % 3 == 0).reshape(40, 50)"),
    ("summ column f64", "np.arange(1200.0).reshape(1200, 1) / 8"),
    ("summ nan inf", "np.where(np.arange(1500) % 2 == 0, np.nan, -np.inf)"),
    ("summ uint8 3d", "(np.arange(12 * 12 * 12) % 256).astype(np.uint8).reshape(12, 12, 12)"),
    # float notation edges
    ("f32 ratio 1000 exact", "np.array([1.0, 1000.0], dtype=np.float32)"),
    ("f32 ratio just over", "np.array([1.0, 1000.0001], dtype=np.float32)"),
    ("f64 ratio just over", "np.array([1.0, 1000.0000000001])"),
    ("f32 just under 1e6", "np.array([999999.9, 1.0], dtype=np.float32)"),
    ("f64 just under 1e8", "np.array([99999999.99999999, 1e5])"),
    ("f64 1e-4 exactly", "np.array([1e-4, 0.1])"),
    ("f64 below 1e-4", "np.array([np.nextafter(1e-4, 0), 0.1])"),
    ("f32 f32(1e-4)", "np.array([np.float32(1e-4)], dtype=np.float32)"),
    ("f32 below f32(1e-4)", "np.array([np.nextafter(np.float32(1e-4), np.float32(0))], dtype=np.float32)"),
    ("f32 ratio overflow", "np.array([3e38, 1e-38], dtype=np.float32)"),
    ("f32 subnormals", "np.array([1e-45, 1e-40, -1e-39], dtype=np.float32)"),
    ("f64 subnormals", "np.array([5e-324, 1e-310, -2.5e-320])"),
    ("sci all neg", "np.array([-1e-5, -2e-7])"),
    ("sci nan padding", "np.array([np.nan, 1.123456e-7, -np.inf, 2.5e10])"),
    ("sci 3 digit exp nan", "np.array([np.inf, 1e-200, 3.0])"),
    ("sci zeros", "np.array([0.0, -0.0, 1e-9, 1e9])"),
    ("sci carry", "np.array([9.99999999999e-5, 9.999999999e10])"),
    ("sci f32 exact digits", "np.array([0.1, 1e-5, 3.3333333e-3], dtype=np.float32)"),
    ("sci P0", "np.array([1e-5, 1e10, 2e20])"),
    ("pos ties", "np.array([0.123456785, 0.123456775, 2.5e-1]) "),
    ("pos dyadic ties", "np.arange(-6, 7) / 512"),
    ("pos dyadic ties f32", "(np.arange(-6, 7) / 512).astype(np.float32)"),
    ("pos negative zero only", "np.array([-0.0, -0.0])"),
    ("pos neg zero f32", "np.array([-0.0, 0.5], dtype=np.float32)"),
    ("pos big ints", "np.array([12345678.0, -87654321.0])"),
    ("pos f32 big", "np.array([999999.94, -123456.7], dtype=np.float32)"),
    ("nonfinite only", "np.array([np.inf, -np.inf, np.nan])"),
    ("inf only", "np.array([np.inf, np.inf])"),
    ("-inf only 2d", "np.full((2, 2), -np.inf, dtype=np.float32)"),
    ("neg nan", "-np.array([np.nan, 1.0])"),
    ("nan positional wide", "np.array([np.nan, 123.456, -7.0])"),
    ("-inf with sci", "np.array([-np.inf, 1e-5])"),
    ("lstm-ish f32", "np.tanh(np.linspace(-3, 3, 20, dtype=np.float32)).reshape(4, 5)"),
    ("sigmoid f32", "(1 / (1 + np.exp(-np.linspace(-8, 8, 30, dtype=np.float32)))).astype(np.float32)"),
    ("softmax f64", "np.exp(np.arange(10.0)) / np.exp(np.arange(10.0)).sum()"),
    ("int negative widths", "np.array([[-1, 200], [3, -4000]], dtype=np.int32)"),
    ("uint8 2d", "np.arange(36, dtype=np.uint8).reshape(6, 6) * 7"),
    # empties
    ("empty f32", "np.zeros((0,), dtype=np.float32)"),
    ("empty bool 1d", "np.zeros((0,), dtype=bool)"),
    ("empty int64 (0,)", "np.zeros((0,), dtype=np.int64)"),
    ("empty 0x0", "np.zeros((0, 0))"),
    ("empty 1x0x2", "np.zeros((1, 0, 2), dtype=np.float32)"),
    ("empty 3x0", "np.zeros((3, 0))"),
    # views: the Swift test rebuilds these from "view base" with strides and an offset
    ("view base", "np.arange(24.0).reshape(4, 6) / 7"),
    ("view transposed", "(np.arange(24.0).reshape(4, 6) / 7).T"),
    ("view stepped", "(np.arange(24.0).reshape(4, 6) / 7)[1::2, ::-2]"),
    # lists and tuples
    ("list empty", "[]"),
    ("list single 0d", "[np.array(7, dtype=np.int32)]"),
    ("list mixed", "[np.array([1.5, np.nan]), np.array([[True]]), np.zeros((0, 2), dtype=np.uint8)]"),
    ("list split f32 2d", "np.split(np.arange(24, dtype=np.float32).reshape(4, 6) / 3, 2)"),
    ("list array_split", "np.array_split(np.arange(10), 3)"),
    ("list hsplit", "np.hsplit(np.arange(12).reshape(2, 6), 3)"),
    ("list summarized", "[np.arange(1200).reshape(2, 600), np.arange(3)]"),
    ("tuple empty", "()"),
    ("tuple one", "(np.arange(3.0),)"),
    ("tuple two", "(np.arange(3, dtype=np.int32), np.array(True))"),
]

SCALAR_EDGES = {
    "float64": [0.0, -0.0, 1.0, -1.5, 0.1, 0.30000000000000004, 1e-4, 9.999999999999999e-05,
                1e16, 9999999999999998.0, 1e15, 123456789.0, 5e-324, 1.7976931348623157e308,
                1e-5, 1.5e-5, 1e100, 1e-100, float("nan"), float("inf"), float("-inf"),
                2.0 ** 53, 2.0 ** 60, 1e22, 1e21, 0.5, 3.141592653589793],
    "float32": [0.0, -0.0, 1.0, 0.1, 1e-4, 1e-5, 1e6, 999999.94, 1234567.0, 3.4028235e38, 1e-45,
                1.17549435e-38, 16777216.0, 0.7615942, float("nan"), float("-inf"), 0.5, 2.5e-5],
    "int64": [0, -1, 3, 2 ** 63 - 1, -2 ** 63],
    "int32": [0, -5, 2 ** 31 - 1, -2 ** 31],
    "uint8": [0, 200, 255],
    "bool": [True, False],
}


def encode(a):
    a = np.ascontiguousarray(a) if a.ndim else a
    flat = a.reshape(-1)
    if a.dtype == np.float64:
        data = [f"{int(b):016x}" for b in flat.view(np.uint64)]
    elif a.dtype == np.float32:
        data = [f"{int(b):08x}" for b in flat.view(np.uint32)]
    elif a.dtype == np.bool_:
        data = ["1" if x else "0" for x in flat.tolist()]
    else:
        data = [str(int(x)) for x in flat.tolist()]
    return {"dtype": str(a.dtype), "shape": list(a.shape), "data": data}


def case_for(name, value):
    if isinstance(value, np.ndarray):
        return {"name": name, "kind": "array", "arrays": [encode(value)],
                "str": str(value), "repr": repr(value)}
    if isinstance(value, (list, tuple)) and all(isinstance(x, np.ndarray) for x in value):
        return {"name": name, "kind": "list" if isinstance(value, list) else "tuple",
                "arrays": [encode(x) for x in value], "str": str(value), "repr": repr(value)}
    return None


def spec_cases(spec_path):
    """Every `>>>` statement of SPEC.md whose value (or printed value) is an array or a list
    or tuple of arrays; the spec's own expected text is checked against numpy."""
    lines = open(spec_path, encoding="utf-8").read().split("\n")
    cases, i, block = [], 0, 0
    while i < len(lines):
        if not lines[i].startswith("```"):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not lines[j].startswith("```"):
            j += 1
        body = lines[i + 1:j]
        i = j + 1
        if not body or not body[0].startswith(">>> "):
            continue
        block += 1
        ns = {"np": np}
        k = 0
        while k < len(body):
            stmt = body[k][4:]
            k += 1
            expected = []
            while k < len(body) and not body[k].startswith(">>> "):
                expected.append(body[k])
                k += 1
            expected = "\n".join(expected)
            printed = stmt.startswith("print(") and stmt.endswith(")")
            try:
                value = eval(stmt[6:-1] if printed else stmt, ns)
            except SyntaxError:
                exec(stmt, ns)
                continue
            text = str(value) if printed else repr(value)
            if text != expected:
                sys.exit(f"SPEC example differs from numpy {np.__version__}: {stmt}\n{expected}\n---\n{text}")
            c = case_for(f"spec block {block}: {stmt}", value)
            if c is None:
                sys.exit(f"unhandled example value: {stmt}")
            c["checked"] = "str" if printed else "repr"
            cases.append(c)
    return cases


def scalar_cases(seed=20261129):
    rng = np.random.default_rng(seed)
    values = {k: list(v) for k, v in SCALAR_EDGES.items()}
    values["float64"] += list(rng.integers(0, 2 ** 63, size=300, dtype=np.uint64).view(np.float64))
    values["float64"] += list(rng.standard_normal(100) * 10.0 ** rng.integers(-8, 20, size=100))
    values["float32"] += list(rng.integers(0, 2 ** 32, size=300, dtype=np.uint64).astype(np.uint32).view(np.float32))
    values["float32"] += list((rng.standard_normal(100) * 10.0 ** rng.integers(-6, 9, size=100)).astype(np.float32))
    out = []
    for dt, vals in values.items():
        for v in vals:
            s = np.array(v).astype(dt)[()] if dt != "bool" else np.bool_(v)
            enc = encode(np.array(s, dtype=dt))
            out.append({"dtype": dt, "value": enc["data"][0], "str": str(s), "repr": repr(s)})
    return out


def digit_cases(seed=424242):
    """1-element and 2-element arrays of random values: exercises CAP and ROUND digits."""
    rng = np.random.default_rng(seed)
    out = []
    for dt in ("float64", "float32"):
        ubits = np.uint64 if dt == "float64" else np.uint32
        nbits = 64 if dt == "float64" else 32
        raw = rng.integers(0, 2 ** (nbits - 1), size=200, dtype=np.uint64).astype(ubits).view(dt)
        scaled = (rng.random(200) * 10.0 ** rng.integers(-5, 9, size=200)).astype(dt)
        for idx, v in enumerate(list(raw) + list(scaled)):
            out.append(case_for(f"digits {dt} {idx}", np.array([v], dtype=dt)))
        for idx in range(100):
            pair = np.array([scaled[idx], scaled[-idx - 1] * rng.choice([1, -1])], dtype=dt)
            out.append(case_for(f"digits pair {dt} {idx}", pair))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--spec", default=os.path.join(ROOT, "..", "..", "shared", "numpy-print", "SPEC.md"))
    ap.add_argument("--out", default=os.path.join(ROOT, "Tests", "PrintingTests", "Fixtures", "print_examples.json"))
    args = ap.parse_args()
    if not os.path.exists(args.spec):
        args.spec = "/work/shared/numpy-print/SPEC.md"
    opts = np.get_printoptions()
    assert opts["threshold"] == 1000 and opts["linewidth"] == 75 and opts["floatmode"] == "maxprec"

    cases = spec_cases(args.spec)
    nspec = len(cases)
    for name, expr in EDGE_CASES:
        c = case_for(name, eval(expr, {"np": np}))
        assert c is not None, name
        cases.append(c)
    cases += digit_cases()
    fixture = {"numpy": np.__version__, "generator": "scripts/gen_print_examples.py",
               "cases": cases, "scalars": scalar_cases()}
    with open(args.out, "w", encoding="utf-8") as fh:
        json.dump(fixture, fh, indent=0)
        fh.write("\n")
    print(f"{nspec} spec examples, {len(cases) - nspec} own cases, "
          f"{len(fixture['scalars'])} scalars -> {args.out}")


if __name__ == "__main__":
    main()
