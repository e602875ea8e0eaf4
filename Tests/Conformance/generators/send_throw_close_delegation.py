def g():
    try:
        x = yield 1
        print("got", x)
        y = yield 2
        print("got", y)
    finally:
        print("finally")
it = g()
print(next(it))
print(it.send("a"))
try:
    it.send("b")
except StopIteration as e:
    print("stop", e.value)

def g2():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", e)
        yield 99
    finally:
        print("g2 finally")
it = g2()
next(it)
print(it.throw(ValueError("boom")))
try:
    next(it)
except StopIteration:
    print("done")

def g3():
    try:
        yield 1
    finally:
        print("closing g3")
it = g3()
next(it)
it.close()
it.close()
print("closed twice ok")

def g4():
    try:
        yield 1
    except GeneratorExit:
        yield 2
it = g4()
next(it)
try:
    it.close()
except RuntimeError as e:
    print("RuntimeError", e)

def sub():
    x = yield "s1"
    print("sub got", x)
    return "subret"
def deleg():
    r = yield from sub()
    print("deleg got", r)
    yield "after"
it = deleg()
print(next(it))
print(it.send("val"))

def sub2():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("sub2 caught", type(e).__name__, e.args)
        yield "recovered"
    return 7
def deleg2():
    r = yield from sub2()
    yield ("r", r)
it = deleg2()
print(next(it))
print(it.throw(KeyError("k")))
print(next(it))

def sub3():
    try:
        yield 1
    finally:
        print("sub3 finally")
def deleg3():
    try:
        yield from sub3()
    finally:
        print("deleg3 finally")
it = deleg3()
next(it)
it.close()

def sub4():
    yield 1
def deleg4():
    try:
        yield from sub4()
    except ValueError:
        print("deleg4 caught")
        yield "x"
it = deleg4()
next(it)
print(it.throw(ValueError))

def gen_return():
    yield 1
    return 5
def collect():
    v = yield from gen_return()
    return v * 2
it = collect()
next(it)
try:
    next(it)
except StopIteration as e:
    print("value", e.value)

def g5():
    yield 1
it = g5()
try:
    it.send(5)
except TypeError as e:
    print("TypeError")

def g6():
    yield from [1, 2, 3]
    yield from "ab"
    yield from range(2)
print(list(g6()))

def running():
    yield it7.send(None) if False else 1
it7 = running()
print(next(it7))

def g8():
    x = 0
    while True:
        try:
            x = yield x
        except ValueError:
            x = -1
it = g8()
next(it)
print(it.send(5), it.throw(ValueError), it.send(3))

def g9():
    yield 1
    raise StopIteration
try:
    list(g9())
except RuntimeError as e:
    print("RuntimeError:", e)

def g10():
    try:
        yield 1
    finally:
        return "fin"
it = g10()
next(it)
try:
    it.throw(ValueError)
except StopIteration as e:
    print("swallowed", e.value)

gen = (1 / x for x in [1, 0])
try:
    list(gen)
except ZeroDivisionError:
    print("zde in genexp")

try:
    gen = (x for x in 5)
except TypeError:
    print("eager iter")

def g11():
    v = yield
    print("v", v)
it = g11()
print(it.send(None))
try:
    it.send(1)
except StopIteration:
    pass
print(it.gi_frame is None if hasattr(it, "gi_frame") else True)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])

def throw_instance():
    try:
        yield
    except Exception as e:
        yield type(e).__name__, str(e)
it = throw_instance()
next(it)
print(it.throw(TypeError("msg")))
it = throw_instance()
next(it)
print(it.throw(TypeError))
