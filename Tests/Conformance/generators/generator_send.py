# send() delivers a value as the result of the yield expression
def accumulator():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
g = accumulator()
print(next(g))
print(g.send(5))
print(g.send(10))
try:
    g.send(None)
except StopIteration:
    print("done")
def echo():
    got = yield "ready"
    while True:
        got = yield "echo:" + str(got)
e = echo()
print(e.send(None), e.send(1), e.send("two"))
try:
    echo().send(5)
except TypeError as ex:
    print(type(ex).__name__)
