def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = counter(); c(); print(c(5))
def gen(n):
    for i in range(n):
        yield i * i
    return "done"
print(list(gen(5)))
def deleg():
    r = yield from gen(3)
    print("r", r)
print(list(deleg()))
print(sum(x for x in range(10)))
G = 1
def setg():
    global G
    G += 1
setg(); print(G)
