log = []
def t(v):
    log.append(v)
    return v
class Obj:
    pass
o = Obj()
d = {}
d[t("k1")] = o.attr = x = t("value")
print(log, d, o.attr, x)
a = b = c = []
a.append(1)
print(b, c is a)
a, *b, c = range(6)
print(a, b, c)
*a, b = "xyz"
print(a, b)
a, (b, *c), d = 1, (2, 3, 4), 5
print(a, b, c, d)
[a, [b, c]] = (1, [2, 3])
print(a, b, c)
(a, b), c = "xy", 3
print(a, b, c)
i = 0
lst = [0, 0, 0]
i, lst[i] = 1, 9
print(i, lst)
class Counted:
    def __init__(self):
        self.data = [10, 20, 30]
        self.gets = 0
        self.sets = 0
    def __getitem__(self, k):
        self.gets += 1
        return self.data[k]
    def __setitem__(self, k, v):
        self.sets += 1
        self.data[k] = v
cnt = Counted()
calls = 0
def idx():
    global calls
    calls += 1
    return 1
cnt[idx()] += 5
print(cnt.data, cnt.gets, cnt.sets, calls)
calls = 0
def getobj():
    global calls
    calls += 1
    return cnt
getobj()[idx()] *= 2
print(cnt.data, calls)
class P:
    def __init__(self):
        self._v = 1
        self.log = []
    @property
    def v(self):
        self.log.append("get")
        return self._v
    @v.setter
    def v(self, x):
        self.log.append("set")
        self._v = x
p = P()
p.v += 10
p.v, p.w = 3, 4
print(p.v, p.w, p.log)
x = [1, 2]
y = x
x += [3]
print(y)
t2 = (1, 2)
u = t2
t2 += (3,)
print(u, t2)
s = "ab"
s *= 2
print(s)
try:
    a, b = 1, 2, 3
except ValueError as e:
    print("ValueError")
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError")
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError")
def swap():
    a, b = 1, 2
    a, b = b, a
    return a, b
print(swap())
lst = [1, 2, 3, 4, 5]
lst[1:3] = "ab"
print(lst)
lst[::2] = [0, 0, 0]
print(lst)
del lst[::2]
print(lst)
x = y = 0
for x, y in [(1, 2), (3, 4)]:
    pass
print(x, y)
for i, (a, b) in enumerate([(1, 2)]):
    print(i, a, b)
d = {}
d["a"] = d
print(d)
l = [1]
l.append(l)
print(l)
n = 5
n **= 2
n //= 3
n <<= 2
n %= 7
n ^= 0xff
n |= 256
n &= 0x1f0
n >>= 1
print(n)
f = 7.5
f //= 2
print(f)
lst = [[0] * 2] * 2
lst[0][0] = 1
print(lst)
