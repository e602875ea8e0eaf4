# Functions are first-class values with a __name__
def greet(name):
    return "hi " + name
f = greet
print(f("a"), f.__name__, callable(f), callable(3))
table = {"g": greet, "u": str.upper}
print(table["g"]("b"), table["u"]("c"))
def apply(fn, *a):
    return fn(*a)
print(apply(pow, 2, 10), apply(len, "abc"))
fs = [abs, str, bool]
print([fn(-1) for fn in fs])
def outer():
    def inner():
        pass
    return inner
print(outer().__name__)
