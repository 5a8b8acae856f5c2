# Python's math module: CPython 3.11's digits (its own gamma/lgamma, hypot's corrected norm,
# fsum's exact partials) and its errors (domain, range, arity), and the time module's calendar
# functions at fixed times.
#--- unary-functions-on-a-grid
import math
xs = [-3.7, -1.0, -0.5, -0.0, 0.0, 0.25, 0.5, 0.9, 1.0, 1.5, 2.0, 3.3, 10.0, 100.0]
for name in ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cbrt', 'cos', 'cosh', 'erf', 'erfc', 'exp', 'exp2', 'expm1', 'fabs', 'log1p', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'gamma', 'lgamma', 'log', 'log2', 'log10', 'degrees', 'radians', 'ulp']:
    f = getattr(math, name)
    out = []
    for x in xs:
        try:
            out.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(name, ' '.join(out))
#--- gamma-and-lgamma-digits
import math
import random
random.seed(5)
xs = [random.uniform(-30, 180) for _ in range(300)] + [0.5 + k for k in range(-10, 30)] + [1e-21, -1e-21, 171.5, 171.7, -171.5, -200.5, 250.25, -250.25, 1e300]
g = []
for x in xs:
    for f in (math.gamma, math.lgamma):
        try:
            g.append(f(x))
        except (ValueError, OverflowError) as e:
            g.append(type(e).__name__)
print(g)
#--- gamma-poles-and-specials
import math
for x in [0.0, -0.0, -1.0, -2.0, 1.0, 2.0, 23.0, 24.0, float('inf'), float('-inf'), float('nan')]:
    for name, f in (('gamma', math.gamma), ('lgamma', math.lgamma)):
        try:
            print(name, x, f(x))
        except (ValueError, OverflowError) as e:
            print(name, x, type(e).__name__, e)
#--- hypot-and-dist-corrected-norm
import math
import random
random.seed(11)
out = []
for i in range(400):
    n = random.randint(2, 5)
    xs = [random.uniform(-1000, 1000) * 10 ** random.randint(-3, 3) for _ in range(n)]
    out.append(math.hypot(*xs))
    out.append(math.dist(xs, [0.5] * n))
print(out)
print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(1e308, 1e308), math.hypot(float('inf'), float('nan')), math.hypot(5e-324, 5e-324))
print(math.dist((1, 2), (4, 6)))
try:
    math.dist((1,), (1, 2))
except ValueError as e:
    print(e)
#--- fsum-exact
import math
import random
random.seed(3)
for _ in range(60):
    xs = [random.uniform(-1, 1) * 10 ** random.randint(-20, 20) for _ in range(random.randint(1, 40))]
    print(math.fsum(xs))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([1.0, 1e-16, 1e-16]), math.fsum([]), math.fsum([float('inf'), 1.0]), math.fsum(range(10)))
for bad in ([float('inf'), float('-inf')], [1e308, 1e308], [float('nan'), 1.0]):
    try:
        print(math.fsum(bad))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
#--- errors-domain-range-arity
import math
for text, f in [
    ('math.sqrt(-1)', lambda: math.sqrt(-1)),
    ('math.log(0)', lambda: math.log(0)),
    ('math.log(-1.5)', lambda: math.log(-1.5)),
    ('math.log(2, 1)', lambda: math.log(2, 1)),
    ('math.log(10, 0.0)', lambda: math.log(10, 0.0)),
    ('math.exp(1000)', lambda: math.exp(1000)),
    ('math.sinh(1000)', lambda: math.sinh(1000)),
    ('math.cosh(-1000)', lambda: math.cosh(-1000)),
    ('math.atanh(1)', lambda: math.atanh(1)),
    ('math.acosh(0.5)', lambda: math.acosh(0.5)),
    ('math.asin(2)', lambda: math.asin(2)),
    ('math.sin(float("inf"))', lambda: math.sin(float("inf"))),
    ('math.tan(float("-inf"))', lambda: math.tan(float("-inf"))),
    ('math.log1p(-1)', lambda: math.log1p(-1)),
    ('math.exp2(2000)', lambda: math.exp2(2000)),
    ('math.expm1(800)', lambda: math.expm1(800)),
    ('math.pow(0, -1)', lambda: math.pow(0, -1)),
    ('math.pow(10, 400)', lambda: math.pow(10, 400)),
    ('math.pow(-8, 1/3)', lambda: math.pow(-8, 1/3)),
    ('math.pow(float("inf"), -3)', lambda: math.pow(float("inf"), -3)),
    ('math.pow(-float("inf"), 3)', lambda: math.pow(-float("inf"), 3)),
    ('math.pow(0.5, float("-inf"))', lambda: math.pow(0.5, float("-inf"))),
    ('math.pow(float("nan"), 0)', lambda: math.pow(float("nan"), 0)),
    ('math.pow(1, float("nan"))', lambda: math.pow(1, float("nan"))),
    ('math.fmod(1, 0)', lambda: math.fmod(1, 0)),
    ('math.fmod(float("inf"), 1)', lambda: math.fmod(float("inf"), 1)),
    ('math.fmod(5.5, float("inf"))', lambda: math.fmod(5.5, float("inf"))),
    ('math.fmod(-7, 3)', lambda: math.fmod(-7, 3)),
    ('math.remainder(1, 0)', lambda: math.remainder(1, 0)),
    ('math.remainder(7, 4)', lambda: math.remainder(7, 4)),
    ('math.remainder(float("inf"), 2)', lambda: math.remainder(float("inf"), 2)),
    ('math.ldexp(1.0, 10**30)', lambda: math.ldexp(1.0, 10**30)),
    ('math.ldexp(1.0, -10**30)', lambda: math.ldexp(1.0, -10**30)),
    ('math.ldexp(3.5, 4)', lambda: math.ldexp(3.5, 4)),
    ('math.ldexp(1.0, 2.0)', lambda: math.ldexp(1.0, 2.0)),
    ('math.frexp(-3.0)', lambda: math.frexp(-3.0)),
    ('math.frexp(5e-324)', lambda: math.frexp(5e-324)),
    ('math.frexp(0.0)', lambda: math.frexp(0.0)),
    ('math.frexp(float("inf"))', lambda: math.frexp(float("inf"))),
    ('math.modf(-3.5)', lambda: math.modf(-3.5)),
    ('math.modf(float("-inf"))', lambda: math.modf(float("-inf"))),
    ('math.modf(2.0)', lambda: math.modf(2.0)),
    ('math.nextafter(1.7976931348623157e308, math.inf)', lambda: math.nextafter(1.7976931348623157e308, math.inf)),
    ('math.nextafter(1.0, 2.0)', lambda: math.nextafter(1.0, 2.0)),
    ('math.nextafter(0.0, -1.0)', lambda: math.nextafter(0.0, -1.0)),
    ('math.ulp(-1.0)', lambda: math.ulp(-1.0)),
    ('math.ulp(float("inf"))', lambda: math.ulp(float("inf"))),
    ('math.ulp(0.0)', lambda: math.ulp(0.0)),
    ('math.ulp(1.7976931348623157e308)', lambda: math.ulp(1.7976931348623157e308)),
    ('math.copysign(3, -0.0)', lambda: math.copysign(3, -0.0)),
    ('math.atan2(-0.0, -1)', lambda: math.atan2(-0.0, -1)),
    ('math.sqrt()', lambda: math.sqrt()),
    ('math.sqrt(1, 2)', lambda: math.sqrt(1, 2)),
    ('math.sqrt(x=1)', lambda: math.sqrt(x=1)),
    ('math.sqrt("4")', lambda: math.sqrt("4")),
    ('math.pow(1)', lambda: math.pow(1)),
    ('math.atan2(1, 2, 3)', lambda: math.atan2(1, 2, 3)),
    ('math.log()', lambda: math.log()),
    ('math.log(1, 2, 3)', lambda: math.log(1, 2, 3)),
    ('math.fsum()', lambda: math.fsum()),
    ('math.floor(1, 2)', lambda: math.floor(1, 2)),
    ('math.gamma()', lambda: math.gamma()),
    ('math.isqrt(-1)', lambda: math.isqrt(-1)),
    ('math.isqrt(2.0)', lambda: math.isqrt(2.0)),
    ('math.isqrt(10**50)', lambda: math.isqrt(10**50)),
    ('math.isqrt(99)', lambda: math.isqrt(99)),
    ('math.isqrt(True)', lambda: math.isqrt(True)),
    ('math.isqrt(0)', lambda: math.isqrt(0)),
    ('math.floor(1e300)', lambda: math.floor(1e300)),
    ('math.ceil(-2.5)', lambda: math.ceil(-2.5)),
    ('math.trunc(-2.5)', lambda: math.trunc(-2.5)),
    ('math.ceil(float("nan"))', lambda: math.ceil(float("nan"))),
    ('math.floor(float("inf"))', lambda: math.floor(float("inf"))),
    ('math.floor(7)', lambda: math.floor(7)),
    ('math.floor(True)', lambda: math.floor(True)),
    ('math.isclose(1, 1.0000000001)', lambda: math.isclose(1, 1.0000000001)),
    ('math.isclose(1, 2, rel_tol=-1)', lambda: math.isclose(1, 2, rel_tol=-1)),
    ('math.isclose(1)', lambda: math.isclose(1)),
    ('math.degrees(math.pi / 3)', lambda: math.degrees(math.pi / 3)),
    ('math.radians(57)', lambda: math.radians(57)),
]:
    try:
        print(text, '->', repr(f()))
    except Exception as e:
        print(text, '->', type(e).__name__ + ':', e)
#--- logs-of-big-ints
import math
for n in [10**400, 2**2000, 3**1000 + 1, 10**308, 2**1024 - 1, 2**1024]:
    print(math.log(n), math.log2(n), math.log10(n), math.log(n, 10), math.log(n, 2**70))
for f in [
    lambda: math.log(-10**400),
    lambda: math.log(0),
    lambda: math.sqrt(10**400),
    lambda: math.exp(10**400),
    lambda: math.log10(-5),
]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
#--- time-calendar-at-fixed-times
import time
print(time.gmtime(0))
print(time.gmtime(1.9), time.gmtime(-1.5))
t = time.gmtime(946728000)
print(t.tm_year, t[1], t.tm_wday, t.tm_yday, len(t), tuple(t))
print(time.strftime("%Y-%m-%d %H:%M:%S", t), time.strftime("%a %A %b %B %p %y %j %%", t))
print(time.asctime(time.gmtime(0)), time.asctime((2020, 1, 1, 0, 0, 0, 0, 1, 0)))
print(repr(time.strftime("", t)), time.strftime("%Y %m %d %j", (2020, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strftime("%Y", (2020, 1, 1, 0, 0, 0, -1, 1, 0)), time.strftime("%Y", (2020, 1, 1, 0, 0, 0, 7, 1, 0)))
for text, f in [
    ('time.gmtime("x")', lambda: time.gmtime("x")),
    ('time.strftime("%Y", (1, 2))', lambda: time.strftime("%Y", (1, 2))),
    ('time.strftime("%Y", [2020, 1, 1, 0, 0, 0, 0, 1, 0])', lambda: time.strftime("%Y", [2020, 1, 1, 0, 0, 0, 0, 1, 0])),
    ('time.strftime("%Y %m", (2020, 13, 1, 0, 0, 0, 0, 1, 0))', lambda: time.strftime("%Y %m", (2020, 13, 1, 0, 0, 0, 0, 1, 0))),
    ('time.strftime(1)', lambda: time.strftime(1)),
    ('time.strftime()', lambda: time.strftime()),
    ('time.strftime("%Y", (2020, 1, 1, 24, 0, 0, 0, 1, 0))', lambda: time.strftime("%Y", (2020, 1, 1, 24, 0, 0, 0, 1, 0))),
    ('time.strftime("%Y", (2020, 1, 1, 0, 0, 0, 0, 367, 0))', lambda: time.strftime("%Y", (2020, 1, 1, 0, 0, 0, 0, 367, 0))),
    ('time.strftime("%Y", (2020, 1, 1.5, 0, 0, 0, 0, 1, 0))', lambda: time.strftime("%Y", (2020, 1, 1.5, 0, 0, 0, 0, 1, 0))),
    ('time.strftime("%Y", (2020, 1, 1, 0, 0, 0, -2, 1, 0))', lambda: time.strftime("%Y", (2020, 1, 1, 0, 0, 0, -2, 1, 0))),
    ('time.gmtime(1e20)', lambda: time.gmtime(1e20)),
    ('time.time(1)', lambda: time.time(1)),
    ('time.sleep(-1)', lambda: time.sleep(-1)),
    ('time.sleep("1")', lambda: time.sleep("1")),
    ('time.clock_gettime(999)', lambda: time.clock_gettime(999)),
]:
    try:
        print(text, '->', repr(f()))
    except Exception as e:
        print(text, '->', type(e).__name__ + ':', e)
#--- time-clocks-move-forward
import time
a, b, c, d = time.monotonic(), time.perf_counter_ns(), time.process_time_ns(), time.thread_time()
s = sum(range(100000))
print(time.monotonic() >= a, time.perf_counter_ns() >= b, time.process_time_ns() >= c, time.thread_time() >= d)
print(type(time.monotonic_ns()).__name__, type(time.clock_gettime(time.CLOCK_MONOTONIC)).__name__, time.CLOCK_REALTIME, time.CLOCK_MONOTONIC)
print(abs(time.clock_gettime(time.CLOCK_REALTIME) - time.time()) < 5, time.clock_getres(time.CLOCK_MONOTONIC) > 0)
#--- builtin-function-names
import math
import time
xs = [1]
print(math.gamma.__name__, math.gamma.__qualname__, time.strftime.__name__, print.__name__, len.__qualname__)
print(xs.append.__name__, xs.append.__qualname__, str.lower.__name__, str.lower.__qualname__, 'a'.upper.__qualname__, {}.get.__qualname__)
for f in (math.sqrt, math.exp, math.gamma):
    print(f.__name__, f(2.0))
