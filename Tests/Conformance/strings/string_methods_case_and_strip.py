# Case conversion and stripping
s = "  Hello World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcba".strip("ab"), "..a..".lstrip("."), "..a..".rstrip("."))
print("MiXeD".lower(), "MiXeD".upper())
print("abc".isalpha(), "ab1".isalpha(), "123".isdigit(), "12a".isdigit())
print(" \t\n".isspace(), "".isspace(), "ABC".isupper(), "abc".islower(), "aBc".islower())
print("\tx\n".strip(), len(" a ".strip()))
