# Unbounded recursion raises RecursionError (a RuntimeError)
def f():
    f()
try:
    f()
except RecursionError as e:
    print(type(e).__name__)
def g(n):
    return g(n + 1) + 1
try:
    g(0)
except RuntimeError as e:
    print(type(e).__name__, isinstance(e, RuntimeError))
def ok(n):
    return 0 if n == 0 else 1 + ok(n - 1)
print(ok(50))
