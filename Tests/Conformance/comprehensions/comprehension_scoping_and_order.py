print([(x, y) for x in range(4) if x % 2 for y in range(x) if y != 1])
print({k: v for k, v in zip("cab", range(3))})
print({x % 3: x for x in range(10)})
d = {}
d["z"] = 1; d["a"] = 2; d["m"] = 3
del d["a"]; d["a"] = 4
print(d, list(d), {k: d[k] for k in d})
def gen():
    for i in range(5):
        yield i
print([x * x for x in gen() if x > 1])
print(sum(x for x in gen()), list(x for x in gen() if x % 2))
print([[y for y in range(x)] for x in range(4)])
print([y for x in range(4) for y in range(x)])
total = 0
print([total := total + x for x in range(5)], total)
def f():
    [(z := i) for i in range(3)]
    return z
print(f())
x = 10
lst = [x for x in range(3)]
print(x, lst)
print(sorted({x % 4 for x in range(10)}))
m = [[1, 2], [3, 4]]
print([row[i] for i in range(2) for row in m])
print([[row[i] for row in m] for i in range(2)])
it = iter(range(6))
print([(a, b) for a, b in zip(it, it)])
print({**{"a": 1}, "b": 2, **{"a": 3}})
print([*range(2), *"xy"], (*[1], 2), {*[1, 1]})
def scope():
    funcs = [lambda: i for i in range(3)]
    return [f() for f in funcs]
print(scope())
def gen_lazy():
    log = []
    g = (log.append(i) or i for i in range(3))
    log.append("created")
    next(g)
    return log
print(gen_lazy())
def first_iter_eager():
    try:
        g = (x for x in None)
    except TypeError:
        return "eager TypeError"
    return "lazy"
print(first_iter_eager())
def genexp_outer_binding():
    a = [1, 2]
    g = (x for x in a)
    a = [3, 4]
    return list(g)
print(genexp_outer_binding())
def cond_binding():
    n = 2
    g = (x for x in range(5) if x > n)
    n = 3
    return list(g)
print(cond_binding())
print([i for i in range(3) if i if i > 1])
print([a + b for a, b in [(1, 2), (3, 4)]])
print([(a, rest) for a, *rest in [(1, 2, 3), (4,)]])
print({i: [j for j in range(i)] for i in range(3)})
class C:
    n = 3
    vals = [i * 2 for i in range(n)]
print(C.vals)
print(list(map(lambda p: p[0] * p[1], enumerate("abc"))))
print(dict.fromkeys("bca", 0))
