# List comprehensions with conditions and nesting
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0])
print([x for x in range(30) if x % 2 if x % 5])
print([(x, y) for x in range(3) for y in range(x)])
print([[r * c for c in range(3)] for r in range(3)])
m = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in m])
print([[row[i] for row in m] for i in range(3)])
print([c.upper() for c in "abc" if c != "b"])
print([x if x > 2 else 0 for x in range(5)])
print([y for x in [[1], [2, 3], []] for y in x])
print([i for i in []])
