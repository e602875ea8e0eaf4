# Strings are immutable sequences of characters
s = "héllo wörld"
print(len(s), s[1], s[-1], s[7])
print([c for c in "abc"], list("xy"))
print(ord("a"), chr(97), ord("é"), chr(233), chr(0x4e2d))
try:
    s[0] = "H"
except TypeError as e:
    print(type(e).__name__)
try:
    s[100]
except IndexError as e:
    print(type(e).__name__)
print("ab" * 3, "-" * 0, 2 * "xy")
print(sorted("banana"), min("hello"), max("hello"))
print("abc" + "def", str(12) + "x", "a" < "b")
print(len("日本"), "日本"[1], "日本".encode("utf-8"))
