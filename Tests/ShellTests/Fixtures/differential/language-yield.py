# Generators beyond `yield v`: the value of `yield from` (the inner generator's return value),
# gen.throw(ExcType, value), yields inside try/except/finally and with (what throw() and close()
# raise there, return/break/continue through finally), send() and throw() through `yield from`,
# StopIteration(value).value and exception args.
#--- yield-from-value
def inner():
    yield 1
    yield 2
    return 'done'
def outer():
    r = yield from inner()
    print('inner returned', r)
    yield r
print(list(outer()))
#--- yield-from-value-empty-inner
def inner():
    return 7
    yield
def outer():
    r = yield from inner()
    yield r * 2
print(list(outer()))
#--- yield-from-value-no-return
def inner():
    yield 'a'
def outer():
    r = yield from inner()
    yield r
print(list(outer()))
#--- yield-from-value-of-list
def outer():
    r = yield from [1, 2]
    yield r
print(list(outer()))
#--- yield-from-value-chained
def leaf(n):
    yield n
    return n * 10
def mid():
    a = yield from leaf(1)
    b = yield from leaf(2)
    return a + b
def top():
    total = yield from mid()
    yield ('total', total)
print(list(top()))
#--- yield-from-value-in-loop
def square(x):
    yield x
    return x * x
def gen():
    out = []
    for i in range(3):
        s = yield from square(i)
        out.append(s)
    yield out
print(list(gen()))
#--- return-value-not-yielded
def g():
    yield 1
    return 99
print(list(g()))
#--- throw-type-and-value
def g():
    yield 1
    yield 2
it = g()
_ = next(it)
try:
    it.throw(ValueError, 'bad value')
except ValueError as e:
    print('caught', repr(e))
print(list(it))
#--- throw-type-and-tuple
def g():
    yield 1
it = g()
_ = next(it)
try:
    it.throw(KeyError, ('a', 'b'))
except KeyError as e:
    print(e.args)
#--- throw-keyerror-value
def g():
    yield 1
it = g()
_ = next(it)
it.throw(KeyError, 'k')
#--- throw-type-value-uncaught
def g():
    yield 1
it = g()
_ = next(it)
it.throw(ValueError, 'boom')
#--- throw-type-none-value
def g():
    yield 1
it = g()
_ = next(it)
try:
    it.throw(TypeError, None)
except TypeError as e:
    print('caught', repr(e))
#--- throw-instance-with-value
def g():
    yield 1
it = g()
_ = next(it)
try:
    it.throw(ValueError('x'), 'y')
except TypeError as e:
    print(e)
#--- throw-user-class-and-value
class Stop(Exception):
    pass
def g():
    yield 1
it = g()
_ = next(it)
try:
    it.throw(Stop, 'halt')
except Stop as e:
    print('caught', type(e).__name__, e)
#--- throw-class-and-instance-value
def g():
    yield 1
it = g()
_ = next(it)
try:
    it.throw(ValueError, ValueError('same'))
except ValueError as e:
    print(repr(e))
#--- throw-three-arguments
def g():
    yield 1
it = g()
_ = next(it)
try:
    it.throw(ValueError, 'v', None)
except ValueError as e:
    print(repr(e))
#--- throw-bad-traceback
def g():
    yield 1
it = g()
_ = next(it)
try:
    it.throw(ValueError, 'v', 5)
except TypeError as e:
    print(e)
#--- throw-too-many
def g():
    yield 1
it = g()
try:
    it.throw(ValueError, 'v', None, 4)
except TypeError as e:
    print(e)
#--- yield-expression-plus-one
def g():
    y = (yield 1) + 1
    yield y
it = g()
print(next(it))
print(it.send(10))
#--- yield-bare-assignment
def g():
    x = yield
    yield x
it = g()
print(next(it))
print(it.send('sent'))
#--- yield-as-call-argument
def g():
    print('got', (yield 'ready'))
    yield 'end'
it = g()
print(next(it))
print(it.send(5))
#--- yield-in-try-finally
def g():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')
print(list(g()))
#--- yield-in-try-except
def g():
    try:
        yield 1
    except ValueError:
        yield 'handled'
it = g()
print(next(it))
print(it.throw(ValueError))
#--- yield-in-with
class Ctx:
    def __enter__(self):
        print('enter')
        return self
    def __exit__(self, *a):
        print('exit')
        return False
def g():
    with Ctx():
        yield 1
        yield 2
print(list(g()))
#--- try-finally-close-early
def g():
    try:
        for i in range(5):
            yield i
    finally:
        print('cleanup')
it = g()
print(next(it), next(it))
it.close()
print('closed')
print(list(it))
#--- try-except-error-in-body
def g():
    for x in [1, 0, 2]:
        try:
            yield 10 // x
        except ZeroDivisionError as e:
            print('caught', e)
            yield -1
print(list(g()))
#--- try-except-else-finally
def g():
    try:
        yield 'body'
    except KeyError:
        yield 'except'
    else:
        yield 'else'
    finally:
        yield 'finally'
    yield 'end'
print(list(g()))
#--- throw-caught-then-next
def g():
    while True:
        try:
            x = yield 'ready'
            print('got', x)
        except ValueError as e:
            print('recovered from', repr(e))
it = g()
print(next(it))
print(it.send(1))
print(it.throw(ValueError('bad')))
print(it.send(2))
#--- throw-not-matching-runs-finally
def g():
    try:
        try:
            yield 1
        except KeyError:
            print('wrong handler')
    finally:
        print('outer finally')
it = g()
_ = next(it)
try:
    it.throw(TypeError('t'))
except TypeError as e:
    print('out:', e)
print(next(it, 'done'))
#--- throw-caught-generator-ends
def g():
    try:
        yield 1
    except ValueError:
        return 'stopped'
it = g()
_ = next(it)
try:
    it.throw(ValueError)
except StopIteration as e:
    print('StopIteration', e.value, e.args)
#--- close-runs-with-exit
class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('enter', self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print('exit', self.name, t.__name__ if t else None)
        return False
def g():
    with Ctx('a') as a, Ctx('b') as b:
        yield a + b
        yield 'never'
it = g()
print(next(it))
it.close()
print('done')
#--- with-exit-swallows-error
class Quiet:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print('exit saw', t.__name__ if t else None)
        return True
def g():
    with Quiet():
        yield 1
        raise ValueError('hidden')
    yield 'after with'
print(list(g()))
#--- with-error-propagates
class Loud:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print('exit saw', t.__name__ if t else None, v)
        return False
def g():
    with Loud():
        yield 1
        int('x')
try:
    print(list(g()))
except ValueError as e:
    print('caught', e)
#--- close-catching-generatorexit-and-yielding
def g():
    try:
        yield 1
    except GeneratorExit:
        print('exiting')
        yield 2
it = g()
_ = next(it)
try:
    it.close()
except RuntimeError as e:
    print('RuntimeError', e)
#--- generatorexit-not-an-exception
def g():
    try:
        yield 1
    except Exception:
        print('should not catch')
    finally:
        print('finally')
it = g()
_ = next(it)
it.close()
print(issubclass(GeneratorExit, Exception), issubclass(GeneratorExit, BaseException))
#--- return-through-finally
def g():
    try:
        yield 1
        return 'r'
    finally:
        print('finally before return')
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print('value', e.value)
#--- break-continue-through-finally
def g():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            yield i
        finally:
            print('finally', i)
    yield 'end'
print(list(g()))
#--- finally-return-swallows-error
def g():
    try:
        yield 1
        raise ValueError('lost')
    finally:
        return 'from finally'
it = g()
_ = next(it)
try:
    next(it)
except StopIteration as e:
    print('value', e.value)
#--- bare-raise-in-handler-after-yield
def g():
    try:
        raise KeyError('k')
    except KeyError:
        yield 'in handler'
        raise
it = g()
print(next(it))
try:
    next(it)
except KeyError as e:
    print('reraised', e)
#--- yield-from-send-forwarded
def inner():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
def outer():
    result = yield from inner()
    print('inner returned', result)
    yield 'outer done'
it = outer()
print(next(it))
print(it.send(3))
print(it.send(4))
print(next(it))
#--- yield-from-throw-forwarded
def inner():
    try:
        yield 'inner 1'
    except ValueError:
        yield 'inner caught'
    return 'inner result'
def outer():
    r = yield from inner()
    yield 'outer got ' + r
it = outer()
print(next(it))
print(it.throw(ValueError))
print(next(it))
#--- yield-from-throw-uncaught-inner
def inner():
    yield 1
def outer():
    try:
        yield from inner()
    except KeyError as e:
        yield 'outer caught ' + str(e)
it = outer()
_ = next(it)
print(it.throw(KeyError('x')))
#--- yield-from-close-closes-inner
def inner():
    try:
        yield 1
    finally:
        print('inner finally')
def outer():
    try:
        yield from inner()
    finally:
        print('outer finally')
it = outer()
_ = next(it)
it.close()
print('closed')
#--- stopiteration-value-from-next
def g():
    yield 1
    return 42
it = g()
_ = next(it)
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args, repr(e))
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args)
#--- stopiteration-value-constructed
e = StopIteration(7)
print(e.value, e.args)
print(StopIteration().value)
#--- stopiteration-uncaught-value
def g():
    return 'v'
    yield
next(g())
#--- exception-args
try:
    raise ValueError(1, 'two')
except ValueError as e:
    print(e.args, str(e), repr(e))
try:
    raise KeyError('k')
except KeyError as e:
    print(e.args, str(e))
try:
    int('x')
except ValueError as e:
    print(e.args)
#--- send-value-through-yield-from-list
def g():
    yield from [1, 2]
it = g()
print(next(it), it.send(None), next(it, 'end'))
