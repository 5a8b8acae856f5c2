# Python as tutorials write it, and numpy's errors a learner can catch: an array meeting a
# str or None, np.sum of a generator, variable annotations, typing, extended slice
# assignment, zip(strict=True), hex() of big ints, SystemExit.code.
#--- str-add-int-array
try:
    np.array([1, 2]) + 'a'
except TypeError as e:
    print('caught:', e)
#--- str-add-float-array-left
try:
    'ab' + np.array([1.5])
except TypeError as e:
    print('caught:', e)
#--- str-subtract-caught-by-exception
try:
    np.arange(3) - 'x'
except Exception as e:
    print(e)
#--- str-multiply-int-array
try:
    np.array([1, 2]) * 'ab'
except TypeError as e:
    print(e)
#--- str-multiply-float-array
try:
    np.array([1.5]) * 'a'
except TypeError as e:
    print(e)
#--- str-multiply-bool-array
try:
    np.array([True]) * 'a'
except TypeError as e:
    print(e)
#--- str-multiply-float-scalar
try:
    np.float64(3) * 'a'
except TypeError as e:
    print(e)
#--- str-multiply-int-scalar-repeats
print(np.int64(3) * 'ab')
#--- str-divide
try:
    np.array([1]) / 'a'
except TypeError as e:
    print(e)
#--- str-floor-divide-uncaught
np.array([1]) // 'a'
#--- str-power
try:
    np.array([1]) ** 'a'
except TypeError as e:
    print(e)
#--- str-bitwise-or
try:
    np.array([1]) | 'a'
except TypeError as e:
    print(e)
#--- str-matmul
try:
    np.array([1, 2]) @ 'a'
except TypeError as e:
    print(e)
#--- str-less-array-left
try:
    np.array([1, 2]) < 'a'
except TypeError as e:
    print(e)
#--- str-greater-reflected
try:
    'a' < np.array([1])
except TypeError as e:
    print(e)
#--- str-less-equal-float-scalar
try:
    np.float64(2) <= 'a'
except TypeError as e:
    print(e)
#--- str-equal-is-all-false
print(np.array([[1, 2]]) == 'a')
print(np.array([1, 2]) != 'a')
#--- string-array-right-of-numeric-array
try:
    np.array([1]) < np.array(['a'])
except TypeError as e:
    print(e)
#--- string-array-right-of-python-int
try:
    1 < np.array(['a'])
except TypeError as e:
    print(e)
#--- none-equal-elementwise
x = np.array([1, 2])
print(x == None)
print(x != None)
print(np.int64(1) == None)
#--- none-add-int-array
try:
    np.array([1, 2]) + None
except TypeError as e:
    print(e)
#--- none-add-float-array-left
try:
    None + np.array([1.5])
except TypeError as e:
    print(e)
#--- none-add-bool-and-uint8
for v in [np.array([True]), np.uint8(3), np.array([1.0], dtype=np.float32)]:
    try:
        v - None
    except TypeError as e:
        print(e)
#--- none-power
try:
    np.array([1.5]) ** None
except TypeError as e:
    print(e)
#--- none-less
try:
    np.array([1, 2]) < None
except TypeError as e:
    print(e)
#--- none-less-reflected
try:
    None < np.array([1])
except TypeError as e:
    print(e)
#--- dict-floor-divide
try:
    np.array([1]) // {}
except TypeError as e:
    print(e)
#--- function-add
def f():
    return 0
try:
    np.array([1, 2]) + f
except TypeError as e:
    print(e)
#--- none-add-uncaught
np.array([1, 2]) * None
#--- sum-of-generator
try:
    np.sum(x * x for x in range(3))
except TypeError as e:
    print(e)
#--- sum-of-named-generator
g = (x for x in range(4))
try:
    np.sum(g)
except TypeError as e:
    print(e)
print(sum(g))
#--- annotated-assignments
x: int = 0
y: list[int] = []
z: float = 1.5
y.append(x)
print(x, y, z)
#--- annotated-bare-name-is-unbound
zqxv: int
try:
    print(zqxv)
except NameError as e:
    print(e)
#--- annotated-attribute-and-subscript
class Model:
    def __init__(self):
        self.lr: float = 0.1
        self.layers: list = [1, 2]
        self.layers[0]: int = 5
m = Model()
print(m.lr, m.layers)
#--- annotated-in-function
def train(steps: int = 3) -> float:
    loss: float = 1.0
    history: list[float] = []
    for _ in range(steps):
        loss = loss / 2
        history.append(loss)
    return history
print(train())
#--- annotated-tuple-value
pair: tuple = 1, 2
print(pair)
#--- annotated-tuple-target
a, b: int = 1, 2
#--- typing-names
from typing import List, Dict, Optional, Tuple, Any, Callable, Union
def pick(xs: List[int], table: Optional[Dict[str, int]] = None) -> Tuple[int, ...]:
    return tuple(xs)
def apply(f: Callable[[int], int], v: Union[int, float]) -> Any:
    return f(v)
print(pick([1, 2]), apply(lambda v: v + 1, 2))
scores: Dict[str, List[float]] = {'a': [1.0]}
print(scores)
#--- typing-import-module
import typing
def g(x: typing.Optional[int] = None) -> typing.List[int]:
    return [x]
print(g(3))
#--- extended-slice-assign
a = list(range(10))
a[::2] = [0] * 5
print(a)
a[1::3] = ('x', 'y', 'z')
print(a)
a[::-1] = tuple(range(10))
print(a)
#--- extended-slice-assign-size-mismatch
a = list(range(10))
try:
    a[::2] = [1, 2]
except ValueError as e:
    print(e)
print(a)
#--- extended-slice-assign-uncaught
a = [1, 2, 3]
a[::2] = []
#--- extended-slice-delete
a = list(range(10))
del a[::2]
print(a)
#--- zip-strict-messages
for args in [([1, 2], [1]), ([1], [1, 2]), ([1, 2], [1, 2], [1]), ([1], [1], [1, 2]), ([1, 2], [1, 2], [1, 2])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print(e)
#--- hex-oct-bin-big-ints
print(hex(2**100), oct(2**100), bin(2**70))
print(hex(-2**64), oct(-(8**30) - 1), bin(-(2**65) + 1))
print(hex(3**200))
#--- system-exit-code
import sys
for args in [(3,), ('bye',), ()]:
    try:
        sys.exit(*args)
    except SystemExit as e:
        print(repr(e.code))
#--- union-isinstance
print(isinstance([1], list | tuple), isinstance((1,), list | tuple), isinstance('a', list | tuple))
print(isinstance(None, int | None), isinstance(3, int | None), isinstance(2.5, int | None))
print(issubclass(bool, int | str))
#--- union-repr
print(int | None)
print(list | tuple | list)
print(int | int)
U = int | None
print(U, isinstance(4, U))
#--- union-user-class
class Point:
    pass
print(isinstance(Point(), Point | None), isinstance(1, Point | None))
#--- union-annotation
def scale(v: int | float, k: float | None = None) -> list[float] | None:
    return [v * (k or 1)]
print(scale(2), scale(2, 0.5))
#--- union-none-or-none
None | None
#--- enumerate-closes-its-generator
def gen():
    try:
        for i in range(5):
            yield i
    finally:
        print('cleanup')
for i, v in enumerate(gen()):
    if i == 1:
        break
print('after')
#--- zip-closes-its-generators
def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print('cleanup', name)
for a, b in zip(gen('a'), gen('b')):
    break
print('after')
#--- zip-leaves-named-generator-open
def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print('cleanup', name)
g = gen('named')
for a, b in zip(g, gen('made')):
    break
print('after')
g.close()
#--- enumerate-closes-on-error
def gen():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')
try:
    for i, v in enumerate(gen()):
        raise ValueError('stop')
except ValueError as e:
    print(e)
#--- raise-from-sets-cause
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError('bad input') from e
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__)
#--- raise-from-none
try:
    try:
        {}['k']
    except KeyError:
        raise ValueError('missing') from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
#--- raise-without-from
try:
    raise ValueError('plain')
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
#--- raise-from-class
try:
    raise RuntimeError('outer') from KeyError
except RuntimeError as e:
    print(repr(e.__cause__))
#--- raise-from-uncaught
try:
    int('x')
except ValueError as e:
    raise RuntimeError('could not parse') from e
#--- raise-from-not-an-exception
raise ValueError('x') from 3
#--- ufunc-type-error-is-a-type-error
try:
    np.arange(3) - 'x'
except Exception as e:
    print(isinstance(e, TypeError), isinstance(e, ValueError))
