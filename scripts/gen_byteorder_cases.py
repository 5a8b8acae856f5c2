#!/usr/bin/env python3
"""Writes Tests/ShellTests/Fixtures/differential/byteorder.py: big-endian dtypes as numpy's repr
shows them (`dtype='>f4'`), through .npy/.npz files, `np.dtype`, `astype` and creation, and
what stays native (arithmetic results, scalars). Every dtype of more than one byte, generated
(seed 0, no randomness needed); then `python3 scripts/differential.py FILE` records numpy's
answers beside it.
"""
import case_files

DTYPES = ["int16", "int32", "int64", "uint16", "uint32", "uint64", "float16", "float32", "float64"]
CODES = {"int16": "i2", "int32": "i4", "int64": "i8", "uint16": "u2", "uint32": "u4", "uint64": "u8",
         "float16": "f2", "float32": "f4", "float64": "f8"}


def cases():
    out = []
    for dt in DTYPES:
        code = ">" + CODES[dt]
        vals = "[1.5, 2.25, -3.0]" if dt.startswith("float") else "[1, 2, 300]"
        out.append((f"load-{dt}", f"a = np.array({vals}, dtype='{code}')\nnp.save('a.npy', a)\nb = np.load('a.npy')\n"
                    f"print(repr(b))\nprint(repr(b.dtype), b.dtype, b.dtype.str, b.dtype.byteorder, b.dtype.name, b.dtype.itemsize)\n"
                    f"print(repr(b + 1), repr(b[1]), b.sum())\nprint(repr(b.reshape(3, 1)), repr(b[::-1]))"))
        out.append((f"dtype-{dt}", f"print(repr(np.dtype('{code}')), np.dtype('{code}'))\nprint(repr(np.arange(4).astype('{code}')))"))
    out += [
        ("roundtrip-bytes", "a = np.arange(6, dtype='>f4').reshape(2, 3)\nnp.save('a.npy', a)\nnp.save('b.npy', np.load('a.npy'))\n"
                            "print(repr(np.load('b.npy')))"),
        ("save-view", "a = np.arange(6, dtype='>i4')\nnp.save('a.npy', a[::2])\nprint(repr(np.load('a.npy')))"),
        ("npz", "np.savez('z.npz', a=np.arange(3).astype('>i2'), b=np.ones(2))\nz = np.load('z.npz')\nprint(repr(z['a']), repr(z['b']))"),
        ("fortran", "a = np.asfortranarray(np.arange(6.0).reshape(2, 3)).astype('>f8')\nnp.save('a.npy', a)\nprint(repr(np.load('a.npy')))"),
        ("one-byte", "print(repr(np.array([1, 2], dtype='>u1')), repr(np.dtype('>i1')))"),
        ("empty", "print(repr(np.array([], dtype='>f8')))"),
        ("zeros-like-dtype", "b = np.array([1.0], dtype='>f4')\nprint(repr(np.zeros(2, dtype=b.dtype)), repr(np.ones(2, dtype='>i8')))"),
        ("array-dtype", "print(repr(np.array([[1, 2], [3, 4]], dtype='>i8')))\nx = np.arange(3.0)\ny = np.asarray(x, dtype='>f8')\nprint(repr(x), repr(y))"),
        ("native-again", "b = np.array([1.5, 2.5], dtype='>f4')\nprint(repr(b.astype(np.float32)), repr(b * 2), repr(np.sqrt(b)))"),
        ("inplace-keeps", "b = np.array([1.5, 2.5], dtype='>f4')\nb += 1\nprint(repr(b))"),
    ]
    return out


if __name__ == "__main__":
    case_files.write("byteorder", "big-endian dtypes (>f4) as numpy shows, loads and saves them.", cases(), "gen_byteorder_cases.py", 0)
