#!/usr/bin/env python3
"""Write Tests/TensorTests/Fixtures/float32_math.json: numpy's own float32 exp, log, tanh, sin
and cos, and its float64 tanh, over ranges of inputs, as one 64-bit digest of the result bits
per range (nan canonicalised to its sign bit | the quiet-nan pattern), so the test needs no
numpy and the fixture stays small.

float32 ranges (bit patterns, start/count/step): every 997th pattern of all 2^32, the
subnormals, and dense neighbourhoods of each function's thresholds (exp's overflow and
underflow, 1.0 for log, the interval edges of tanh, sin/cos's reduction limits, multiples of
pi/4). float64 tanh: 2^20 patterns spread over all 2^64 (every exponent), and dense runs at its
interval edges and saturation.
Run on the machine the tests run on (numpy dispatches by CPU; see docs/float32-math.md):

    python3 scripts/gen_float32_math_fixture.py
"""
import json
import os

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "TensorTests", "Fixtures", "float32_math.json")


def bits_of(x):
    return np.float32(x).view(np.uint32).item()


def ranges(fn):
    yield "all patterns, step 997", 0, 2**32 // 997 + 1, 997
    yield "positive subnormals, step 3", 1, (2**23 - 1) // 3, 3
    yield "negative subnormals, step 5", 0x80000001, (2**23 - 1) // 5, 5
    for name, value in [("exp overflow 88.7228", 88.72283935546875), ("exp underflow -103.972", -103.97208404541015625),
                        ("exp subnormal edge -87.34", -87.33654), ("log near 1", 1.0), ("log near sqrt(1/2)", 0.70710677),
                        ("exp near 0", 1e-8), ("ln2 multiples 0.6931", 0.6931472), ("large 1e4", 1e4)] + EDGES.get(fn, []):
        b = bits_of(value)
        yield name + ", 200001 around", b - 100000, 200001, 1
        yield "-(" + name + "), 20001 around", (b ^ 0x80000000) - 10000, 20001, 1


# Each function's own edges (float32 values around which 200,001 consecutive patterns are run).
EDGES = {
    "tanh": [("tanh first interval 0.0586", 0.05859375), ("tanh interval 0.3125", 0.3125), ("tanh interval 2.5", 2.5),
             ("tanh last interval 9.0", 9.0), ("tanh saturation 1.7e38", 1.7014118e38), ("tanh 1e-20", 1e-20)],
    "sin": [("sin reduction limit 117435.992", 117435.992), ("pi/4", 0.78539819), ("pi", 3.1415927),
            ("3pi/2", 4.712389), ("100pi", 314.15927), ("1e5", 1e5)],
    "cos": [("cos reduction limit 71476.0625", 71476.0625), ("pi/4", 0.78539819), ("pi/2", 1.5707964),
            ("3pi/2", 4.712389), ("100pi", 314.15927), ("1e5", 1e5)],
}


def ranges64():
    """float64 bit-pattern ranges for tanh: spread over all patterns, then dense runs."""
    yield "all patterns, 2^20 spread", 0x0123456789ABCDEF, 2**20, 0x00000FFFFFFFFFFF
    for name, value in [("first interval 0.125", 0.125), ("interval 0.25", 0.25), ("interval 1.0", 1.0),
                        ("interval 2.0", 2.0), ("interval 10.0", 10.0), ("last interval 19.0", 19.0625),
                        ("near 0.5", 0.5), ("1e-10", 1e-10), ("saturation 8.9e307", 8.98846567431158e307)]:
        b = np.float64(value).view(np.uint64).item()
        yield name + ", 100001 around", b - 50000, 100001, 1
        yield "-(" + name + "), 20001 around", (b ^ 2**63) - 10000, 20001, 1


def digest64(bits):
    """float64 results: Σ splitmix64-finaliser(bits + i·0x9E3779B97F4A7C15) mod 2^64."""
    i = np.arange(len(bits), dtype=np.uint64)
    with np.errstate(over="ignore"):
        z = bits.astype(np.uint64) + i * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
        return int(z.sum(dtype=np.uint64))


def digest(bits):
    """Sum over i of splitmix64's finaliser of (result bits << 32 | i), modulo 2^64: every result
    and its position count, and it vectorises (the Swift test computes the same)."""
    i = np.arange(len(bits), dtype=np.uint64)
    z = (bits.astype(np.uint64) << np.uint64(32)) | (i & np.uint64(0xFFFFFFFF))
    with np.errstate(over="ignore"):
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
        return int(z.sum(dtype=np.uint64))


def main():
    cases = []
    total = 0
    for fn in ("exp", "log", "tanh", "sin", "cos"):
        for name, start, count, step in ranges(fn):
            pats = (np.uint64(start) + np.arange(count, dtype=np.uint64) * np.uint64(step)) & np.uint64(0xFFFFFFFF)
            x = pats.astype(np.uint32).view(np.float32)
            with np.errstate(all="ignore"):
                y = getattr(np, fn)(x)
            b = y.view(np.uint32).copy()
            nan = np.isnan(y)
            b[nan] = (b[nan] & np.uint32(0x80000000)) | np.uint32(0x7fc00000)
            cases.append({"function": fn, "range": name, "start": int(start), "count": int(count), "step": int(step),
                          "digest": format(digest(b), "016x")})
            total += count
    for name, start, count, step in ranges64():
        with np.errstate(over="ignore"):
            pats = np.uint64(start) + np.arange(count, dtype=np.uint64) * np.uint64(step)
        x = pats.view(np.float64)
        with np.errstate(all="ignore"):
            y = np.tanh(x)
        b = y.view(np.uint64).copy()
        nan = np.isnan(y)
        b[nan] = (b[nan] & np.uint64(2**63)) | np.uint64(0x7ff8000000000000)
        cases.append({"function": "tanh64", "range": name, "start": int(start), "count": int(count), "step": int(step),
                      "digest": format(digest64(b), "016x")})
        total += count
    # numpy picks its SIMD code by CPU at import; record what it found so a mismatch on
    # another machine can be told from a bug (docs/float32-math.md).
    from numpy._core._multiarray_umath import __cpu_features__ as features
    found = [k for k in ("AVX2", "FMA3", "AVX512F", "AVX512_SKX") if features.get(k)]
    with open(OUT, "w") as f:
        json.dump({"numpy": np.__version__, "cpu": found, "inputs": total, "cases": cases}, f, indent=1)
        f.write("\n")
    print(f"{os.path.relpath(OUT)}: {len(cases)} ranges, {total} inputs")


if __name__ == "__main__":
    main()
