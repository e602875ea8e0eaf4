# ValueError from bad conversions and lookups
for thunk in (lambda: int("x"), lambda: float("1.2.3"), lambda: [1].index(2), lambda: "abc".index("z"),
              lambda: [].remove(1), lambda: int("10", 2) + int("2", 2), lambda: chr(-1)):
    try:
        thunk()
    except ValueError as e:
        print(type(e).__name__)
a, b = 1, 2
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("unpack", type(e).__name__)
