# Tuple and list unpacking
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d) = [3, 4]
print(c, d)
[e, f] = "xy"
print(e, f)
g, = [9]
print(g)
x, y, z = range(3)
print(x, y, z)
for k, v in [("a", 1), ("b", 2)]:
    print(k, v)
try:
    m, n = [1, 2, 3]
except ValueError as ex:
    print(type(ex).__name__)
try:
    m, n, o = [1, 2]
except ValueError as ex:
    print(type(ex).__name__)
