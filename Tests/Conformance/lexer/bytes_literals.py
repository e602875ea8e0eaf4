# Bytes literal forms and escapes
b = b"abc"
print(b, type(b).__name__, len(b))
print(b[0], b[-1], b[1:])
print(b'x\x00y', b"\x41\x42", b'\n\t')
print(list(b"\xff\x80"))
print(b"hello" + b" " + b"world")
print(b"a" * 3, b"ab" == bytes([97, 98]))
print(bytes(3), bytes(range(65, 70)))
print(b'''trip''', b"x" in b"xyz", 120 in b"xyz")
print(b"abc".decode(), "é".encode(), b"\xc3\xa9".decode("utf-8"))
