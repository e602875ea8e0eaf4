# Exceptions as type and args: their repr differs between CPython and MicroPython.
def show(e):
    return 'None' if e is None else type(e).__name__ + repr(e.args)


def f1():
    try:
        return "try"
    finally:
        return "finally"
print(f1())

def f2():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("fin", i)
    return i
print(f2())

def f3():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError:
            if i == 0:
                continue
            break
        finally:
            print("f3 fin", i)
    return i
print(f3())

def f4():
    while True:
        try:
            raise KeyError("x")
        finally:
            break
    return "swallowed by break"
print(f4())

def f5():
    for i in range(2):
        try:
            raise KeyError("x")
        finally:
            continue
    return "swallowed by continue"
print(f5())

def f6():
    try:
        try:
            raise ValueError("inner")
        except ValueError:
            raise TypeError("outer")
    except TypeError as e:
        return type(e.__context__).__name__, str(e.__context__), e.__cause__, e.__suppress_context__
print(f6())

def f7():
    try:
        try:
            raise ValueError("inner")
        except ValueError as v:
            raise TypeError("outer") from v
    except TypeError as e:
        return show(e.__cause__), e.__suppress_context__, e.__context__ is e.__cause__
print(f7())

def f8():
    try:
        try:
            raise ValueError("inner")
        except ValueError:
            raise TypeError("outer") from None
    except TypeError as e:
        return e.__cause__, e.__suppress_context__, type(e.__context__).__name__
print(f8())

def f9():
    try:
        try:
            raise ValueError("a")
        except ValueError:
            try:
                raise KeyError("b")
            except KeyError:
                pass
            raise
    except ValueError as e:
        return "re-raised " + str(e)
print(f9())

def f10():
    try:
        try:
            raise ValueError("a")
        except ValueError:
            try:
                raise KeyError("b")
            except KeyError:
                raise
    except KeyError as e:
        return "inner reraise " + show(e) + " ctx=" + show(e.__context__)
print(f10())

class CM:
    def __init__(self, suppress, raise_in_exit=False):
        self.suppress = suppress
        self.raise_in_exit = raise_in_exit
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        if self.raise_in_exit:
            raise RuntimeError("from exit")
        return self.suppress

with CM(True):
    raise ValueError("suppressed")
print("after suppressed")
try:
    with CM(False):
        raise ValueError("not suppressed")
except ValueError as e:
    print("propagated", e)
try:
    with CM(False, True):
        raise ValueError("orig")
except RuntimeError as e:
    print("exit raised", e, "ctx", show(e.__context__))

def f11():
    with CM(True):
        return "returned from with"
print(f11())

def f12():
    for i in range(3):
        with CM(True):
            if i == 1:
                break
            raise KeyError(i)
    return i
print(f12())

def f13():
    try:
        raise ValueError
    except ValueError:
        try:
            return "from except"
        finally:
            print("inner finally runs")
    finally:
        print("outer finally runs")
print(f13())

def f14():
    try:
        1/0
    except ZeroDivisionError:
        return "except-ret"
    finally:
        return "finally-override"
print(f14())

def f15():
    x = []
    try:
        x.append(1)
        return x
    finally:
        x.append(2)
print(f15())

def f16():
    try:
        raise ValueError("v")
    finally:
        print("f16 fin")
try:
    f16()
except ValueError as e:
    print("f16 raised", e)

try:
    try:
        raise ValueError("first")
    finally:
        raise KeyError("second")
except KeyError as e:
    print("finally exc ctx:", show(e.__context__))

def ctx_in_handler():
    try:
        raise ValueError(1)
    except ValueError:
        try:
            raise TypeError(2)
        except TypeError as t:
            return show(t.__context__)
print(ctx_in_handler())

import sys
def exc_info_restore():
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise KeyError("inner")
        except KeyError:
            pass
        return show(sys.exc_info()[1])
print(exc_info_restore())
print(sys.exc_info())

class MyErr(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
try:
    raise MyErr("x", 2)
except MyErr as e:
    print(e.args, e.b, str(e))

try:
    raise Exception("a", "b")
except Exception as e:
    print(str(e), show(e))

def gen_exc():
    try:
        return list(int(x) for x in ["1", "z"])
    except ValueError as e:
        return "genexp: " + str(e)
print(gen_exc())

def raise_in_finally_after_return():
    try:
        return 1
    finally:
        try:
            raise ValueError
        except ValueError:
            pass
print(raise_in_finally_after_return())

def loop_exc():
    out = []
    for i in range(4):
        try:
            try:
                if i % 2:
                    raise ValueError(i)
                out.append(("ok", i))
            finally:
                out.append(("fin", i))
        except ValueError as e:
            out.append(("caught", e.args[0]))
            continue
        out.append(("end", i))
    return out
print(loop_exc())

try:
    raise
except RuntimeError as e:
    print("bare raise no active:", type(e).__name__)

def chained_cause_nonexc():
    try:
        raise ValueError from 5
    except TypeError as e:
        return "TypeError"
print(chained_cause_nonexc())

try:
    raise ValueError from KeyError
except ValueError as e:
    print(show(e.__cause__))
