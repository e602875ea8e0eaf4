# property with getter, setter and deleter
class Circle:
    def __init__(self, r):
        self._r = r
    @property
    def radius(self):
        return self._r
    @radius.setter
    def radius(self, v):
        if v < 0:
            raise ValueError("negative")
        self._r = v
    @radius.deleter
    def radius(self):
        print("deleting")
        del self._r
    @property
    def area(self):
        return 3 * self._r * self._r
c = Circle(2)
print(c.radius, c.area)
c.radius = 5
print(c.radius, c.area)
try:
    c.radius = -1
except ValueError as e:
    print(type(e).__name__)
try:
    c.area = 1
except AttributeError as e:
    print(type(e).__name__)
del c.radius
print(hasattr(c, "_r"))
class P:
    x = property(lambda self: 42)
print(P().x)
