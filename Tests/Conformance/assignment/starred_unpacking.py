# Starred targets in assignments
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *mid, z = range(6)
print(a, mid, z)
h, *t = [1]
print(h, t)
*allitems, = (5, 6)
print(allitems)
for x, *ys in [(1, 2, 3), (4,)]:
    print(x, ys)
p, *q, r = 1, 2
print(p, q, r)
try:
    u, *v, w = [1]
except ValueError as e:
    print(type(e).__name__)
