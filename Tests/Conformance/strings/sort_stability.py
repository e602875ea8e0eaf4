# Equal keys keep their order (CPython's sort is stable; MicroPython's is not),
# on the native paths for numbers and strs and the general one for tuples.
print(sorted([3, 1.5, -2, 1, 1.0, True]), sorted([2.5, -0.0, 0.0, -1e300]))
words = ["bb", "a", "ccc", "dd", "e"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: w[0] in "abc"), sorted(words, key=lambda w: (len(w), 0), reverse=True))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "a"), (1, "a")]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
