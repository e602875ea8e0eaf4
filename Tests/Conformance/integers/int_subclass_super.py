# int subclasses: values survive construction, super() reaches int's methods
class Money(int):
    def __add__(self, other):
        return Money(super().__add__(other))
    def __repr__(self):
        return "Money(%d)" % int(self)
m = Money(5)
print(m, m + 3, type(m + 3).__name__, 3 + m, type(3 + m).__name__)
print(int(m), float(m), str(int(m)), m * 2, -m, abs(Money(-4)), m.bit_length())
print(bool(Money(0)), bool(m), [10, 20, 30, 40, 50, 60][m], m.__index__())
class Hex(int):
    def __str__(self):
        return hex(self)
h = Hex("ff", 16)
print(h, int(h) + 1, Hex(10) // 3, Hex(2) ** 10)
class Sub(int):
    def __sub__(self, other):
        r = super().__sub__(other)
        return NotImplemented if r is NotImplemented else r * 100
print(Sub(9) - 4, Sub(9).__sub__("x"))
print(Money.from_bytes(b"\x01\x00", "big"), type(Money.from_bytes(b"\x01", "big")).__name__)
