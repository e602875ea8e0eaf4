# round(): correctly rounded decimal rounding of floats, half-to-even, negative ndigits
print(round(2.675, 2), round(1.2345, 3), round(1.23456, 3), round(0.125, 2), round(0.375, 2), round(2.5), round(0.5))
print(round(-1.5), round(-0.5), round(1234, -2), round(1250, -2), round(-1250, -2), round(1350, -2), round(5, 2))
print(round(12345.678, -2), round(0.1 + 0.2, 15), round(1e300, -299), round(123.456, 1), round(-123.456, -1), round(1.5, 0))
print(round(1e-320, 323), round(5e-324, 400), round(1.7976931348623157e308, -300), round(0.285, 2), round(1.005, 2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7, 1)).__name__, round(2 ** 70 + 1, -1))
try:
    round(1.7976931348623157e308, -308)
except OverflowError as e:
    print("OverflowError", e)
for v in (float("inf"), float("nan")):
    try:
        round(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(float("inf"), 2), round(float("nan"), 1))
