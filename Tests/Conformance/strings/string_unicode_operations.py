# Unicode strings: case mapping and repr of non-ASCII (CPython oracle: MicroPython
# case-maps ASCII only and escapes non-ASCII in repr)
s = "naïve café ☕"
print(len(s), len(s.encode("utf-8")))
print(s.upper(), s.split())
print(s.encode("utf-8").decode("utf-8") == s)
print([ord(c) for c in "aé☕"])
print("☕" in s, s.find("é"), s.index("☕"))
print("😀", len("😀"), len("😀".encode()))
print("ß".upper(), "Ç".lower(), repr("é"), repr("中"))
