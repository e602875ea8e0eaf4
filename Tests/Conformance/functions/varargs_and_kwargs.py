# *args and **kwargs collection
def f(*args):
    return args
print(f(), f(1), f(1, 2, 3), type(f()).__name__)
def g(**kw):
    return sorted(kw.items())
print(g(), g(a=1, b=2))
def h(a, *rest, **opts):
    return a, rest, sorted(opts.items())
print(h(1))
print(h(1, 2, 3, x=4))
def both(*a, **k):
    return len(a), len(k)
print(both(*range(5), **{"p": 1, "q": 2}))
def first(x, *_):
    return x
print(first(9, 8, 7))
