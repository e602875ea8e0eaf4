# lambda expressions
sq = lambda x: x * x
print(sq(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print((lambda: "no args")())
print((lambda *a, **k: (a, sorted(k)))(1, 2, z=3))
print(sorted(["ccc", "a", "bb"], key=lambda s: len(s)))
print(list(map(lambda x: x + 1, [1, 2, 3])))
print(list(filter(lambda x: x % 2, range(10))))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, add)(2))
print((lambda x: (lambda y: x + y))(3)(4))
cond = lambda n: "pos" if n > 0 else "nonpos"
print(cond(1), cond(-1))
