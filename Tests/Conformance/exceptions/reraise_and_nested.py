# Bare raise re-raises; nested handlers
def inner():
    try:
        raise ValueError("orig")
    except ValueError:
        print("inner handler")
        raise
try:
    inner()
except ValueError as e:
    print("outer got", e.args)
try:
    try:
        raise KeyError("a")
    except KeyError as e:
        try:
            raise IndexError("b")
        except IndexError:
            print("nested handled")
        raise
except KeyError as e:
    print("re-raised", type(e).__name__, e.args)
def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
    raise err
try:
    f()
except ZeroDivisionError:
    print("raised stored exception")
