# bytes and bytearray operations
b = b"hello world"
print(b.upper(), b.split(), b.find(b"o"), b.count(b"l"), b.replace(b"l", b"L"))
print(b.startswith(b"he"), b[0], b[:5], b + b"!", len(b))
ba = bytearray(b"abc")
ba[0] = 65
ba.append(68)
ba.extend(b"ef")
print(ba, len(ba), bytes(ba))
print(bytes([1, 2, 255]), list(bytes(2)), bytearray(3))
print(b"abc".decode("utf-8"), "xyz".encode(), b"%d-%s" % (1, b"x") if False else b"1-x")
print(b"a,b".split(b","), b"-".join([b"a", b"b"]), b" x ".strip())
print(b"\x01\x02".hex(), bytes.fromhex("0102ff"))
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__)
