# repr() of exception instances (CPython oracle: MicroPython keeps a trailing comma)
print(repr(KeyError("k")), repr(ValueError("x")))
print(repr(ValueError(1, 2)), repr(ValueError()))
print(repr(StopIteration(3)), str(KeyError("k")), str(KeyError(1, 2)))
class MyErr(Exception):
    pass
print(repr(MyErr("m")))
