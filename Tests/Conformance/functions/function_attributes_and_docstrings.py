# __doc__, __qualname__, __defaults__ (CPython oracle: MicroPython lacks these attributes)
def f(a, b=2, *, c=3):
    "Doc of f."
    return a
print(f.__doc__)
print(f.__qualname__, f.__defaults__, f.__kwdefaults__)
class C:
    def m(self):
        """Method doc."""
    class Inner:
        def n(self): pass
print(C.m.__doc__, C.m.__qualname__, C.Inner.n.__qualname__)
print(f.__code__.co_argcount, f.__code__.co_name)
def g(): pass
print(g.__doc__)
g.attr = 5
print(g.attr)
