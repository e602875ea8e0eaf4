# Exceptions as type and args: their repr differs between CPython and MicroPython.
def show(e):
    return 'None' if e is None else type(e).__name__ + repr(e.args)


def g():
    try:
        yield 1
    finally:
        yield "in-finally"
it = g()
next(it)
print(it.throw(ValueError) if False else next(it))
def inner():
    try:
        yield 1
    except GeneratorExit:
        print("inner GeneratorExit")
        raise
def outer():
    yield from inner()
it = outer(); next(it); it.close()
def sub():
    try:
        yield 1
    finally:
        raise KeyError("from sub finally")
def deleg():
    try:
        yield from sub()
    except KeyError as e:
        print("deleg saw", show(e), type(e.__context__).__name__)
        yield 2
it = deleg(); next(it)
print(it.throw(ValueError("v")))
def ret_in_try():
    try:
        yield 1
        return "r"
    finally:
        print("cleanup")
print(list(ret_in_try()))
def stop_value():
    return (yield)
it = stop_value(); next(it)
try:
    it.send(42)
except StopIteration as e:
    print(e.value, e.args)
def gen_throw_tb():
    try:
        yield
    except ValueError as e:
        yield "got " + str(e)
it = gen_throw_tb(); next(it)
print(it.throw(ValueError, ValueError("inst")))
def exhausted():
    yield 1
it = exhausted(); list(it)
try:
    it.throw(KeyError("after"))
except KeyError as e:
    print("exhausted throw propagates", e.args)
def not_started():
    try:
        yield 1
    finally:
        print("never printed")
it = not_started()
it.close()
try:
    it.throw(ValueError("ns"))
except ValueError:
    print("throw into closed gen raises")
def self_ref():
    yield next(me)
me = self_ref()
try:
    next(me)
except ValueError as e:
    print("ValueError running")
def ctx_in_gen():
    try:
        raise KeyError("k")
    except KeyError:
        yield 1
        raise ValueError("v")
try:
    for _ in ctx_in_gen():
        pass
except ValueError as e:
    print("ctx", show(e.__context__))
class Res:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n
    def __exit__(self, *a):
        print("exit", self.n, a[0].__name__ if a[0] else None)
        return False
def gen_with():
    with Res(1) as a, Res(2) as b:
        yield a + b
it = gen_with()
print(next(it))
it.close()
try:
    with Res(3), Res(4):
        raise KeyError
except KeyError:
    print("propagated through two")
class Sup:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        return t is KeyError
def sup_loop():
    out = []
    for i in range(3):
        with Sup():
            if i == 0:
                raise KeyError
            if i == 1:
                continue
            out.append(i)
    return out
print(sup_loop())
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise ValueError("exit raised")
def er():
    try:
        with ExitRaises():
            return "value"
    except ValueError as e:
        return "caught " + str(e)
print(er())
class EnterRaises:
    def __enter__(self):
        raise RuntimeError("enter")
    def __exit__(self, *a):
        print("exit should not run")
try:
    with EnterRaises():
        pass
except RuntimeError as e:
    print("enter raised", e)
def nested_fin():
    r = []
    try:
        try:
            return "inner"
        finally:
            r.append(1)
            try:
                raise KeyError
            except KeyError:
                r.append(2)
    finally:
        r.append(3)
        print(r)
print(nested_fin())
def break_in_finally_in_gen():
    for i in range(3):
        try:
            yield i
        finally:
            if i == 1:
                break
    yield "after"
print(list(break_in_finally_in_gen()))
def exc_var_shadow():
    e = "before"
    try:
        raise ValueError
    except ValueError as e:
        pass
    return "e" in dir()
print(exc_var_shadow())
def closure_over_exc():
    fs = []
    for ex in (ValueError, KeyError):
        try:
            raise ex("m")
        except Exception as err:
            saved = err
            fs.append(lambda: type(saved).__name__)
    return [f() for f in fs]
print(closure_over_exc())
def three_levels():
    x = 0
    def a():
        def b():
            def c():
                nonlocal x
                x += 1
            c(); c()
        b()
    a()
    return x
print(three_levels())
def nonlocal_in_class_method():
    count = 0
    class K:
        def inc(self):
            nonlocal count
            count += 1
            return count
    k = K(); k.inc(); k.inc()
    return count
print(nonlocal_in_class_method())
def class_sees_enclosing():
    v = "enclosing"
    class K:
        a = v
        b = [v for _ in range(1)]
    return K.a, K.b
print(class_sees_enclosing())
def late():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    i = 99
    return [f() for f in fs]
print(late())
def del_then_rebind():
    x = 1
    def get():
        return x
    del x
    x = 2
    return get()
print(del_then_rebind())
print(sorted(set("hello")), sorted({3, 1, 2}))
print((lambda: (yield))().__class__.__name__)
def genexp_in_class():
    class K:
        data = [1, 2]
        total = sum(x for x in data)
    return K.total
print(genexp_in_class())
