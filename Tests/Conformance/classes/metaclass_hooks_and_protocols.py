class Base:
    subs = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.subs.append((cls.__name__, tag))
class A(Base, tag="a"):
    pass
class B(A):
    pass
print(Base.subs)

class Named:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, "default-" + self.name)
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value * 2
    def __delete__(self, obj):
        print("deleting", self.name)
        del obj.__dict__[self.name]
class H:
    foo = Named()
    bar = Named()
h = H()
print(h.foo, H.foo.owner, H.bar.name)
h.foo = 5
print(h.foo)
del h.foo
print(h.foo)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        d = {"injected": 1}
        return d
    def __new__(mcls, name, bases, ns, **kw):
        print("meta new", name, sorted(k for k in ns if not k.startswith("__")))
        cls = super().__new__(mcls, name, bases, ns)
        cls.extra = kw
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("meta init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("meta call", cls.__name__, a)
        inst = super().__call__(*a, **k)
        inst.via_meta = True
        return inst
class M(metaclass=Meta, flag=3):
    x = 1
    def __init__(self, v):
        self.v = v
m = M(10)
print(m.v, m.via_meta, M.injected, M.extra, type(M).__name__)
class M2(M):
    pass
print(type(M2).__name__)

class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class S(metaclass=Singleton):
    pass
print(S() is S())

def deco(cls):
    cls.decorated = True
    return cls
def deco_args(n):
    def d(cls):
        cls.n = n
        return cls
    return d
@deco
@deco_args(3)
class DC:
    pass
print(DC.decorated, DC.n)

class GA:
    x = 1
    def __getattr__(self, name):
        return "getattr:" + name
g = GA()
g.y = 2
print(g.x, g.y, g.z)

class GAB:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError(name)
        if name == "special":
            return "from getattribute"
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback:" + name
gb = GAB()
gb.q = 1
print(gb.special, gb.boom, gb.q, gb.missing)

class P:
    @classmethod
    def create(cls):
        return "P.create " + cls.__name__
    def hello(self):
        return "P.hello"
class Q(P):
    @classmethod
    def create(cls):
        return "Q+" + super().create()
    def hello(self):
        return "Q+" + super(Q, self).hello()
    @staticmethod
    def st():
        return super(Q, Q).create()
print(Q.create(), Q().hello(), Q.st())

class X:
    def __init__(self, **kw):
        print("X init", sorted(kw))
        super().__init__(**kw)
class Y1(X):
    def __init__(self, y1=0, **kw):
        print("Y1 init", y1)
        super().__init__(**kw)
class Y2(X):
    def __init__(self, y2=0, **kw):
        print("Y2 init", y2)
        super().__init__(**kw)
class Z(Y1, Y2):
    def __init__(self, **kw):
        print("Z init")
        super().__init__(**kw)
Z(y1=1, y2=2)
print([c.__name__ for c in Z.__mro__])

class CC:
    def meth(self):
        def inner():
            return __class__
        return inner()
    def meth2(self):
        return (lambda: super().__class__)()
    def meth3(self):
        return [__class__.__name__ for _ in range(1)]
print(CC().meth().__name__, CC().meth3())

class V:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.v + o.v)
        return NotImplemented
    def __radd__(self, o):
        if isinstance(o, int):
            return V(self.v + o)
        return NotImplemented
    def __eq__(self, o):
        return isinstance(o, V) and self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return "V(%r)" % self.v
print(V(1) + V(2), 3 + V(4), sum([V(1), V(2)]))
try:
    V(1) + "s"
except TypeError as e:
    print("TypeError")
try:
    hash(V(1))
except TypeError as e:
    print("unhashable:", e)
print(V.__hash__)
print(V(2) > V(1), sorted([V(3), V(1), V(2)]))
print(V(1) != V(1), V(1) != V(2))

class W(V):
    def __radd__(self, o):
        return "W.radd"
    def __add__(self, o):
        return "W.add"
print(V(1) + W(2))

class BL:
    def __bool__(self):
        return False
    def __len__(self):
        return 5
class LN:
    def __len__(self):
        return 0
print(bool(BL()), bool(LN()), not LN(), len(BL()))
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError", e)

class It:
    def __iter__(self):
        yield 1
        yield 2
        yield 3
print(2 in It(), 5 in It(), list(It()), sum(It()))
class GI:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(20 in GI(), list(GI()))
class Cont:
    def __contains__(self, x):
        return x == "yes"
print("yes" in Cont(), "no" in Cont(), "no" not in Cont())

class Idx:
    def __index__(self):
        return 2
print([10, 20, 30][Idx()], "abcd"[Idx():], bin(Idx()), range(10)[Idx()], hex(Idx()))

class Callable:
    def __call__(self, *a, **k):
        return ("called", a, sorted(k.items()))
c = Callable()
print(c(1, b=2), callable(c), callable(Callable))

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.count += 10
print(Counter().count, Counter.count)

class Prop:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        print("set", v)
        self._x = v
p = Prop()
p.x = 5
p.x += 1
print(p.x)
try:
    Prop.x.__set__(p, 9)
    print(p.x)
except Exception as e:
    print(type(e).__name__)
