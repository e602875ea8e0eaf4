def f(a, b, /, c, *, d, e=5):
    return (a, b, c, d, e)
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4, e=6))
for call in [lambda: f(1, b=2, c=3, d=4), lambda: f(1, 2, 3), lambda: f(1, 2, 3, 4, d=1),
             lambda: f(1, 2, 3, d=4, z=1), lambda: f(1, 2, 3, c=3, d=4)]:
    try:
        call()
    except TypeError as e:
        print("TypeError")
def g(*args, **kwargs):
    return args, sorted(kwargs.items())
def fwd(*a, **k):
    return g(*a, **k)
print(fwd(1, 2, x=3))
a = [1, 2]; b = (3,); c = {"x": 1}; d = {"y": 2}
print(g(*a, *b, **c, **d))
print(g(0, *a, 9, *b, z=0, **c, w=1, **d))
try:
    g(**c, **{"x": 2})
except TypeError as e:
    print(type(e).__name__)
try:
    g(x=1, **{"x": 2})
except TypeError as e:
    print(type(e).__name__)
def gen():
    yield 1
    yield 2
print(g(*gen(), *range(3)))
print(g(*"ab", **dict(k=1)))
def mut(x, acc=[]):
    acc.append(x)
    return acc
mut(1); mut(2)
print(mut(3))
def kwo(*, a, b=2):
    return a, b
try:
    kwo(1)
except TypeError:
    print("positional to kw-only rejected")
print(kwo(b=1, a=0))
def pos_kw_same(a, /, **kw):
    return a, kw
print(pos_kw_same(1, a=2))
def defaults_eval():
    order = []
    def mk(v):
        order.append(v)
        return v
    def h(x=mk(1), y=mk(2), *, z=mk(3)):
        return x, y, z
    return order, h()
print(defaults_eval())
def order_of_args():
    log = []
    def t(v):
        log.append(v)
        return v
    def h(*a, **k):
        return a, sorted(k)
    h(t(1), *[t(2)], k=t(3), **{"m": t(4)})
    return log
print(order_of_args())
print((lambda *a, **k: (a, k))(1, x=2))
print((lambda a, b=2, *c, d, **e: (a, b, c, d, e))(1, d=4))
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
def make_adders():
    out = []
    for i in range(3):
        def add(x, i=i):
            return x + i
        out.append(add)
    return out
print([f(1) for f in make_adders()])
def deco_arg(prefix):
    def deco(fn):
        def w(*a, **k):
            return prefix + str(fn(*a, **k))
        return w
    return deco
class K:
    @deco_arg("m:")
    def meth(self, x):
        return x * 2
    @classmethod
    @deco_arg("c:")
    def cm(cls, x):
        return cls.__name__ + str(x)
    @staticmethod
    @deco_arg("s:")
    def sm(x):
        return x
print(K().meth(2), K.cm(1), K().sm(5))
def counted(fn):
    fn.calls = 0
    def w(*a):
        w.calls += 1
        return fn(*a)
    w.calls = 0
    return w
@counted
def sq(x):
    return x * x
sq(2); sq(3)
print(sq.calls)
def rec(n):
    return 0 if n == 0 else 1 + rec(n - 1)
print(rec(800))
def rec_gen(n):
    if n:
        yield from rec_gen(n - 1)
    yield n
print(sum(rec_gen(200)))
print(max(1, 2, key=lambda x: -x), min([3, 1, 2], default=0), max([], default="empty"))
print(sorted([3, 1, 2], key=lambda x: -x, reverse=True))
def kwargs_not_str():
    try:
        g(**{1: 2})
    except TypeError:
        return "keywords must be strings"
print(kwargs_not_str())
def kwargs_mapping():
    class M:
        def keys(self):
            return ["p", "q"]
        def __getitem__(self, k):
            return k.upper()
    return g(**M())
print(kwargs_mapping())
def args_from_dict():
    return g(*{"a": 1, "b": 2})
print(args_from_dict())
def uniq(a, b):
    return a - b
print(uniq(b=1, a=5))
try:
    uniq(1, 2, 3)
except TypeError:
    print("too many")
try:
    uniq(1)
except TypeError:
    print("too few")
