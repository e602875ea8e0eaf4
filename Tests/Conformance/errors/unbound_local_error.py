# Reading a local before assignment raises UnboundLocalError (CPython oracle:
# MicroPython raises NameError, as UnboundLocalError does not exist there)
def f():
    print(x)
    x = 1
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, isinstance(e, NameError))
def g():
    y = 1
    del y
    return y
try:
    g()
except NameError as e:
    print(type(e).__name__)
try:
    del never_bound_global
except NameError as e:
    print("del unbound global", type(e).__name__)
