# del of names, attributes, items and slices
x = 1
del x
try:
    x
except NameError as e:
    print("name gone", type(e).__name__)
class O: pass
o = O()
o.a = 1
o.b = 2
del o.a
print(hasattr(o, "a"), hasattr(o, "b"))
lst = list(range(10))
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
p, q = 1, 2
del p, q
print("p" in dir(), "q" in dir())
m = [[1, 2], [3, 4]]
del m[0][1], m[1]
print(m)
