# A generator cannot be resumed after an exception escapes it
def bad():
    yield 1
    raise ValueError("inside")
g = bad()
print(next(g))
try:
    next(g)
except ValueError:
    print("ValueError escaped")
try:
    next(g)
except StopIteration:
    print("then StopIteration")
def stop_inside():
    yield 1
    raise StopIteration
s = stop_inside()
next(s)
try:
    next(s)
except RuntimeError as e:
    print("StopIteration inside generator becomes", type(e).__name__)
