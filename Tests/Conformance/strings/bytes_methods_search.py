# bytes/bytearray searching: find/rfind/index/rindex/count/startswith/endswith/in
b = b"hello world, hello"
ba = bytearray(b)
for x in (b, ba):
    print(x.find(b"hello"), x.find(b"hello", 1), x.rfind(b"hello"), x.rfind(b"o", 0, 10), x.find(111), x.find(b""))
    print(x.index(b"world"), x.rindex(b"l"), x.count(b"l"), x.count(b"l", 5, -3), x.count(b""), x.count(108))
    print(x.startswith(b"hell"), x.startswith((b"x", b"he")), x.endswith(b"hello"), x.endswith(b"o", 0, 5))
    print(x.find(b"o", -3), x.find(bytearray(b"wor")), x.find(b"", 19), x.startswith(b"", 19))
    print(b"lo" in x, 104 in x, b"zz" in x, x.find(b"h", None, None))
try:
    b.index(b"xyz")
except ValueError:
    print("ValueError")
try:
    b.rindex(120)
except ValueError:
    print("ValueError")
try:
    b.find("str")
except TypeError:
    print("TypeError")
try:
    b.find(300)
except ValueError:
    print("ValueError")
