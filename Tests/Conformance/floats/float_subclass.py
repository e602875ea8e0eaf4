# float subclasses keep their value and use float's arithmetic
class Celsius(float):
    def __repr__(self):
        return "Celsius(%s)" % float.__repr__(self)
    def __add__(self, other):
        return Celsius(super().__add__(other))
c = Celsius(21.5)
print(c, c + 1, type(c + 1).__name__, 1 + c, type(1 + c).__name__, c * 2, -c, abs(Celsius(-3.0)))
print(int(c), float(c), round(c), c.is_integer(), c.hex(), c.as_integer_ratio(), bool(Celsius(0.0)))
print(Celsius.fromhex("0x1p-2"), type(Celsius.fromhex("0x1p3")).__name__, Celsius("2.5"), Celsius())
print(c.__eq__(21.5), c.__lt__(22), float.__add__(c, 0.5))
