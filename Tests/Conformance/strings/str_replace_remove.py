# replace with count (including empty old), removeprefix/removesuffix
s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("one", "1", 0), s.replace("one", "1", -1))
print(s.replace("zzz", "x"), s.replace("o", ""), s.replace(" ", "  "), s.replace(s, "all"))
print(repr("abc".replace("", "-")), repr("abc".replace("", "-", 2)), repr("".replace("", "x")), repr("".replace("a", "b")))
print("żółw".replace("ó", "o"), "żółw".replace("", "|"), "aaaa".replace("aa", "b"), "aaa".replace("a", "aa", 2))
print("prefix_name".removeprefix("prefix_"), "prefix_name".removeprefix("name"), "x".removeprefix(""), "".removeprefix("a"))
print("file.txt".removesuffix(".txt"), "file.txt".removesuffix(".py"), "x".removesuffix(""), "txt".removesuffix("file.txt"))
print("żółw".removeprefix("żó"), "żółw".removesuffix("łw"))
try:
    "abc".replace("a", 1)
except TypeError:
    print("TypeError")
