# Dict and set comprehensions
sq = {x: x * x for x in range(5)}
print(sorted(sq.items()))
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(sorted(inv.items()))
print(sorted({x % 3 for x in range(10)}))
print(sorted({c for c in "mississippi"}))
words = ["apple", "bob", "cat", "anna"]
by_first = {w[0]: w for w in words}
print(sorted(by_first.items()))
lens = {w: len(w) for w in words if len(w) > 3}
print(sorted(lens.items()))
pairs = {(i, j) for i in range(3) for j in range(3) if i < j}
print(sorted(pairs))
print(len({x: 1 for x in [1, 1, 2]}))
