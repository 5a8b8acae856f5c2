#!/usr/bin/env python3
"""Write Tests/TensorTests/Fixtures/float32_math.json: numpy's own float32 exp and log over
ranges of inputs, as one 64-bit digest of the result bits per range (nan canonicalised to
its sign bit | 0x7fc00000), so the test needs no numpy and the fixture stays small.

Ranges (float32 bit patterns, start/count/step): every 997th pattern of all 2^32, the
subnormals, the overflow and underflow thresholds of exp, around 1.0 for log, and specials.
Run on the machine the tests run on (numpy dispatches by CPU; see docs/float32-math.md):

    python3 scripts/gen_float32_math_fixture.py
"""
import json
import os

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "TensorTests", "Fixtures", "float32_math.json")


def bits_of(x):
    return np.float32(x).view(np.uint32).item()


def ranges():
    yield "all patterns, step 997", 0, 2**32 // 997 + 1, 997
    yield "positive subnormals, step 3", 1, (2**23 - 1) // 3, 3
    yield "negative subnormals, step 5", 0x80000001, (2**23 - 1) // 5, 5
    for name, value in [("exp overflow 88.7228", 88.72283935546875), ("exp underflow -103.972", -103.97208404541015625),
                        ("exp subnormal edge -87.34", -87.33654), ("log near 1", 1.0), ("log near sqrt(1/2)", 0.70710677),
                        ("exp near 0", 1e-8), ("ln2 multiples 0.6931", 0.6931472), ("large 1e4", 1e4)]:
        b = bits_of(value)
        yield name + ", 200001 around", b - 100000, 200001, 1
        yield "-(" + name + "), 20001 around", (b ^ 0x80000000) - 10000, 20001, 1


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
    for fn in ("exp", "log"):
        for name, start, count, step in ranges():
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
    with open(OUT, "w") as f:
        json.dump({"numpy": np.__version__, "inputs": total, "cases": cases}, f, indent=1)
        f.write("\n")
    print(f"{os.path.relpath(OUT)}: {len(cases)} ranges, {total} inputs")


if __name__ == "__main__":
    main()
