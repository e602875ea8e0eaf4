# str.startswith/endswith with tuples and start/end
s = "hello world"
print(s.startswith("hell"), s.startswith("world"), s.startswith("world", 6), s.startswith("wor", 6, 8))
print(s.startswith("wor", 6, 9), s.startswith(""), s.startswith("", 11), s.startswith("", 12))
print(s.startswith(("x", "he")), s.startswith(("x", "y")), s.startswith(()), s.startswith("o", -5))
print(s.endswith("world"), s.endswith("hello", 0, 5), s.endswith("hell", 0, 4), s.endswith(("d", "x")))
print(s.endswith("", 5), s.endswith("", 12), s.endswith("o", None, 5), s.endswith("d", -1), s.endswith("l", -3, -1))
print("".startswith(""), "".endswith(""), "".startswith("a"), "a".endswith("ab"))
u = "żółw i jeż"
print(u.startswith("żół"), u.endswith("jeż"), u.startswith("i", 5), u.endswith("w", 0, 4), u.endswith(("x", "ż")))
for bad in [lambda: s.startswith(1), lambda: s.endswith(["a"]), lambda: s.startswith(("a", 1))]:
    try:
        bad()
    except TypeError:
        print("TypeError")
