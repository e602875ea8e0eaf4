# Nested unpacking patterns
(a, b), c = (1, 2), 3
print(a, b, c)
x, (y, (z, w)) = 1, (2, (3, 4))
print(x, y, z, w)
[p, [q, *r]] = [0, [1, 2, 3]]
print(p, q, r)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
((m,),) = ((7,),)
print(m)
data = [(1, (2, 3)), (4, (5, 6))]
print([a + b + c for a, (b, c) in data])
