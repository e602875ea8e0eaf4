from functools import partial, reduce, wraps
import functools

def f(a, b, c=3, *, d=4):
    return (a, b, c, d)

p = partial(f, 1)
print(p(2), p(2, 5), p(2, d=9))
q = partial(f, 1, 2, d=7)
print(q(), q(c=0), q(d=8))
print(p.func is f, p.args, q.keywords)
print(partial(partial(f, 1), 2)(3))
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [1, 2, 3], 10))
print(reduce(lambda a, b: a + b, [], 0), reduce(lambda a, b: a + b, ['x']))
try:
    reduce(lambda a, b: a, [])
except TypeError:
    print('TypeError')

def deco(fn):
    @wraps(fn)
    def wrapper(*args, **kw):
        return fn(*args, **kw) + 1
    return wrapper

@deco
def inc(x):
    """Adds one."""
    return x + 1

print(inc(1), inc.__name__, inc.__doc__)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
