# float's special methods called directly
print(float.__add__(1.5, 2), float.__radd__(1.5, 2), float.__sub__(1.5, 2), float.__rsub__(1.5, 2))
print(float.__mul__(1.5, 2), float.__truediv__(3.0, 2), float.__rtruediv__(2.0, 3), float.__floordiv__(-7.5, 2))
print(float.__rfloordiv__(2.0, -7.5), float.__mod__(-7.5, 2), float.__rmod__(2.0, -7.5), float.__pow__(2.0, 10), float.__rpow__(2.0, 3))
print(float.__divmod__(7.5, 2), float.__rdivmod__(2.0, 7.5), float.__add__(1.0, "x"), float.__add__(1.0, 2 ** 60))
print(float.__eq__(1.0, 1), float.__ne__(1.0, 1), float.__lt__(1.5, 2 ** 70), float.__ge__(1e300, 10 ** 300), float.__eq__(1.0, "1"))
nan = float("nan")
print(float.__eq__(nan, nan), float.__ne__(nan, nan), float.__lt__(nan, 1), float.__eq__(2.0 ** 60, 2 ** 60 + 1))
print((2.7).__int__(), (-2.7).__int__(), (2.7).__trunc__(), (-2.7).__floor__(), (-2.7).__ceil__(), (2.5).__float__())
print((2.5).__round__(), (3.5).__round__(), (-0.5).__round__(), (2.675).__round__(2), (1.2345).__round__(3), (12345.678).__round__(-2))
print((1e300).__round__(-299), (0.5).__round__(0), (-1.5).__round__(None), (2.5).__neg__(), (-2.5).__abs__(), (0.0).__bool__())
print((1.5).__hash__() == hash(1.5), (2.0).__hash__() == hash(2), (1e20).__floor__(), type((2.0).__round__()).__name__)
for f in (lambda: float("inf").__floor__(), lambda: float("nan").__ceil__(), lambda: float("inf").__round__(), lambda: float.__truediv__(1.0, 0)):
    try:
        print(f())
    except (OverflowError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
