# return in a generator sets StopIteration.value
def g():
    yield 1
    return "result"
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print("value", e.value)
def h():
    return 5
    yield
try:
    next(h())
except StopIteration as e:
    print("value", e.value)
def empty():
    yield from ()
    return None
try:
    next(empty())
except StopIteration as e:
    print("value", e.value)
