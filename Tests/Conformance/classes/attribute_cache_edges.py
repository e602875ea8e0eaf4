# One attribute site seeing many situations: the answers must follow the
# class and the instance as they change, whatever the site saw before.
class P:
    def __init__(self, x):
        self.x = x

class Q:
    def __init__(self, x):
        self.y = 0
        self.x = x

def get_x(o):
    return o.x

def set_x(o, v):
    o.x = v

a, b = P(1), Q(2)
for o in (a, b, a, b):
    print(get_x(o))
set_x(a, 10)
set_x(b, 20)
print(a.x, b.x)

# A property added to the class later takes precedence over the instance dict.
P.x = property(lambda self: "prop")
print(get_x(a), a.__dict__["x"])
try:
    set_x(a, 5)
except AttributeError:
    print("AttributeError on set")
del P.x
print(get_x(a))

# A plain class attribute does not shadow the instance's.
P.x = "class"
print(get_x(a), get_x(P.__new__(P)))
del P.x

# Deleting and re-adding moves the attribute in the dict.
del a.x
try:
    get_x(a)
except AttributeError:
    print("AttributeError after del")
a.z = 1
set_x(a, 30)
print(get_x(a), sorted(a.__dict__))

# Changes made through __dict__.
a.__dict__["x"] = 40
print(get_x(a))
a.__dict__.clear()
try:
    get_x(a)
except AttributeError:
    print("AttributeError after clear")
set_x(a, 50)
print(get_x(a))

# Many attributes (the dict grows a hash index).
for i in range(40):
    setattr(a, "f%d" % i, i)
set_x(a, 60)
print(get_x(a), a.f39)

# __getattr__ is asked only for what is missing.
class G:
    def __init__(self):
        self.x = 1
    def __getattr__(self, name):
        return "missing " + name
g = G()
print(get_x(g))
del g.x
print(get_x(g))

# __getattribute__ and __setattr__ added after the site saw the class.
class H:
    pass
h = H()
set_x(h, 1)
print(get_x(h))
H.__getattribute__ = lambda self, name: "intercepted " + name
print(get_x(h))
del H.__getattribute__
print(get_x(h))
log = []
def logging_setattr(self, name, value):
    log.append((name, value))
    object.__setattr__(self, name, value)
H.__setattr__ = logging_setattr
set_x(h, 2)
print(get_x(h), log)

# A subclass with a property of the same name.
class R(P):
    @property
    def x(self):
        return "sub prop"
    @x.setter
    def x(self, v):
        log.append(("R.x", v))
r = R(7)
print(get_x(r), get_x(P(8)), log[-1])

# Exceptions keep attributes too.
class E(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.x = code
for i in range(3):
    try:
        raise E(i)
    except E as e:
        print(get_x(e), e.args)
