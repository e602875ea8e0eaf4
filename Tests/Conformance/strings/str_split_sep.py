# str.split/rsplit with an explicit separator and maxsplit
s = "a,b,,c,"
print(s.split(","), s.split(",", 1), s.split(",", 0), s.split(",", -1), s.split(",", 10))
print(s.rsplit(","), s.rsplit(",", 1), s.rsplit(",", 2), s.rsplit(",", 0))
print("a--b--c".split("--"), "a--b--c".rsplit("--", 1), "---".split("--"), "---".rsplit("--"))
print("".split(","), "".rsplit(","), ",".split(","), "abc".split("abc"), "abc".split("abcd"))
print("a b".split(sep=" "), "a b c".split(" ", maxsplit=1), "a b c".rsplit(sep=" ", maxsplit=1))
print("x→y→z".split("→"), "x→y→z".rsplit("→", 1), "日本語".split("本"))
try:
    "abc".split("")
except ValueError:
    print("ValueError")
try:
    "abc".rsplit("")
except ValueError:
    print("ValueError")
try:
    "abc".split(1)
except TypeError:
    print("TypeError")
