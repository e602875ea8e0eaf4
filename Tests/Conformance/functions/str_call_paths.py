# str(x) of small ints (made by the interpreter itself), of bools, big ints,
# floats and objects with __str__, a subclass, and a str that is not the
# built-in class.


class Named:
    def __str__(self):
        return "named"


class MyStr(str):
    pass


values = [0, 7, -7, 10, 99, -100, 2 ** 46, 2 ** 47, -(2 ** 47), 2 ** 62, 2 ** 70, True, False, 1.5, None, Named(), "s"]
print([str(v) for v in values])
print(str(), str(b"ab", "ascii"), type(MyStr(5)).__name__, MyStr(5))
total = 0
for i in range(-50, 50):
    total += len(str(i * 12345))
print(total)


def shadowed():
    str = lambda x: "mine"
    return str(5)


print(shadowed())
