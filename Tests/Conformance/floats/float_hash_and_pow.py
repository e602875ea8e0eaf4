# float hashing matches CPython's modular hash; float ** errors
for x in (0.5, 1.5, -2.25, 1e100, 1e-300, 0.1, -0.1, 3.0, -1.0, 2.0 ** 61, 1e22, float("inf"), float("-inf")):
    print(hash(x))
print(hash(2 ** 100) == hash(2.0 ** 100), hash(-(2 ** 70)) == hash(-(2.0 ** 70)), hash(2 ** 61 - 1), hash(-(2 ** 61)))
print({1.0: "a", 1: "b"}, {0.5: 1}[0.5], len({2 ** 64, 2.0 ** 64}))
try:
    print(10.0 ** 400)
except OverflowError as e:
    print("OverflowError", e)
print(2.0 ** -1074, (-8.0) ** 2, (-2.0) ** 3, 0.0 ** 0, float("inf") ** 2, 1.0 ** float("nan"))
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError")
