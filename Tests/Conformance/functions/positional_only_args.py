# Positional-only parameters before /
def f(a, b, /, c, *, d):
    return a, b, c, d
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4))
try:
    f(a=1, b=2, c=3, d=4)
except TypeError as e:
    print(type(e).__name__)
def g(x, /, **kw):
    return x, sorted(kw)
print(g(1, x=2))
def h(a, b=5, /):
    return a * b
print(h(2), h(2, 3))
