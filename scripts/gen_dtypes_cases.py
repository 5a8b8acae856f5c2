#!/usr/bin/env python3
"""Write Tests/ShellTests/Fixtures/differential/dtypes-gen.py: seeded differential cases for the
dtypes float16, int8, int16, uint16, uint32 and uint64 next to the older six.

Families of cases (all built from literal values, so rnnsh and numpy start from the same bits):
- promotion: `a OP b` for every pair of dtypes (NEP 50 `promote_types`), printed with repr so the
  result dtype shows;
- Python scalars: an array of each dtype with a Python int (in and out of the dtype's range) or a
  Python float (NEP 50's weak scalars, OverflowError for ints out of bounds);
- wraparound: integer arithmetic that overflows the dtype;
- astype: every dtype to every dtype, with negative, fractional and out-of-range values;
- printing: str and repr of random arrays of each dtype (float16's shortest digits);
- reductions: sum, mean, max, min and their result dtypes.
Run scripts/differential.py on the written file afterwards to record numpy's answers.

    python3 scripts/gen_dtypes_cases.py [--seed 2024]
"""
import argparse
import os
import random

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "ShellTests", "Fixtures", "differential", "dtypes-gen.py")

ALL = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
       "float16", "float32", "float64"]
NEW = ["int8", "int16", "uint16", "uint32", "uint64", "float16"]


def values(rng, dtype, n, small=False):
    """n literal values that fit `dtype` (small: 0..9, so every dtype can hold them)."""
    out = []
    for _ in range(n):
        if dtype == "bool":
            out.append(rng.choice(["True", "False"]))
        elif small:
            out.append(str(rng.randint(0, 9)))
        elif dtype.startswith("float"):
            k = rng.random()
            if k < 0.3:
                v = float(rng.randint(-20, 20))
            elif k < 0.7:
                v = round(rng.uniform(-10, 10), rng.randint(0, 3))
            else:
                v = rng.uniform(-1, 1) * 10 ** rng.randint(-3, 4 if dtype == "float16" else 8)
            if dtype == "float16":
                v = float(np.float16(v))
            elif dtype == "float32":
                v = float(np.float32(v))
            out.append(repr(v))
        else:
            info = np.iinfo(dtype)
            # rnnsh's integer literals are 64-bit signed (Python's big ints are not there yet), so
            # uint64 values above 2**63 - 1 are reached by arithmetic (`wrap-uint64-*`) instead.
            lo, hi = int(info.min), min(int(info.max), 2**63 - 1)
            k = rng.random()
            if k < 0.2:
                out.append(str(rng.choice([lo, hi])))
            elif k < 0.6:
                out.append(str(rng.randint(max(lo, -100), min(hi, 100))))
            else:
                out.append(str(rng.randint(lo, hi)))
    return out


def arr(rng, dtype, n, small=False):
    return f"np.array([{', '.join(values(rng, dtype, n, small))}], dtype=np.{dtype})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=2024)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    cases = []

    # Promotion between every pair, with values every dtype holds.
    for i, a in enumerate(ALL):
        for b in ALL[i:]:
            if a == "bool" and b == "bool":
                continue
            op = rng.choice(["+", "*", "+", "-"] if "bool" not in (a, b) else ["+", "*"])
            cases.append((f"promote-{a}-{b}",
                          f"a = {arr(rng, a, 3, small=True)}\nb = {arr(rng, b, 3, small=True)}\n"
                          f"print(repr(a {op} b))\nprint((a {op} b).dtype, np.promote_types(a.dtype, b.dtype))\n"))
    # Python scalars (weak) with arrays of the new dtypes.
    for d in NEW:
        for k in range(8):
            scalar = rng.choice(["1", "7", "-3", "300", "70000", "5000000000", "2.5", "-0.5", "True", "1e5"])
            op = rng.choice(["+", "*", "-", "==", "<", ">="])
            cases.append((f"weak-{d}-{k}", f"a = {arr(rng, d, 4)}\nprint(repr(a {op} {scalar}))\n"))
    # Wraparound of integer arithmetic.
    for d in [x for x in NEW if not x.startswith("float")] + ["uint8", "int32"]:
        info = np.iinfo(d)
        if d == "uint64":
            make = "a = np.array([0, 0], dtype=np.uint64) - np.array([1, 0], dtype=np.uint64)"
            half = "a = np.array([2**62, 3], dtype=np.uint64) * np.array([2, 1], dtype=np.uint64)"
        else:
            make = f"a = np.array([{info.max}, {info.min}], dtype=np.{d})"
            half = f"a = np.array([{info.max // 2 + 1}, 3], dtype=np.{d})"
        cases.append((f"wrap-{d}-add", f"{make}\nprint(a + a)\nprint(a + 1)\nprint(a - 1)\nprint(repr(a), a.max(), a.sum())\n"))
        cases.append((f"wrap-{d}-mul", f"{half}\nprint(a * a)\nprint(-a)\nprint(repr(a.astype(np.float64)), repr(a.astype(np.int64)), repr(a.astype(np.float16)))\n"))
    # astype between every pair.
    for s in ALL:
        for t in ALL:
            if s == t:
                continue
            if s == "bool":
                src = arr(rng, s, 4)
            elif s.startswith("float"):
                vals = values(rng, s, 3) + [rng.choice(["-1.5", "300.7", "-40000.2", "0.5"])]
                if s == "float16":
                    vals = [repr(float(np.float16(float(v)))) for v in vals]
                src = f"np.array([{', '.join(vals)}], dtype=np.{s})"
            else:
                src = arr(rng, s, 4)
            cases.append((f"astype-{s}-{t}", f"a = {src}\nprint(repr(a.astype(np.{t})))\n"))
    # Printing of each new dtype.
    for d in NEW:
        for k in range(12):
            n = rng.choice([1, 3, 5, 8])
            form = rng.choice(["print(a)", "print(repr(a))", "print(repr(a.reshape(-1, 1)))", "print(a[0], repr(a[0]))"])
            cases.append((f"print-{d}-{k}", f"a = {arr(rng, d, n)}\n{form}\n"))
    # Reductions.
    for d in NEW:
        for fn in ["sum", "mean", "max", "min"]:
            cases.append((f"reduce-{d}-{fn}", f"a = {arr(rng, d, 6, small=d.startswith('u'))}.reshape(2, 3)\n"
                          f"print(repr(a.{fn}()))\nprint(repr(a.{fn}(axis=0)))\n"))

    with open(OUT, "w") as f:
        f.write("# Generated by scripts/gen_dtypes_cases.py — do not edit; rerun the script.\n")
        for name, src in cases:
            f.write(f"#--- {name}\n{src}")
    print(f"{len(cases)} cases -> {OUT}")


if __name__ == "__main__":
    main()
