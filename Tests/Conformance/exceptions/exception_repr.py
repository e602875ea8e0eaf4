# repr() and str() of exception instances (MicroPython oracle: the args tuple's repr,
# trailing comma and all, and a KeyError's str is its key's str, as on the boards)
print(repr(KeyError("k")), repr(ValueError("x")))
print(repr(ValueError(1, 2)), repr(ValueError()))
print(repr(StopIteration(3)), str(KeyError("k")), str(KeyError(1, 2)))
class MyErr(Exception):
    pass
print(repr(MyErr("m")))
