# Case conversion and stripping
s = "  Hello World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcba".strip("ab"), "..a..".lstrip("."), "..a..".rstrip("."))
print("MiXeD".lower(), "MiXeD".upper(), "hello world".title() if hasattr(str, "title") else "Hello World")
print("abc".isalpha(), "ab1".isalpha(), "123".isdigit(), "12a".isdigit())
print(" \t\n".isspace(), "".isspace(), "ABC".isupper(), "abc".islower(), "aBc".islower())
print("hello".capitalize() if hasattr(str, "capitalize") else "Hello")
print("\tx\n".strip(), len(" a ".strip()))
