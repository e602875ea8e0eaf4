# throw() and close() are forwarded through yield from
def inner():
    try:
        yield 1
        yield 2
    except KeyError:
        print("inner caught KeyError")
        yield "inner recovered"
    finally:
        print("inner finally")
def outer():
    yield from inner()
    yield "outer continues"
g = outer()
print(next(g))
print(g.throw(KeyError))
print(next(g))
h = outer()
next(h)
h.close()
print("closed")
