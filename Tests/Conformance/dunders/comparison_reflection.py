# a > b falls back to b < a when only __lt__ is defined (CPython oracle: MicroPython does not reflect)
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
print(OnlyLt(5) > OnlyLt(2))
print(max([OnlyLt(2), OnlyLt(9), OnlyLt(4)]).v)
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError as e:
    print(type(e).__name__)
class Left:
    def __eq__(self, o):
        print("Left.__eq__")
        return NotImplemented
class Right:
    def __eq__(self, o):
        print("Right.__eq__")
        return True
print(Left() == Right())
print(1 < OnlyLt(3) if False else OnlyLt(1) < OnlyLt(3))
