# Nested comprehensions see enclosing function variables
def table(n):
    return [[i * j for j in range(1, n + 1)] for i in range(1, n + 1)]
for row in table(3):
    print(row)
def matching(words, letter):
    return [w for w in words if any(c == letter for c in w)]
print(matching(["abc", "xyz", "bcd"], "b"))
def transpose(m):
    return [list(col) for col in zip(*m)]
print(transpose([[1, 2, 3], [4, 5, 6]]))
flat = [n for sub in [[1, [2]], [3]] for n in (sub if isinstance(sub, list) else [sub])]
print(flat)
offset = 100
print([x + offset for x in range(3)])
