# is / is not / in / not in
a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c, a is not b)
print(None is None, True is True)
print(1 in a, 3 not in a, "b" in "abc", "ab" in "xaby", "" in "x")
print(2 in {1: "a", 2: "b"}, "b" in {1: "a", 2: "b"})
print(3 in range(5), 5 in range(5), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print((1, 2) in [(1, 2)], [1] in [[1]], 1.0 in [1])
print(not 1 in a, not (1 in a))
