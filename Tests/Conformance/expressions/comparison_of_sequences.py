# Lexicographic comparison of sequences and mixed-type equality
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], (2,) > (1, 9))
print("abc" < "abd", "Z" < "a", "" < "a", "abc" == "abc")
print((1, "a") < (1, "b"), [1, [2]] == [1, [2]])
print(1 == "1", [1] == (1,), None == 0, {} == {}, {1: 2} == {1: 2})
try:
    [1] < "a"
except TypeError as e:
    print(type(e).__name__)
try:
    None < 1
except TypeError as e:
    print(type(e).__name__)
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
print(max("apple", "pear", "fig"), min([3, 1], [2, 9]))
