# str() and repr() of built-in values
print(str(1), str(-2.5), str(True), str(None), str([1, "a"]), str((1,)), str(()))
print(repr([1, [2, (3,)]]), repr({"k": [1]}), repr(b"\x00a"), repr(bytearray(b"ab")))
print(str(10 ** 20), str(1e20), str(0.5), str(1 + 0j) if True else "")
print(int("12") + int(str(3)), float("1.5") * 2)
print(list(str(123)), str(range(3)) if True else "")
