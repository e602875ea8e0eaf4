# An exception raised in finally replaces the active one
def f():
    try:
        raise KeyError("first")
    finally:
        raise ValueError("second")
try:
    f()
except Exception as e:
    print(type(e).__name__)
def g():
    try:
        raise KeyError("a")
    except KeyError:
        raise IndexError("b")
    finally:
        print("g finally")
try:
    g()
except IndexError as e:
    print("g raised", type(e).__name__)
except KeyError:
    print("not reached")
