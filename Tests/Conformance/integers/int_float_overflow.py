# Huge ints meeting floats: exact true division, overflow errors
print(2 ** 1000 / 2 ** 999, 10 ** 30 / 7, (10 ** 400 + 1) / 10 ** 399, 1 / 3, -(2 ** 80) / 3)
print((2 ** 53 + 1) / 1, (2 ** 54 + 3) / 2, 10 ** 20 / 10 ** 19, float(2 ** 63), float(-(2 ** 64) - 1))
print(float(2 ** 1023), 2 ** 1023 * 1.0, 2 ** 60 + 0.5 == 2 ** 60, 2 ** 64 < 1e20, 10 ** 400 > 1e308)
for f in (lambda: float(10 ** 400), lambda: 10 ** 400 / 1, lambda: 10 ** 400 * 1.0, lambda: 1.0 + 10 ** 400,
          lambda: 10.0 ** 400, lambda: (2 ** 2000).__float__()):
    try:
        print(f())
    except OverflowError as e:
        print("OverflowError", e)
print(2 ** -1, 2 ** -1074 > 0, (-2) ** -3, 10 ** -2)
