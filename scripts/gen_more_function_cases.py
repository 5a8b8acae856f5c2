#!/usr/bin/env python3
"""Writes differential case files for numpy functions tutorials use that came later than
gen_function_cases.py's families:

    Tests/ShellTests/Fixtures/differential/sets.py          isin, intersect1d, union1d, setdiff1d, setxor1d
    Tests/ShellTests/Fixtures/differential/insertdelete.py  insert, delete
    Tests/ShellTests/Fixtures/differential/fmod.py          fmod (against % and np.remainder)

Each file holds seeded, generated cases (dtype pairs x shapes, with repeats so the sets overlap,
empty and 0-d inputs) followed by hand-written tutorial idioms and numpy's errors. Deterministic
(seed 2412); then `python3 scripts/differential.py FILE` records numpy's answers beside it.
"""
import os

import case_files
import random

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "ShellTests", "Fixtures", "differential")
SEED = 2412

DTYPES = ["float64", "float32", "int64", "int32", "uint8", "int8", "bool", "float16"]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def value(self, dtype, lo=0, hi=6):
        r = self.r
        if dtype == "bool":
            return r.choice(["True", "False"])
        if dtype.startswith("uint"):
            return str(r.randint(0, hi))
        if dtype.startswith("int"):
            return str(r.randint(lo - 2, hi))
        v = r.randint(lo - 2, hi) + r.choice([0, 0, 0, 0.5, 0.25])
        return repr(float(v))

    def nested(self, shape, dtype):
        if not shape:
            return self.value(dtype)
        return "[" + ", ".join(self.nested(shape[1:], dtype) for _ in range(shape[0])) + "]"

    def array(self, shape, dtype):
        if 0 in shape:
            return f"np.zeros({tuple(shape)!r}, dtype=np.{dtype})"
        return f"np.array({self.nested(list(shape), dtype)}, dtype=np.{dtype})"

    def shape(self):
        return self.r.choice([(5,), (7,), (3,), (2, 3), (4,), (0,), (), (6,)])



def write(name, header, cases):
    case_files.write(name, header, cases, "gen_more_function_cases.py", SEED)


SETS_HAND = [
    ("isin-labels", """
labels = np.array([0, 3, 2, 1, 2, 5])
mask = np.isin(labels, [0, 2])
print(mask)
print(labels[mask])
"""),
    ("isin-invert", """
x = np.arange(10)
print(x[np.isin(x, [2, 3, 5, 7], invert=True)])
"""),
    ("isin-2d", """
a = 2 * np.arange(4).reshape((2, 2))
print(repr(np.isin(a, [1, 2, 4, 8])))
"""),
    ("isin-scalar", """
print(repr(np.isin(5, [1, 5])))
print(np.isin(5, [1, 5]))
"""),
    ("isin-scalar-test", """
print(repr(np.isin(np.array([1, 2, 3]), 2)))
"""),
    ("isin-nan", """
x = np.array([1.0, np.nan, 2.0])
print(np.isin(x, [np.nan, 2.0]))
print(np.isin(x, [np.nan, 2.0], invert=True))
"""),
    ("isin-int-float", """
print(np.isin(np.array([1, 2, 3]), [1.0, 2.5, 3.0]))
print(np.isin(np.array([0.5, 1.0]), np.array([1], dtype=np.uint8)))
"""),
    ("isin-empty", """
print(repr(np.isin(np.array([1, 2]), [])))
print(repr(np.isin(np.array([], dtype=np.int64), [1, 2])))
print(repr(np.isin(np.zeros((2, 0)), [1])))
"""),
    ("isin-kind", """
print(np.isin(np.array([1, 4, 9]), [4, 9], kind='table'))
print(np.isin(np.array([1, 4, 9]), [4, 9], kind='sort'))
print(np.isin(np.array([1, 4, 9]), [4, 9], assume_unique=True))
"""),
    ("isin-kind-bad", """
np.isin(np.array([1, 2]), [1], kind='hash')
"""),
    ("isin-kind-table-float", """
np.isin(np.array([1.5, 2.0]), [1.5], kind='table')
"""),
    ("isin-bool", """
print(np.isin(np.array([True, False, True]), [True]))
print(np.isin(np.array([0, 1, 2]), np.array([True])))
"""),
    ("isin-large-table", """
a = np.arange(40) * 3 % 17
b = np.arange(5, 60, 4)
print(np.isin(a, b))
"""),
    ("isin-mask-filter-rows", """
data = np.array([[1, 10], [2, 20], [3, 30], [4, 40]])
keep = np.isin(data[:, 0], [2, 4])
print(data[keep])
"""),
    ("in1d-removed", """
np.in1d(np.array([1, 2]), [1])
"""),
    ("intersect1d-basic", """
print(np.intersect1d([1, 3, 4, 3], [3, 1, 2, 1]))
"""),
    ("intersect1d-indices", """
x = np.array([1, 1, 2, 3, 4])
y = np.array([2, 1, 4, 6])
xy, x_ind, y_ind = np.intersect1d(x, y, return_indices=True)
print(xy, x_ind, y_ind)
print(x[x_ind], y[y_ind])
"""),
    ("intersect1d-assume-unique", """
print(np.intersect1d(np.array([5, 2, 9]), np.array([9, 5, 1]), assume_unique=True))
print(np.intersect1d(np.array([5, 2, 9]), np.array([9, 5, 1]), assume_unique=True, return_indices=True))
"""),
    ("intersect1d-assume-unique-dupes", """
print(np.intersect1d(np.array([1, 1, 3]), np.array([3, 4]), assume_unique=True, return_indices=True))
"""),
    ("intersect1d-nan", """
print(repr(np.intersect1d([np.nan, 1.0, 2.0], [np.nan, 2.0])))
"""),
    ("intersect1d-empty", """
print(repr(np.intersect1d([], [])))
print(repr(np.intersect1d(np.array([1, 2]), [])))
print(np.intersect1d([], [], return_indices=True))
"""),
    ("intersect1d-2d", """
a = np.array([[1, 5], [3, 7]])
b = np.array([[7, 2], [1, 8]])
print(np.intersect1d(a, b, return_indices=True))
"""),
    ("intersect1d-reduce", """
common = np.intersect1d(np.intersect1d([1, 3, 4, 3], [3, 1, 2, 1]), [6, 3, 4, 2])
print(common)
"""),
    ("union1d-basic", """
print(np.union1d([-1, 0, 1], [-2, 0, 2]))
"""),
    ("union1d-mixed", """
print(repr(np.union1d(np.array([3, 1], dtype=np.int8), np.array([2.5, 1.0], dtype=np.float32))))
print(repr(np.union1d(np.array([np.nan, 1.0]), [np.nan, 0.0])))
"""),
    ("union1d-empty", """
print(repr(np.union1d([], [])))
print(repr(np.union1d(np.array([2, 1]), np.array([], dtype=np.int64))))
"""),
    ("setdiff1d-basic", """
a = np.array([1, 2, 3, 2, 4, 1])
b = np.array([3, 4, 5, 6])
print(np.setdiff1d(a, b))
"""),
    ("setdiff1d-assume-unique", """
print(np.setdiff1d(np.array([5, 3, 9, 1]), [3.0], assume_unique=True))
print(repr(np.setdiff1d(np.array([5, 3, 9], dtype=np.int8), [3.0], assume_unique=True)))
"""),
    ("setdiff1d-nan", """
print(np.setdiff1d([np.nan, 1.0, np.nan, 2.0], [np.nan]))
print(np.setdiff1d([np.nan, 1.0, 2.0], [1.0]))
"""),
    ("setdiff1d-train-test", """
rng = np.random.default_rng(0)
idx = np.arange(10)
test = np.array([7, 2, 5])
train = np.setdiff1d(idx, test)
print(train, len(train))
"""),
    ("setdiff1d-empty", """
print(repr(np.setdiff1d([], [1, 2])))
print(repr(np.setdiff1d(np.array([2, 1, 2]), [])))
"""),
    ("setxor1d-basic", """
a = np.array([1, 2, 3, 2, 4])
b = np.array([2, 3, 5, 7, 5])
print(np.setxor1d(a, b))
"""),
    ("setxor1d-nan", """
print(np.setxor1d([np.nan, 1.0], [np.nan, 2.0]))
"""),
    ("setxor1d-empty", """
print(repr(np.setxor1d([], [])))
print(repr(np.setxor1d(np.array([1, 2]), np.array([2, 1]))))
print(repr(np.setxor1d(np.array([1, 2], dtype=np.int32), np.array([], dtype=np.int32))))
"""),
    ("setxor1d-assume-unique", """
print(np.setxor1d(np.array([4, 1, 3]), np.array([3, 5]), assume_unique=True))
"""),
    ("sets-2d-flatten", """
a = np.array([[3, 1], [2, 3]])
b = np.array([[1, 9]])
print(np.union1d(a, b), np.setdiff1d(a, b), np.setxor1d(a, b))
"""),
    ("sets-keyword-names", """
print(np.isin(element=np.array([1, 2]), test_elements=[2]))
print(np.intersect1d(ar1=[1, 2], ar2=[2, 3]))
print(np.setdiff1d(ar1=[1, 2], ar2=[2, 3]))
"""),
    ("sets-missing-argument", """
np.union1d([1, 2])
"""),
    ("sets-bad-keyword", """
np.setdiff1d([1, 2], [2], assume_uniq=True)
"""),
]


def sets(g):
    cases = list(SETS_HAND)
    funcs = ["isin", "isin_invert", "intersect1d", "intersect1d_idx", "union1d", "setdiff1d", "setxor1d"]
    for k in range(140):
        f = funcs[k % len(funcs)]
        d1, d2 = g.r.choice(DTYPES), g.r.choice(DTYPES)
        if g.r.random() < 0.4:
            d2 = d1
        s1, s2 = g.shape(), g.shape()
        if f.startswith("isin") is False and g.r.random() < 0.7:
            s1 = g.r.choice([(5,), (7,), (6,), (2, 3)])
        a, b = g.array(s1, d1), g.array(s2, d2)
        if f == "isin":
            call = "np.isin(a, b)"
        elif f == "isin_invert":
            call = "np.isin(a, b, invert=True)"
        elif f == "intersect1d_idx":
            call = "np.intersect1d(a, b, return_indices=True)"
        else:
            call = f"np.{f}(a, b)"
        cases.append((f"{f.replace('_', '-')}-{k}", f"a = {a}\nb = {b}\nprint(repr({call}))"))
    return cases


EDIT_HAND = [
    ("delete-row", """
x = np.arange(12).reshape(3, 4)
print(np.delete(x, 1, axis=0))
print(x.shape)
"""),
    ("delete-columns", """
x = np.arange(12).reshape(3, 4)
print(np.delete(x, [0, 2], axis=1))
print(np.delete(x, -1, 1))
"""),
    ("delete-flat", """
x = np.arange(12).reshape(3, 4)
print(np.delete(x, [1, 3, 5]))
print(repr(np.delete(x, 0)))
"""),
    ("delete-slice", """
a = np.array([5, 6, 7, 8, 9])
print(np.delete(a, np.s_[::2]))
print(np.delete(a, slice(1, 3)))
print(np.delete(a, slice(None, None, -2)))
print(repr(np.delete(a, slice(3, 1))))
"""),
    ("delete-mask", """
a = np.array([1.5, 2.5, 3.5])
print(np.delete(a, [True, False, True]))
print(np.delete(a, np.array([False, False, False])))
"""),
    ("delete-mask-wrong-length", """
np.delete(np.array([1, 2, 3]), [True, False])
"""),
    ("delete-out-of-bounds", """
np.delete(np.array([1, 2, 3]), 5)
"""),
    ("delete-out-of-bounds-negative", """
np.delete(np.arange(6).reshape(2, 3), -4, axis=1)
"""),
    ("delete-list-out-of-bounds", """
np.delete(np.array([1, 2, 3]), [0, 7])
"""),
    ("delete-list-one", """
print(np.delete(np.array([1, 2, 3]), [7 - 6]))
"""),
    ("delete-axis-error", """
np.delete(np.arange(6).reshape(2, 3), 0, axis=2)
"""),
    ("delete-empty-list", """
print(repr(np.delete(np.array([1, 2, 3]), [])))
"""),
    ("delete-float-index", """
np.delete(np.array([1, 2, 3]), [0.0, 1.0])
"""),
    ("delete-repeated", """
print(np.delete(np.arange(5), [1, 1, -4, 3]))
"""),
    ("delete-dtype-kept", """
print(repr(np.delete(np.array([1, 2, 3], dtype=np.float32), 0)))
print(repr(np.delete(np.array([True, False]), 0)))
"""),
    ("delete-3d", """
x = np.arange(24).reshape(2, 3, 4)
print(np.delete(x, [0, 3], axis=-1))
print(np.delete(x, 1, axis=1).shape)
"""),
    ("delete-scalar-array", """
print(np.delete(np.array(7), 0))
"""),
    ("s-index-expressions", """
print(np.s_[1:3], np.s_[::2], np.s_[2])
print(np.s_[1:, ::-1], np.index_exp[1:3])
x = np.arange(12).reshape(3, 4)
print(x[np.s_[1:, ::2]])
"""),
    ("delete-numpy-int", """
i = np.argmax(np.array([3, 9, 4]))
print(np.delete(np.array([3, 9, 4]), i))
"""),
    ("delete-outlier-rows", """
data = np.array([[1.0, 2.0], [100.0, 3.0], [2.0, 2.5]])
bad = np.where(data[:, 0] > 50)[0]
print(np.delete(data, bad, axis=0))
"""),
    ("insert-scalar", """
a = np.array([1, 2, 3])
print(np.insert(a, 1, 9))
print(a)
"""),
    ("insert-end", """
a = np.array([1, 2, 3])
print(np.insert(a, 3, 0))
print(np.insert(a, -1, 0))
print(np.insert(a, len(a), [7, 8]))
"""),
    ("insert-cast", """
a = np.array([1, 2, 3])
print(repr(np.insert(a, [0, 3], 2.5)))
print(repr(np.insert(np.array([1.5, 2.5], dtype=np.float32), 1, 7)))
"""),
    ("insert-row", """
x = np.arange(6).reshape(2, 3)
print(np.insert(x, 1, [7, 8, 9], axis=0))
print(np.insert(x, 1, 5, axis=1))
"""),
    ("insert-column-values", """
x = np.arange(6).reshape(2, 3)
print(np.insert(x, 1, [7, 8], axis=1))
print(np.insert(x, [1], [[7], [8]], axis=1))
"""),
    ("insert-bias-column", """
X = np.array([[0.5, 1.5], [2.0, 3.0], [4.0, 5.0]])
Xb = np.insert(X, 0, 1.0, axis=1)
print(Xb)
"""),
    ("insert-flat", """
x = np.arange(6).reshape(2, 3)
print(np.insert(x, 2, 100))
"""),
    ("insert-multiple", """
a = np.arange(5)
print(np.insert(a, [1, 3], [10, 30]))
print(np.insert(a, [3, 1, 3], [7, 8, 9]))
print(np.insert(a, [-1, 0], 0))
"""),
    ("insert-slice", """
a = np.arange(5)
print(np.insert(a, slice(1, 4, 2), [-1, -2]))
print(np.insert(a, np.s_[:2], 9))
"""),
    ("insert-mask", """
a = np.arange(3)
print(np.insert(a, np.array([True, False, True]), 9))
"""),
    ("insert-mask-list", """
np.insert(np.arange(3), [True, False, True], 9)
"""),
    ("insert-out-of-bounds", """
np.insert(np.array([1, 2, 3]), 4, 0)
"""),
    ("insert-out-of-bounds-list", """
np.insert(np.array([1, 2, 3]), [7], 0)
"""),
    ("insert-out-of-bounds-many", """
np.insert(np.array([1, 2, 3]), [0, 9], 0)
"""),
    ("insert-2d-obj", """
np.insert(np.array([1, 2, 3]), [[0, 1]], 0)
"""),
    ("insert-shape-mismatch", """
x = np.arange(6).reshape(2, 3)
np.insert(x, 1, [1, 2], axis=0)
"""),
    ("insert-overflow", """
np.insert(np.array([1, 2], dtype=np.uint8), 0, 300)
"""),
    ("insert-axis-error", """
np.insert(np.arange(3), 0, 1, axis=1)
"""),
    ("insert-empty", """
print(repr(np.insert(np.array([], dtype=np.int64), 0, 5)))
print(repr(np.insert(np.array([1, 2]), [], 5)))
"""),
    ("insert-bool", """
print(repr(np.insert(np.array([True, False]), 1, 0)))
"""),
    ("insert-3d", """
x = np.zeros((2, 2, 2), dtype=np.int32)
print(np.insert(x, 1, 7, axis=2))
"""),
    ("insert-values-2d-scalar-obj", """
a = np.array([[1, 1], [2, 2], [3, 3]])
print(np.insert(a, 1, [[5], [6]], axis=1))
print(np.insert(a, [1], [[5], [6], [7]], axis=1))
"""),
]


def insertdelete(g):
    cases = list(EDIT_HAND)
    for k in range(60):
        shape = g.r.choice([(5,), (4,), (2, 3), (3, 4), (2, 2, 3)])
        dtype = g.r.choice(DTYPES)
        axis = g.r.choice([None] + list(range(-len(shape), len(shape))))
        n = 1
        for s in shape:
            n *= s
        length = n if axis is None else shape[axis]
        form = g.r.choice(["int", "list", "slice", "mask"])
        if form == "int":
            obj = str(g.r.randint(-length, length - 1))
        elif form == "list":
            obj = repr([g.r.randint(-length, length - 1) for _ in range(g.r.randint(2, 3))])
        elif form == "slice":
            obj = f"np.s_[{g.r.choice(['', '1', '-2'])}:{g.r.choice(['', '3', '-1'])}:{g.r.choice(['', '2', '-1'])}]"
        else:
            obj = repr([g.r.random() < 0.5 for _ in range(length)])
        a = g.array(shape, dtype)
        ax = "" if axis is None else f", axis={axis}"
        if k % 2 == 0:
            cases.append((f"delete-gen-{k}", f"a = {a}\nprint(repr(np.delete(a, {obj}{ax})))"))
        else:
            if form == "mask":
                obj = f"np.array({[g.r.random() < 0.5 for _ in range(length)]!r})"
            if form == "int":
                obj = str(g.r.randint(-length, length))
            value = g.r.choice(["7", "-1.5", "[1, 2]", "True", "0"])
            cases.append((f"insert-gen-{k}", f"a = {a}\nprint(repr(np.insert(a, {obj}, {value}{ax})))"))
    return cases


FMOD_HAND = [
    ("fmod-signs", """
a = np.array([-3, -2, -1, 1, 2, 3])
print(np.fmod(a, 2))
print(np.remainder(a, 2))
print(a % 2)
"""),
    ("fmod-float", """
print(np.fmod(np.array([-4.0, -3.5, 5.25, 7.0]), 2))
print(np.fmod(np.array([5.0, -5.0]), -1.5))
"""),
    ("fmod-special", """
print(np.fmod(np.array([1.0, np.inf, np.nan, -0.0, 3.0]), np.array([0.0, 2.0, 1.0, 1.0, np.inf])))
"""),
    ("fmod-int-zero", """
print(np.fmod(np.array([5, -5, 0]), 0))
print(np.fmod(np.array([5, -5], dtype=np.int8), np.array([0, 3], dtype=np.int8)))
"""),
    ("fmod-int-min", """
print(np.fmod(np.array([-128, 7], dtype=np.int8), -1))
print(np.fmod(np.array([-9223372036854775808]), -1))
"""),
    ("fmod-dtypes", """
print(repr(np.fmod(np.arange(5, dtype=np.int32), 3)))
print(repr(np.fmod(np.arange(5, dtype=np.uint8), 3)))
print(repr(np.fmod(np.arange(5, dtype=np.float32), 1.5)))
print(repr(np.fmod(np.arange(5, dtype=np.int64), 1.5)))
print(repr(np.fmod(np.array([True, False]), np.array([True, True]))))
print(repr(np.fmod(np.array([1.5], dtype=np.float16), 1)))
"""),
    ("fmod-scalars", """
print(repr(np.fmod(7, -3)))
print(repr(np.fmod(-7.5, 2)))
print(np.fmod(-7, 3), -7 % 3)
"""),
    ("fmod-broadcast", """
x = np.arange(-3, 3).reshape(2, 3)
print(np.fmod(x, np.array([[2], [4]])))
"""),
    ("fmod-angle-wrap", """
theta = np.array([7.0, -7.0, 3.14])
print(np.fmod(theta, 2 * np.pi))
"""),
    ("fmod-shape-error", """
np.fmod(np.arange(3), np.arange(2))
"""),
]


def fmod(g):
    cases = list(FMOD_HAND)
    for k in range(30):
        d1, d2 = g.r.choice(DTYPES), g.r.choice(DTYPES)
        a = g.array((5,), d1)
        b = g.array((5,), d2) if k % 3 else g.r.choice(["3", "-2", "2.5", "-0.75"])
        cases.append((f"fmod-gen-{k}", f"a = {a}\nb = {b}\nprint(repr(np.fmod(a, b)))"))
    return cases


def main():
    g = Gen(SEED)
    write("sets", "numpy's set routines (isin, intersect1d, union1d, setdiff1d, setxor1d).", sets(g))
    write("fmod", "numpy's np.fmod (C's remainder: the dividend's sign).", fmod(g))
    write("insertdelete", "numpy's np.insert and np.delete (positions, slices, masks, axes, errors).", insertdelete(g))


if __name__ == "__main__":
    main()
