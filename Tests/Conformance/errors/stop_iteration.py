# next() on an exhausted iterator raises StopIteration
it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__)
print(next(it, "default"))
def g():
    yield 1
gen = g()
next(gen)
try:
    next(gen)
except StopIteration as e:
    print(type(e).__name__, e.value)
try:
    next(iter({}))
except StopIteration as e:
    print(type(e).__name__)
