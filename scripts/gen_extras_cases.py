#!/usr/bin/env python3
"""Writes Tests/ShellTests/Fixtures/differential/extras.py: numpy functions added one by one
after the bigger families — `with np.printoptions(...)` (options for one block, restored
after it, also when it fails; `set_printoptions` inside a block applies at once) and
`np.linalg.cholesky`. Hand-written
cases, no randomness (seed 0); then `python3 scripts/differential.py FILE` records numpy's
answers beside it.
"""
import case_files

CASES = [
    ("printoptions-block", "with np.printoptions(precision=3):\n    print(np.array([1 / 3]))\nprint(np.array([1 / 3]))"),
    ("printoptions-restored-on-error",
     "try:\n    with np.printoptions(precision=2, suppress=True):\n        print(np.array([1e-9, 2 / 3]))\n"
     "        raise ValueError('x')\nexcept ValueError:\n    pass\nprint(np.array([1e-9, 2 / 3]))"),
    ("printoptions-threshold", "with np.printoptions(threshold=5, edgeitems=1):\n    print(np.arange(10))\n    print(repr(np.arange(10)))\nprint(np.arange(10))"),
    ("printoptions-nested",
     "with np.printoptions(precision=2):\n    with np.printoptions(precision=4):\n        print(np.array([np.pi]))\n"
     "    print(np.array([np.pi]))\nprint(np.array([np.pi]))"),
    ("printoptions-linewidth", "with np.printoptions(linewidth=20):\n    print(np.arange(12))"),
    ("printoptions-sign", "with np.printoptions(sign='+'):\n    print(np.array([1.0, -2.0]), repr(np.array([0.5])))"),
    ("printoptions-str-fstring", "with np.printoptions(precision=2):\n    s = str(np.array([2 / 3]))\nprint(s)"),
    ("set-printoptions-in-loop", "for i in range(1):\n    np.set_printoptions(precision=3)\n    print(np.array([1 / 3]))"),
    ("printoptions-bad-key", "with np.printoptions(precison=3):\n    pass"),
    ("cholesky-lower", "a = np.array([[4.0, 2.0], [2.0, 3.0]])\nprint(np.linalg.cholesky(a))\nprint(np.linalg.cholesky(a, upper=True))"),
    ("cholesky-reads-lower", "print(np.linalg.cholesky(np.array([[4.0, 100.0], [2.0, 3.0]])))"),
    ("cholesky-int", "print(np.linalg.cholesky(np.array([[4, 2], [2, 3]])).dtype)"),
    ("cholesky-3x3", "b = np.array([[25.0, 15, -5], [15, 18, 0], [-5, 0, 11]])\nL = np.linalg.cholesky(b)\nprint(L)\nprint(np.allclose(L @ L.T, b))"),
    ("cholesky-stack", "a = np.array([[4.0, 2.0], [2.0, 3.0]])\nprint(np.linalg.cholesky(np.stack([a, 4 * a])))"),
    ("cholesky-not-pd", "np.linalg.cholesky(np.array([[1.0, 2.0], [2.0, 1.0]]))"),
    ("cholesky-1d", "np.linalg.cholesky(np.array([1.0, 2.0]))"),
    ("cholesky-not-square", "np.linalg.cholesky(np.ones((2, 3)))"),
]

if __name__ == "__main__":
    case_files.write("extras", "numpy functions added one by one (np.printoptions, np.linalg.cholesky).", CASES, "gen_extras_cases.py", 0)
