# Shortest round-tripping float repr
for v in (0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 1e-7, 1e-4, 1e-5,
          123456789.0, 1.5, 100.0, 1e22, 1e100, 2.5e-10, 0.000123,
          3.141592653589793, 1.7976931348623157e308, 12345678901234567890.0):
    print(repr(v), str(v))
print(float("inf"), float("-inf"), -0.0, 0.0, float("nan"))
print(1e300 * 1e10, -1e300 * 1e10)
print(repr(1/7), 22/7, 10/4, 9.99)
