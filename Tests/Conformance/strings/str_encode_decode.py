# str.encode and bytes.decode with utf-8, ascii, latin-1 and error handlers
s = "héllo wörld €"
print(s.encode(), s.encode("utf-8"), s.encode("UTF8"), s.encode(encoding="utf_8"))
print("abc".encode("ascii"), s.encode("ascii", "ignore"), s.encode("ascii", "replace"))
print("café".encode("latin-1"), "café".encode("latin1"), s.encode("latin-1", "replace"))
print(s.encode("ascii", "backslashreplace"), s.encode("ascii", "xmlcharrefreplace"))
b = s.encode()
print(b.decode(), b.decode("utf-8") == s, b"caf\xe9".decode("latin-1"), b"abc".decode("ascii"))
print(repr(b"\xff\xfeabc".decode("utf-8", "replace")), repr(b"\xff\xfeabc".decode("utf-8", "ignore")))
print(repr(b"a\xe2\x82b".decode("utf-8", "replace")), repr(b"\xe2\x82".decode("utf-8", "replace")))
print(repr(b"\xed\xa0\x80x".decode("utf-8", "replace")), repr(b"\xf0\x9f\x98\x80".decode()))
print(repr(b"ab\x80c".decode("ascii", "replace")), repr(b"ab\x80c".decode("ascii", "ignore")))
print(str(b"caf\xc3\xa9", "utf-8"), str(b"caf\xe9", encoding="latin-1"), str(b"\xff", "utf-8", "replace"))
print(bytes("żółw", "utf-8"), bytearray("ab", "ascii"), bytes("é", encoding="latin-1"))
for bad in [lambda: "é".encode("ascii"), lambda: b"\xff".decode(), lambda: b"\x80".decode("ascii"),
            lambda: "€".encode("latin-1")]:
    try:
        bad()
    except UnicodeError as e:
        print("UnicodeError", isinstance(e, ValueError))
try:
    "x".encode("no-such-codec")
except LookupError:
    print("LookupError")
try:
    bytes("abc")
except TypeError:
    print("TypeError")
