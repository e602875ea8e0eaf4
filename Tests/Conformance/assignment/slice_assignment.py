# Assigning to slices
a = list(range(6))
a[1:3] = ["x", "y", "z"]
print(a)
a[:0] = [-1]
print(a)
a[len(a):] = [99]
print(a)
b = [1, 2, 3]
b[:] = []
print(b)
c = [1, 2, 3, 4]
c[1:3] = []
print(c)
d = [0, 1, 2, 3, 4, 5]
d[-2:] = ["a", "b"]
print(d)
