# Keyword-only parameters after * or *args
def f(a, *, b, c=3):
    return a + b + c
print(f(1, b=2), f(1, b=2, c=10))
try:
    f(1, 2)
except TypeError as e:
    print(type(e).__name__)
try:
    f(1)
except TypeError as e:
    print(type(e).__name__)
def g(*args, sep="-"):
    return sep.join(str(a) for a in args)
print(g(1, 2, 3), g(1, 2, sep="+"))
def h(*, only):
    return only
print(h(only="yes"))
