# Generators keep local state between resumptions; infinite generators
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out
print(take(5, fib()))
def pipeline(src):
    evens = (x for x in src if x % 2 == 0)
    sq = (x * x for x in evens)
    return sq
print(list(pipeline(range(10))))
def counter():
    i = 0
    while True:
        cmd = yield i
        i = 0 if cmd == "reset" else i + 1
c = counter()
print(next(c), next(c), next(c), c.send("reset"), next(c))
