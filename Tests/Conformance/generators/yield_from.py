# yield from delegates to a sub-iterator and returns its value
def sub():
    x = yield "s1"
    print("sub got", x)
    yield "s2"
    return "sub-result"
def outer():
    r = yield from sub()
    print("outer got", r)
    yield from [10, 20]
    yield from range(2)
g = outer()
print(next(g))
print(g.send("hello"))
print(list(g))
def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", [1, 2], (x for x in (3,)))))
def tree(n):
    if n:
        yield n
        yield from tree(n - 1)
        yield from tree(n - 1)
print(list(tree(3)))
