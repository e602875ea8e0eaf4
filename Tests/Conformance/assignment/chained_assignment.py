# Chained assignment binds every target to the same object
a = b = c = 5
print(a, b, c)
x = y = []
x.append(1)
print(y, x is y)
p = q = r = "s"
print(p + q + r)
i = lst = [0, 0]
print(i is lst)
d = {}
d["a"] = d["b"] = 7
print(sorted(d.items()))
class O: pass
o = O()
o.u = o.v = 3
print(o.u, o.v)
# targets are assigned left to right
lst2 = [0, 0, 0]
k = lst2[k] = 1 if False else 1
print(k, lst2)
