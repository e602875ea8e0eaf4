# Star unpacking in list/tuple/set displays and ** in dict displays
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, 0), [*"hi", *range(2)])
print(sorted({*a, *b, 1}))
d1 = {"x": 1, "y": 2}
d2 = {"y": 20, "z": 30}
merged = {**d1, **d2}
print(sorted(merged.items()))
print(sorted({**d1, "w": 0, **{"x": 100}}.items()))
print(*a, *b)
t = *a, *b
print(t)
first, *others = *a, *b
print(first, others)
print([*[], *()])
