# Unpacking with * and ** at call sites
def f(a, b, c, d=0):
    return [a, b, c, d]
args = [1, 2, 3]
print(f(*args))
print(f(*args, 4))
print(f(1, *[2, 3]))
print(f(*[1], *(2,), 3))
print(f(**{"a": 1, "b": 2, "c": 3}))
print(f(1, **{"c": 3}, b=2))
print(f(*"xy", **{"c": "z", "d": "w"}))
print(f(*range(3), **{}, d=9))
print(max(*[3, 8, 1]), min(*"bca"))
kw1 = {"a": 1}
kw2 = {"b": 2}
print(f(**kw1, **kw2, c=3))
print(*[1, 2], *"ab", sep="|")
