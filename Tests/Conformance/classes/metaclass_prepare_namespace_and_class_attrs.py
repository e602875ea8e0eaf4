class Rec(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, k, v):
        if not k.startswith("__"):
            self.order.append(k)
        super().__setitem__(k, v)
class M(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Rec()
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = ns.order
        return cls
class K(metaclass=M):
    b = 1
    a = 2
    def c(self): pass
    b = 3
print(K.order, K.b)

class Lookup(dict):
    def __missing__(self, k):
        if k == "magic":
            return 42
        raise KeyError(k)
class M2(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Lookup()
class K2(metaclass=M2):
    val = magic + 1
print(K2.val)

class MetaAttr(type):
    def __getattr__(cls, name):
        return "meta:" + name
    @property
    def prop(cls):
        return "metaprop " + cls.__name__
class KA(metaclass=MetaAttr):
    real = 1
print(KA.real, KA.fake, KA.prop)

class CG:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(CG[int])

T = type("T", (object,), {"x": 1, "m": lambda self: self.x + 1})
print(T().m(), T.__name__)

class Base:
    def __init_subclass__(cls, /, **kw):
        cls.kw = kw
class Mid(Base):
    def __init_subclass__(cls, extra=None, **kw):
        super().__init_subclass__(**kw)
        cls.extra = extra
class Leaf(Mid, extra="E", other=1):
    pass
print(Leaf.kw, Leaf.extra)

order = []
class D:
    def __init__(self, tag):
        self.tag = tag
    def __set_name__(self, owner, name):
        order.append((self.tag, name))
class Own:
    z = D(1)
    a = D(2)
print(order)

def replace(cls):
    return "replaced"
@replace
class Gone:
    pass
print(Gone)

class MetaCount(type):
    count = 0
    def __call__(cls, *a, **k):
        MetaCount.count += 1
        return type.__call__(cls, *a, **k)
class Cnt(metaclass=MetaCount):
    def __init__(self, v=0):
        self.v = v
Cnt(); Cnt(v=3)
print(MetaCount.count, Cnt(5).v, isinstance(Cnt, MetaCount))

class Meta3(type):
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.registered = name
class Sub3(metaclass=Meta3):
    pass
class Sub4(Sub3):
    pass
print(Sub3.registered, Sub4.registered, type(Sub4) is Meta3)

class WithKw(type):
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns, **kw)
class KwBase:
    def __init_subclass__(cls, flavor="plain", **kw):
        cls.flavor = flavor
class Kw(KwBase, metaclass=WithKw, flavor="spicy"):
    pass
print(Kw.flavor)
try:
    class Bad(metaclass=WithKw, unknown=1):
        pass
except TypeError:
    print("TypeError for unknown class keyword")
print(type.__name__, type(type).__name__, type(int).__name__, isinstance(type, type))
class Q:
    pass
print(Q.__qualname__, Q.__module__, Q.__name__)
def mkclass():
    class Inner:
        class Deeper:
            pass
    return Inner
print(mkclass().__qualname__, mkclass().Deeper.__qualname__)
