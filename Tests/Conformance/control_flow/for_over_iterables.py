# for over many kinds of iterables
for ch in "abc":
    print(ch, end=" ")
print()
for k in sorted({"x": 1, "y": 2}):
    print(k, end=" ")
print()
for v in (1, 2):
    print(v, end=" ")
print()
for n in sorted({3, 1, 2}):
    print(n, end=" ")
print()
for i, c in enumerate("hi", start=1):
    print(i, c)
for a, b in zip([1, 2, 3], "xyz"):
    print(a, b)
for r in reversed([1, 2, 3]):
    print(r, end=" ")
print()
for b in b"AB":
    print(b)
lst = [1, 2, 3]
for x in lst:
    lst[0] = 100
print(lst)
for i in range(10, 0, -3):
    print(i, end=",")
print()
