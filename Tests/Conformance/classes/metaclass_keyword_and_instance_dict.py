# metaclass= keyword, writable __dict__, nested isinstance tuples, bound __self__
# (CPython oracle: MicroPython lacks these)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tagged"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class A(metaclass=Meta):
    pass
class B(A):
    pass
print(A.tagged, B.tagged, type(B).__name__)
class P:
    def m(self):
        return 1
p = P()
p.__dict__["c"] = 3
print(p.c, p.m.__self__ is p, p.m.__func__ is P.m)
print(isinstance(3.0, (int, (float, str))))
print(isinstance(True, int), issubclass(bool, int), True + 1)
