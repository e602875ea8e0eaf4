# Reflected operators (__radd__ etc.) used when the left operand cannot handle it
class Money:
    def __init__(self, c):
        self.c = c
    def __repr__(self):
        return "Money(%d)" % self.c
    def __add__(self, o):
        if isinstance(o, Money):
            return Money(self.c + o.c)
        if isinstance(o, int):
            return Money(self.c + o)
        return NotImplemented
    def __radd__(self, o):
        print("radd called with", o)
        return self.__add__(o)
    def __rsub__(self, o):
        return Money(o - self.c)
    def __rmul__(self, o):
        return Money(self.c * o)
print(Money(5) + 3)
print(3 + Money(5))
print(sum([Money(1), Money(2), Money(3)]))
print(10 - Money(4), 3 * Money(7))
try:
    Money(1) + "x"
except TypeError as e:
    print(type(e).__name__)
