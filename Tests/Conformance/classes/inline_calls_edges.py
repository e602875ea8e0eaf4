# Calls the interpreter runs as frames of its own loop: a class call with a
# Python __init__, a property's getter and setter, a bound method held in a
# variable. Each is checked where the short cut must hand over to the general
# path or behave exactly as a call from native code would.
import gc


class Point:
    def __init__(self, x, y=0, *rest, scale=1, **extra):
        self.x = x * scale
        self.y = y * scale
        self.rest = rest
        self.extra = sorted(extra)


p = Point(1)
print(p.x, p.y, p.rest, p.extra)
p = Point(1, 2, 3, 4, scale=10, b=1, a=2)
print(p.x, p.y, p.rest, p.extra)
print(Point(y=5, x=6).x, Point(*[7, 8]).y, Point(**{"x": 9, "scale": 2}).x)


class ReturnsValue:
    def __init__(self, v):
        return v


print(type(ReturnsValue(None)).__name__)
for bad in (0, "s", []):
    try:
        ReturnsValue(bad)
    except TypeError as e:
        print("TypeError:", e)


class GeneratorInit:
    def __init__(self):
        yield 1


try:
    GeneratorInit()
except TypeError as e:
    print("TypeError:", e)


class Raises:
    count = 0

    def __init__(self, n):
        Raises.count += 1
        if n > 2:
            raise ValueError("too big: %d" % n)
        self.n = n


for n in range(5):
    try:
        print("made", Raises(n).n)
    except ValueError as e:
        print("ValueError:", e)
print("attempts", Raises.count)


class Rebinds:
    def __init__(self, tag):
        self.tag = tag
        self = None
        gc.collect()


objs = [Rebinds(i) for i in range(3)]
gc.collect()
print([o.tag for o in objs])


class CustomNew:
    def __new__(cls, v):
        o = object.__new__(cls)
        o.order = ["new"]
        return o

    def __init__(self, v):
        self.order.append("init %d" % v)


print(CustomNew(3).order)


class NewReturnsOther:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never runs")


print(NewReturnsOther())


class MyError(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code


try:
    raise MyError(7)
except MyError as e:
    print("MyError", e.code, e.args)


class CodedError(Exception):
    def __init__(self, code, *, note=""):
        super().__init__(code)
        self.code = code
        self.note = note


class ArgsFromTheCall(Exception):
    def __init__(self, a, b):
        self.a = a


class FailingError(Exception):
    def __init__(self):
        raise ValueError("init failed")


try:
    raise CodedError(5, note="n")
except CodedError as e:
    print("CodedError", e, e.args, e.code, e.note)
e = ArgsFromTheCall(1, 2)
print(e.args, e.a)
try:
    raise ArgsFromTheCall(3, 4)
except ArgsFromTheCall as e:
    print("ArgsFromTheCall", e.args)
try:
    raise FailingError()
except ValueError as e:
    print("ValueError:", e)


class Stack(list):
    def __init__(self, items):
        super().__init__(items)
        self.top = items[-1]


s = Stack([1, 2, 3])
print(s, s.top, len(s))


class Tree:
    def __init__(self, depth):
        self.children = [Tree(depth - 1) for _ in range(2)] if depth else []

    def size(self):
        return 1 + sum(c.size() for c in self.children)


print(Tree(6).size())


class Temperature:
    def __init__(self):
        self._c = 20
        self.log = []

    @property
    def celsius(self):
        self.log.append("get")
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273:
            raise ValueError("below absolute zero")
        self.log.append("set %d" % value)
        self._c = value
        return "ignored"

    @property
    def readings(self):
        yield self._c
        yield self._c + 1

    @property
    def broken(self):
        return self.nowhere

    @property
    def read_only(self):
        return 1


t = Temperature()
t.celsius = 25
t.celsius += 5
print(t.celsius, t.log)
print(list(t.readings))
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.broken
except AttributeError:
    print("AttributeError from the getter")
try:
    t.read_only = 2
except AttributeError:
    print("AttributeError: no setter")
print(t.celsius)


class Chain:
    def __init__(self, n):
        self.n = n

    @property
    def down(self):
        return Chain(self.n - 1).down if self.n else "bottom"


print(Chain(50).down)


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, by=1):
        self.n += by
        return self.n


c = Counter()
bump = c.bump
for i in range(3):
    bump()
print(bump(by=10), c.n)
methods = [Counter().bump for _ in range(3)]
print([m(5) for m in methods])


def recurse(method, n):
    return method() if n == 0 else recurse(method, n - 1)


print(recurse(c.bump, 20))


def bound_only():
    class Holder:
        def method(self, n):
            gc.collect()
            return "bound only %d" % n

    method = Holder().method
    del Holder.method
    return method


print(bound_only()(1), bound_only()(n=2))
