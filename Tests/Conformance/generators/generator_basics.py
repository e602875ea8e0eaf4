# Generator functions produce lazy iterators
def gen():
    print("start")
    yield 1
    print("middle")
    yield 2
    print("end")
g = gen()
print("created")
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration:
    print("stopped")
print(list(gen()))
def squares(n):
    for i in range(n):
        yield i * i
print(sum(squares(5)), list(squares(0)))
it = squares(3)
print(iter(it) is it)
