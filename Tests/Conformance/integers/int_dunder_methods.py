# int's special methods called directly, NotImplemented for other operand types
print(int.__add__(1, 2), int.__radd__(1, 2), int.__sub__(10, 3), int.__rsub__(10, 3))
print(int.__mul__(6, 7), int.__rmul__(6, 7), int.__truediv__(7, 2), int.__rtruediv__(2, 7))
print(int.__floordiv__(-7, 2), int.__rfloordiv__(2, -7), int.__mod__(-7, 2), int.__rmod__(2, -7))
print(int.__pow__(2, 10), int.__rpow__(10, 2), int.__pow__(2, -1), int.__pow__(3, 4, 5), int.__pow__(3, -1, 7))
print(int.__lshift__(1, 5), int.__rlshift__(5, 1), int.__rshift__(-9, 1), int.__rrshift__(1, -9))
print(int.__and__(12, 10), int.__rand__(12, 10), int.__or__(12, 10), int.__ror__(12, 10), int.__xor__(12, 10), int.__rxor__(12, 10))
print(int.__divmod__(-7, 2), int.__rdivmod__(2, -7), (2 ** 70).__divmod__(3))
print(int.__add__(1, 2.0), int.__mul__(2, "a"), int.__eq__(1, 1.0), int.__lt__(1, None))
print(int.__eq__(5, 5), int.__ne__(5, 5), int.__lt__(1, 2), int.__le__(2, 2), int.__gt__(1, 2), int.__ge__(3, 2))
print((5).__neg__(), (5).__pos__(), (-5).__abs__(), (5).__invert__(), (0).__bool__(), (7).__bool__())
print((7).__index__(), (7).__int__(), (7).__float__(), (7).__round__(), (1234).__round__(-2), (1250).__round__(-2), (1350).__round__(-2))
print((-1).__hash__(), (5).__hash__() == hash(5), (2 ** 100).__hash__() == hash(2 ** 100), (7).conjugate())
print(int.__add__(True, 2), int.__and__(True, 3), (5).__trunc__(), (5).__floor__(), (5).__ceil__())
print((6).numerator, (6).denominator, (-3).real, (-3).imag, (2 ** 80).numerator)
try:
    int.__add__(1.5, 2)
except TypeError:
    print("TypeError for float self")
try:
    int.__pow__(2, 3, 0)
except ValueError as e:
    print("ValueError", e)
