class PropFallback:
    @property
    def p(self):
        raise AttributeError("inner")
    def __getattr__(self, name):
        return "getattr(" + name + ")"
print(PropFallback().p)

class DataDesc:
    def __get__(self, obj, t=None):
        return "data-desc"
    def __set__(self, obj, v):
        obj.__dict__["dd"] = v
class NonData:
    def __get__(self, obj, t=None):
        return "non-data"
class Pri:
    dd = DataDesc()
    nd = NonData()
pr = Pri()
pr.__dict__["dd"] = "inst"
pr.__dict__["nd"] = "inst"
print(pr.dd, pr.nd, Pri.nd, Pri.dd)

class NewOther:
    def __new__(cls, *a):
        return 42
    def __init__(self):
        print("never")
print(NewOther())
class NewSub:
    def __new__(cls, v):
        inst = super().__new__(cls)
        inst.from_new = v
        return inst
    def __init__(self, v):
        self.from_init = v * 2
n = NewSub(3)
print(n.from_new, n.from_init)
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print("TypeError", e)

class E1:
    def __eq__(self, o):
        return NotImplemented
a1 = E1()
print(a1 == a1, a1 == E1(), a1 != E1(), a1 != a1)
class E2:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
print(E2(1) != E2(1), E2(1) != E2(2))
class Lt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return "Lt%d" % self.v
print(Lt(2) > Lt(1), Lt(1) > Lt(2), max(Lt(1), Lt(3), Lt(2)))
try:
    Lt(1) <= Lt(2)
except TypeError:
    print("no <=")

class Base:
    def __add__(self, o):
        return "Base.add"
    def __radd__(self, o):
        return "Base.radd"
class Sub(Base):
    def __radd__(self, o):
        return "Sub.radd"
print(Base() + Sub(), Sub() + Base())

class IAdd:
    def __init__(self):
        self.v = 0
    def __iadd__(self, o):
        return NotImplemented
    def __add__(self, o):
        r = IAdd()
        r.v = self.v + o
        return r
ia = IAdd()
ia2 = ia
ia += 5
print(ia.v, ia is ia2)

class Cnt:
    def __contains__(self, x):
        return 1
print(3 in Cnt(), type(3 in Cnt()).__name__)
class NegLen:
    def __len__(self):
        return -1
try:
    len(NegLen())
except ValueError as e:
    print("ValueError")
class NotIter:
    __iter__ = None
try:
    iter(NotIter())
except TypeError:
    print("not iterable")
class BadIdx:
    def __index__(self):
        return "x"
try:
    [1][BadIdx()]
except TypeError:
    print("bad index")
class MyInt(int):
    def __add__(self, o):
        return MyInt(int(self) + o + 100)
mi = MyInt(5)
print(mi + 1, 1 + mi, hash(mi) == hash(5), {5: "five"}[mi], isinstance(mi + 1, MyInt))
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
ms = MyStr("hi")
print(ms.shout(), ms + "x", type(ms + "x").__name__, ms == "hi", {"hi": 1}[ms])
class MyList(list):
    def __getitem__(self, i):
        return "item" + str(list.__getitem__(self, i))
ml = MyList([1, 2])
print(ml[0], len(ml), list(ml), [x for x in ml])
class MyDict(dict):
    def __missing__(self, k):
        return k * 2
md = MyDict(a=1)
print(md["a"], md["zz"], md.get("zz"), "zz" in md)
class Hashy:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        return isinstance(o, Hashy) and self.v == o.v
print(len({Hashy(1), Hashy(1), Hashy(2)}), Hashy(1) in {Hashy(1): 0})
class Inh(Hashy):
    pass
print(hash(Inh(3)) == hash(3))
class EqOnlySub(Hashy):
    def __eq__(self, o):
        return False
try:
    hash(EqOnlySub(1))
    print("hashable")
except TypeError:
    print("unhashable sub")
class Rev:
    def __init__(self):
        self.d = [1, 2, 3]
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return self.d[i]
print(list(reversed(Rev())), list(Rev()))
class Call:
    def __call__(self, x):
        return x + 1
print(list(map(Call(), [1, 2])))
class WithClassGetattr:
    x = 1
print(getattr(WithClassGetattr, "x"), getattr(WithClassGetattr(), "y", "dflt"), hasattr(WithClassGetattr, "zz"))
class Slot:
    def __setattr__(self, k, v):
        object.__setattr__(self, k, str(v) + "!")
s = Slot()
s.a = 1
print(s.a)
class Del:
    def __delattr__(self, k):
        print("delattr", k)
dl = Del()
del dl.foo
class GetItemSlice:
    def __getitem__(self, k):
        return k
gs = GetItemSlice()
print(gs[1:2], gs[::3], gs[1, 2], gs[1:2, ...], gs[:])
class SetItemSlice:
    def __setitem__(self, k, v):
        print("set", k, v)
    def __delitem__(self, k):
        print("del", k)
si = SetItemSlice()
si[1:3] = "x"
del si[::2]
class Neg:
    def __neg__(self):
        return "neg"
    def __pos__(self):
        return "pos"
    def __invert__(self):
        return "inv"
    def __abs__(self):
        return "abs"
print(-Neg(), +Neg(), ~Neg(), abs(Neg()))
class Rich:
    def __init__(self, v):
        self.v = v
    def __mul__(self, o):
        return Rich(self.v * o)
    __rmul__ = __mul__
    def __matmul__(self, o):
        return "matmul"
    def __truediv__(self, o):
        return "truediv"
    def __rtruediv__(self, o):
        return "rtruediv"
    def __floordiv__(self, o):
        return "floordiv"
    def __mod__(self, o):
        return "mod"
    def __rpow__(self, o):
        return "rpow"
    def __pow__(self, o, m=None):
        return ("pow", o, m)
    def __lshift__(self, o):
        return "lshift"
    def __rand__(self, o):
        return "rand"
print((Rich(2) * 3).v, (3 * Rich(2)).v, Rich(1) @ Rich(1), Rich(1) / 2, 2 / Rich(1), Rich(1) // 1, Rich(1) % 1, 2 ** Rich(1), pow(Rich(1), 2, 5), Rich(1) << 1, 1 & Rich(1))
