# del and assignment with stepped (extended) slices (CPython oracle: MicroPython lacks them)
a = list(range(10))
del a[::2]
print(a)
b = list(range(10))
del b[1::3]
print(b)
c = list(range(6))
c[::2] = ["x", "y", "z"]
print(c)
d = list(range(6))
d[::-2] = [0, 0, 0]
print(d)
e = [0, 1, 2]
e[1:] = "ab"  # any iterable on the right
print(e)
try:
    d[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__)
