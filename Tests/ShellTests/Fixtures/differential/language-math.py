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
try:
    print('math.sqrt(-1)', '->', repr(math.sqrt(-1)))
except Exception as e:
    print('math.sqrt(-1)', '->', type(e).__name__ + ':', e)
try:
    print('math.log(0)', '->', repr(math.log(0)))
except Exception as e:
    print('math.log(0)', '->', type(e).__name__ + ':', e)
try:
    print('math.log(-1.5)', '->', repr(math.log(-1.5)))
except Exception as e:
    print('math.log(-1.5)', '->', type(e).__name__ + ':', e)
try:
    print('math.log(2, 1)', '->', repr(math.log(2, 1)))
except Exception as e:
    print('math.log(2, 1)', '->', type(e).__name__ + ':', e)
try:
    print('math.log(10, 0.0)', '->', repr(math.log(10, 0.0)))
except Exception as e:
    print('math.log(10, 0.0)', '->', type(e).__name__ + ':', e)
try:
    print('math.exp(1000)', '->', repr(math.exp(1000)))
except Exception as e:
    print('math.exp(1000)', '->', type(e).__name__ + ':', e)
try:
    print('math.sinh(1000)', '->', repr(math.sinh(1000)))
except Exception as e:
    print('math.sinh(1000)', '->', type(e).__name__ + ':', e)
try:
    print('math.cosh(-1000)', '->', repr(math.cosh(-1000)))
except Exception as e:
    print('math.cosh(-1000)', '->', type(e).__name__ + ':', e)
try:
    print('math.atanh(1)', '->', repr(math.atanh(1)))
except Exception as e:
    print('math.atanh(1)', '->', type(e).__name__ + ':', e)
try:
    print('math.acosh(0.5)', '->', repr(math.acosh(0.5)))
except Exception as e:
    print('math.acosh(0.5)', '->', type(e).__name__ + ':', e)
try:
    print('math.asin(2)', '->', repr(math.asin(2)))
except Exception as e:
    print('math.asin(2)', '->', type(e).__name__ + ':', e)
try:
    print('math.sin(float("inf"))', '->', repr(math.sin(float("inf"))))
except Exception as e:
    print('math.sin(float("inf"))', '->', type(e).__name__ + ':', e)
try:
    print('math.tan(float("-inf"))', '->', repr(math.tan(float("-inf"))))
except Exception as e:
    print('math.tan(float("-inf"))', '->', type(e).__name__ + ':', e)
try:
    print('math.log1p(-1)', '->', repr(math.log1p(-1)))
except Exception as e:
    print('math.log1p(-1)', '->', type(e).__name__ + ':', e)
try:
    print('math.exp2(2000)', '->', repr(math.exp2(2000)))
except Exception as e:
    print('math.exp2(2000)', '->', type(e).__name__ + ':', e)
try:
    print('math.expm1(800)', '->', repr(math.expm1(800)))
except Exception as e:
    print('math.expm1(800)', '->', type(e).__name__ + ':', e)
try:
    print('math.pow(0, -1)', '->', repr(math.pow(0, -1)))
except Exception as e:
    print('math.pow(0, -1)', '->', type(e).__name__ + ':', e)
try:
    print('math.pow(10, 400)', '->', repr(math.pow(10, 400)))
except Exception as e:
    print('math.pow(10, 400)', '->', type(e).__name__ + ':', e)
try:
    print('math.pow(-8, 1/3)', '->', repr(math.pow(-8, 1/3)))
except Exception as e:
    print('math.pow(-8, 1/3)', '->', type(e).__name__ + ':', e)
try:
    print('math.pow(float("inf"), -3)', '->', repr(math.pow(float("inf"), -3)))
except Exception as e:
    print('math.pow(float("inf"), -3)', '->', type(e).__name__ + ':', e)
try:
    print('math.pow(-float("inf"), 3)', '->', repr(math.pow(-float("inf"), 3)))
except Exception as e:
    print('math.pow(-float("inf"), 3)', '->', type(e).__name__ + ':', e)
try:
    print('math.pow(0.5, float("-inf"))', '->', repr(math.pow(0.5, float("-inf"))))
except Exception as e:
    print('math.pow(0.5, float("-inf"))', '->', type(e).__name__ + ':', e)
try:
    print('math.pow(float("nan"), 0)', '->', repr(math.pow(float("nan"), 0)))
except Exception as e:
    print('math.pow(float("nan"), 0)', '->', type(e).__name__ + ':', e)
try:
    print('math.pow(1, float("nan"))', '->', repr(math.pow(1, float("nan"))))
except Exception as e:
    print('math.pow(1, float("nan"))', '->', type(e).__name__ + ':', e)
try:
    print('math.fmod(1, 0)', '->', repr(math.fmod(1, 0)))
except Exception as e:
    print('math.fmod(1, 0)', '->', type(e).__name__ + ':', e)
try:
    print('math.fmod(float("inf"), 1)', '->', repr(math.fmod(float("inf"), 1)))
except Exception as e:
    print('math.fmod(float("inf"), 1)', '->', type(e).__name__ + ':', e)
try:
    print('math.fmod(5.5, float("inf"))', '->', repr(math.fmod(5.5, float("inf"))))
except Exception as e:
    print('math.fmod(5.5, float("inf"))', '->', type(e).__name__ + ':', e)
try:
    print('math.fmod(-7, 3)', '->', repr(math.fmod(-7, 3)))
except Exception as e:
    print('math.fmod(-7, 3)', '->', type(e).__name__ + ':', e)
try:
    print('math.remainder(1, 0)', '->', repr(math.remainder(1, 0)))
except Exception as e:
    print('math.remainder(1, 0)', '->', type(e).__name__ + ':', e)
try:
    print('math.remainder(7, 4)', '->', repr(math.remainder(7, 4)))
except Exception as e:
    print('math.remainder(7, 4)', '->', type(e).__name__ + ':', e)
try:
    print('math.remainder(float("inf"), 2)', '->', repr(math.remainder(float("inf"), 2)))
except Exception as e:
    print('math.remainder(float("inf"), 2)', '->', type(e).__name__ + ':', e)
try:
    print('math.ldexp(1.0, 10**30)', '->', repr(math.ldexp(1.0, 10**30)))
except Exception as e:
    print('math.ldexp(1.0, 10**30)', '->', type(e).__name__ + ':', e)
try:
    print('math.ldexp(1.0, -10**30)', '->', repr(math.ldexp(1.0, -10**30)))
except Exception as e:
    print('math.ldexp(1.0, -10**30)', '->', type(e).__name__ + ':', e)
try:
    print('math.ldexp(3.5, 4)', '->', repr(math.ldexp(3.5, 4)))
except Exception as e:
    print('math.ldexp(3.5, 4)', '->', type(e).__name__ + ':', e)
try:
    print('math.ldexp(1.0, 2.0)', '->', repr(math.ldexp(1.0, 2.0)))
except Exception as e:
    print('math.ldexp(1.0, 2.0)', '->', type(e).__name__ + ':', e)
try:
    print('math.frexp(-3.0)', '->', repr(math.frexp(-3.0)))
except Exception as e:
    print('math.frexp(-3.0)', '->', type(e).__name__ + ':', e)
try:
    print('math.frexp(5e-324)', '->', repr(math.frexp(5e-324)))
except Exception as e:
    print('math.frexp(5e-324)', '->', type(e).__name__ + ':', e)
try:
    print('math.frexp(0.0)', '->', repr(math.frexp(0.0)))
except Exception as e:
    print('math.frexp(0.0)', '->', type(e).__name__ + ':', e)
try:
    print('math.frexp(float("inf"))', '->', repr(math.frexp(float("inf"))))
except Exception as e:
    print('math.frexp(float("inf"))', '->', type(e).__name__ + ':', e)
try:
    print('math.modf(-3.5)', '->', repr(math.modf(-3.5)))
except Exception as e:
    print('math.modf(-3.5)', '->', type(e).__name__ + ':', e)
try:
    print('math.modf(float("-inf"))', '->', repr(math.modf(float("-inf"))))
except Exception as e:
    print('math.modf(float("-inf"))', '->', type(e).__name__ + ':', e)
try:
    print('math.modf(2.0)', '->', repr(math.modf(2.0)))
except Exception as e:
    print('math.modf(2.0)', '->', type(e).__name__ + ':', e)
try:
    print('math.nextafter(1.7976931348623157e308, math.inf)', '->', repr(math.nextafter(1.7976931348623157e308, math.inf)))
except Exception as e:
    print('math.nextafter(1.7976931348623157e308, math.inf)', '->', type(e).__name__ + ':', e)
try:
    print('math.nextafter(1.0, 2.0)', '->', repr(math.nextafter(1.0, 2.0)))
except Exception as e:
    print('math.nextafter(1.0, 2.0)', '->', type(e).__name__ + ':', e)
try:
    print('math.nextafter(0.0, -1.0)', '->', repr(math.nextafter(0.0, -1.0)))
except Exception as e:
    print('math.nextafter(0.0, -1.0)', '->', type(e).__name__ + ':', e)
try:
    print('math.ulp(-1.0)', '->', repr(math.ulp(-1.0)))
except Exception as e:
    print('math.ulp(-1.0)', '->', type(e).__name__ + ':', e)
try:
    print('math.ulp(float("inf"))', '->', repr(math.ulp(float("inf"))))
except Exception as e:
    print('math.ulp(float("inf"))', '->', type(e).__name__ + ':', e)
try:
    print('math.ulp(0.0)', '->', repr(math.ulp(0.0)))
except Exception as e:
    print('math.ulp(0.0)', '->', type(e).__name__ + ':', e)
try:
    print('math.ulp(1.7976931348623157e308)', '->', repr(math.ulp(1.7976931348623157e308)))
except Exception as e:
    print('math.ulp(1.7976931348623157e308)', '->', type(e).__name__ + ':', e)
try:
    print('math.copysign(3, -0.0)', '->', repr(math.copysign(3, -0.0)))
except Exception as e:
    print('math.copysign(3, -0.0)', '->', type(e).__name__ + ':', e)
try:
    print('math.atan2(-0.0, -1)', '->', repr(math.atan2(-0.0, -1)))
except Exception as e:
    print('math.atan2(-0.0, -1)', '->', type(e).__name__ + ':', e)
try:
    print('math.sqrt()', '->', repr(math.sqrt()))
except Exception as e:
    print('math.sqrt()', '->', type(e).__name__ + ':', e)
try:
    print('math.sqrt(1, 2)', '->', repr(math.sqrt(1, 2)))
except Exception as e:
    print('math.sqrt(1, 2)', '->', type(e).__name__ + ':', e)
try:
    print('math.sqrt(x=1)', '->', repr(math.sqrt(x=1)))
except Exception as e:
    print('math.sqrt(x=1)', '->', type(e).__name__ + ':', e)
try:
    print('math.sqrt("4")', '->', repr(math.sqrt("4")))
except Exception as e:
    print('math.sqrt("4")', '->', type(e).__name__ + ':', e)
try:
    print('math.pow(1)', '->', repr(math.pow(1)))
except Exception as e:
    print('math.pow(1)', '->', type(e).__name__ + ':', e)
try:
    print('math.atan2(1, 2, 3)', '->', repr(math.atan2(1, 2, 3)))
except Exception as e:
    print('math.atan2(1, 2, 3)', '->', type(e).__name__ + ':', e)
try:
    print('math.log()', '->', repr(math.log()))
except Exception as e:
    print('math.log()', '->', type(e).__name__ + ':', e)
try:
    print('math.log(1, 2, 3)', '->', repr(math.log(1, 2, 3)))
except Exception as e:
    print('math.log(1, 2, 3)', '->', type(e).__name__ + ':', e)
try:
    print('math.fsum()', '->', repr(math.fsum()))
except Exception as e:
    print('math.fsum()', '->', type(e).__name__ + ':', e)
try:
    print('math.floor(1, 2)', '->', repr(math.floor(1, 2)))
except Exception as e:
    print('math.floor(1, 2)', '->', type(e).__name__ + ':', e)
try:
    print('math.gamma()', '->', repr(math.gamma()))
except Exception as e:
    print('math.gamma()', '->', type(e).__name__ + ':', e)
try:
    print('math.isqrt(-1)', '->', repr(math.isqrt(-1)))
except Exception as e:
    print('math.isqrt(-1)', '->', type(e).__name__ + ':', e)
try:
    print('math.isqrt(2.0)', '->', repr(math.isqrt(2.0)))
except Exception as e:
    print('math.isqrt(2.0)', '->', type(e).__name__ + ':', e)
try:
    print('math.isqrt(10**50)', '->', repr(math.isqrt(10**50)))
except Exception as e:
    print('math.isqrt(10**50)', '->', type(e).__name__ + ':', e)
try:
    print('math.isqrt(99)', '->', repr(math.isqrt(99)))
except Exception as e:
    print('math.isqrt(99)', '->', type(e).__name__ + ':', e)
try:
    print('math.isqrt(True)', '->', repr(math.isqrt(True)))
except Exception as e:
    print('math.isqrt(True)', '->', type(e).__name__ + ':', e)
try:
    print('math.isqrt(0)', '->', repr(math.isqrt(0)))
except Exception as e:
    print('math.isqrt(0)', '->', type(e).__name__ + ':', e)
try:
    print('math.floor(1e300)', '->', repr(math.floor(1e300)))
except Exception as e:
    print('math.floor(1e300)', '->', type(e).__name__ + ':', e)
try:
    print('math.ceil(-2.5)', '->', repr(math.ceil(-2.5)))
except Exception as e:
    print('math.ceil(-2.5)', '->', type(e).__name__ + ':', e)
try:
    print('math.trunc(-2.5)', '->', repr(math.trunc(-2.5)))
except Exception as e:
    print('math.trunc(-2.5)', '->', type(e).__name__ + ':', e)
try:
    print('math.ceil(float("nan"))', '->', repr(math.ceil(float("nan"))))
except Exception as e:
    print('math.ceil(float("nan"))', '->', type(e).__name__ + ':', e)
try:
    print('math.floor(float("inf"))', '->', repr(math.floor(float("inf"))))
except Exception as e:
    print('math.floor(float("inf"))', '->', type(e).__name__ + ':', e)
try:
    print('math.floor(7)', '->', repr(math.floor(7)))
except Exception as e:
    print('math.floor(7)', '->', type(e).__name__ + ':', e)
try:
    print('math.floor(True)', '->', repr(math.floor(True)))
except Exception as e:
    print('math.floor(True)', '->', type(e).__name__ + ':', e)
try:
    print('math.isclose(1, 1.0000000001)', '->', repr(math.isclose(1, 1.0000000001)))
except Exception as e:
    print('math.isclose(1, 1.0000000001)', '->', type(e).__name__ + ':', e)
try:
    print('math.isclose(1, 2, rel_tol=-1)', '->', repr(math.isclose(1, 2, rel_tol=-1)))
except Exception as e:
    print('math.isclose(1, 2, rel_tol=-1)', '->', type(e).__name__ + ':', e)
try:
    print('math.isclose(1)', '->', repr(math.isclose(1)))
except Exception as e:
    print('math.isclose(1)', '->', type(e).__name__ + ':', e)
try:
    print('math.degrees(math.pi / 3)', '->', repr(math.degrees(math.pi / 3)))
except Exception as e:
    print('math.degrees(math.pi / 3)', '->', type(e).__name__ + ':', e)
try:
    print('math.radians(57)', '->', repr(math.radians(57)))
except Exception as e:
    print('math.radians(57)', '->', type(e).__name__ + ':', e)
#--- logs-of-big-ints
import math
for n in [10**400, 2**2000, 3**1000 + 1, 10**308, 2**1024 - 1, 2**1024]:
    print(math.log(n), math.log2(n), math.log10(n), math.log(n, 10), math.log(n, 2**70))
try:
    print(math.log(-10**400))
except Exception as e:
    print(type(e).__name__ + ':', e)
try:
    print(math.log(0))
except Exception as e:
    print(type(e).__name__ + ':', e)
try:
    print(math.sqrt(10**400))
except Exception as e:
    print(type(e).__name__ + ':', e)
try:
    print(math.exp(10**400))
except Exception as e:
    print(type(e).__name__ + ':', e)
try:
    print(math.log10(-5))
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
try:
    print('time.gmtime("x")', '->', repr(time.gmtime("x")))
except Exception as e:
    print('time.gmtime("x")', '->', type(e).__name__ + ':', e)
try:
    print('time.strftime("%Y", (1, 2))', '->', repr(time.strftime("%Y", (1, 2))))
except Exception as e:
    print('time.strftime("%Y", (1, 2))', '->', type(e).__name__ + ':', e)
try:
    print('time.strftime("%Y", [2020, 1, 1, 0, 0, 0, 0, 1, 0])', '->', repr(time.strftime("%Y", [2020, 1, 1, 0, 0, 0, 0, 1, 0])))
except Exception as e:
    print('time.strftime("%Y", [2020, 1, 1, 0, 0, 0, 0, 1, 0])', '->', type(e).__name__ + ':', e)
try:
    print('time.strftime("%Y %m", (2020, 13, 1, 0, 0, 0, 0, 1, 0))', '->', repr(time.strftime("%Y %m", (2020, 13, 1, 0, 0, 0, 0, 1, 0))))
except Exception as e:
    print('time.strftime("%Y %m", (2020, 13, 1, 0, 0, 0, 0, 1, 0))', '->', type(e).__name__ + ':', e)
try:
    print('time.strftime(1)', '->', repr(time.strftime(1)))
except Exception as e:
    print('time.strftime(1)', '->', type(e).__name__ + ':', e)
try:
    print('time.strftime()', '->', repr(time.strftime()))
except Exception as e:
    print('time.strftime()', '->', type(e).__name__ + ':', e)
try:
    print('time.strftime("%Y", (2020, 1, 1, 24, 0, 0, 0, 1, 0))', '->', repr(time.strftime("%Y", (2020, 1, 1, 24, 0, 0, 0, 1, 0))))
except Exception as e:
    print('time.strftime("%Y", (2020, 1, 1, 24, 0, 0, 0, 1, 0))', '->', type(e).__name__ + ':', e)
try:
    print('time.strftime("%Y", (2020, 1, 1, 0, 0, 0, 0, 367, 0))', '->', repr(time.strftime("%Y", (2020, 1, 1, 0, 0, 0, 0, 367, 0))))
except Exception as e:
    print('time.strftime("%Y", (2020, 1, 1, 0, 0, 0, 0, 367, 0))', '->', type(e).__name__ + ':', e)
try:
    print('time.strftime("%Y", (2020, 1, 1.5, 0, 0, 0, 0, 1, 0))', '->', repr(time.strftime("%Y", (2020, 1, 1.5, 0, 0, 0, 0, 1, 0))))
except Exception as e:
    print('time.strftime("%Y", (2020, 1, 1.5, 0, 0, 0, 0, 1, 0))', '->', type(e).__name__ + ':', e)
try:
    print('time.strftime("%Y", (2020, 1, 1, 0, 0, 0, -2, 1, 0))', '->', repr(time.strftime("%Y", (2020, 1, 1, 0, 0, 0, -2, 1, 0))))
except Exception as e:
    print('time.strftime("%Y", (2020, 1, 1, 0, 0, 0, -2, 1, 0))', '->', type(e).__name__ + ':', e)
try:
    print('time.gmtime(1e20)', '->', repr(time.gmtime(1e20)))
except Exception as e:
    print('time.gmtime(1e20)', '->', type(e).__name__ + ':', e)
try:
    print('time.time(1)', '->', repr(time.time(1)))
except Exception as e:
    print('time.time(1)', '->', type(e).__name__ + ':', e)
try:
    print('time.sleep(-1)', '->', repr(time.sleep(-1)))
except Exception as e:
    print('time.sleep(-1)', '->', type(e).__name__ + ':', e)
try:
    print('time.sleep("1")', '->', repr(time.sleep("1")))
except Exception as e:
    print('time.sleep("1")', '->', type(e).__name__ + ':', e)
try:
    print('time.clock_gettime(999)', '->', repr(time.clock_gettime(999)))
except Exception as e:
    print('time.clock_gettime(999)', '->', type(e).__name__ + ':', e)
#--- time-clocks-move-forward
import time
a, b, c, d = time.monotonic(), time.perf_counter_ns(), time.process_time_ns(), time.thread_time()
s = sum(range(100000))
print(time.monotonic() >= a, time.perf_counter_ns() >= b, time.process_time_ns() >= c, time.thread_time() >= d)
print(type(time.monotonic_ns()).__name__, type(time.clock_gettime(time.CLOCK_MONOTONIC)).__name__, time.CLOCK_REALTIME, time.CLOCK_MONOTONIC)
print(abs(time.clock_gettime(time.CLOCK_REALTIME) - time.time()) < 5, time.clock_getres(time.CLOCK_MONOTONIC) > 0)
