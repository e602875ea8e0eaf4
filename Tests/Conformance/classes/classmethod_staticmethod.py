# classmethod receives the class; staticmethod receives nothing
class Temp:
    scale = "C"
    def __init__(self, deg):
        self.deg = deg
    @classmethod
    def from_f(cls, f):
        return cls(round((f - 32) * 5 / 9))
    @staticmethod
    def valid(d):
        return -273 <= d
    @classmethod
    def name(cls):
        return cls.__name__ + "/" + cls.scale
class Kelvin(Temp):
    scale = "K"
t = Temp.from_f(212)
print(t.deg, type(t).__name__)
k = Kelvin.from_f(32)
print(k.deg, type(k).__name__)
print(Temp.valid(-300), t.valid(0))
print(Temp.name(), Kelvin.name(), k.name())
