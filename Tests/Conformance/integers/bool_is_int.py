# bool is a subclass of int (CPython oracle: MicroPython bool is not an int subclass)
print(isinstance(True, int), issubclass(bool, int))
print(True + True, True * 3, -True, True << 3, True / 2)
print(sum([True, True, False]), [10, 20][True])
print(True == 1, False == 0, hash(True) == hash(1))
d = {1: "one"}
d[True] = "true"
print(d)
print(int.__add__(True, 2), str(True), repr(False))
