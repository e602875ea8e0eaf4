# Comprehension variables do not leak; the first iterable is evaluated outside
x = "outer"
lst = [x for x in range(3)]
print(lst, x)
print({x for x in "ab"} == {"a", "b"}, x)
g = (x * 2 for x in range(3))
print(list(g), x)
def f():
    n = 3
    return [i * n for i in range(n)]
print(f())
class K:
    items = [1, 2, 3]
    total = sum([v for v in items])
print(K.total)
