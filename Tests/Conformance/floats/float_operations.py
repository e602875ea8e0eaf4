# Basic float operations and conversions
print(7.0 / 2, 7.5 // 2, 7.5 % 2, -7.5 // 2, 2.0 ** 0.5)
print(0.1 * 3, 1.1 + 2.2, 3.0 - 2.9)
print(float(10), float("3.25"), float("-1e3"), float("  2.5 "))
print(int(2.999), round(2.4999), round(0.125, 2), round(1.23456, 3))
print(abs(-1.25), -(1.25), +1.25)
print(3.0 == 3, 3.5 > 3, 2.0 in [2], hash(2.0) == hash(2))
print(sum([0.1] * 10), 0.1 * 10)
print(1e308 * 10, -1e308 * 10)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(type(e).__name__)
try:
    float("abc")
except ValueError as e:
    print(type(e).__name__)
