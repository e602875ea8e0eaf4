print([x * 2 for x in range(4) if x], {k: k * 2 for k in "ab"}, {x % 3 for x in range(10)})
big = 2 ** 100 + 12345678901234567890
print(big, big // 7, -big % 1000)
print(1.5 * 3, 1e100, 0.1 + 0.2, 2j * 2j)
print(b"bytes\x00\xff", bytes(3), "uni\u00e9")
name = "world"; width = 8
print(f"hello {name!r:>{width}} {3.14159:.2f} {{}}")
a, *b, c = range(6); print(a, b, c)
print((lambda *a, **k: (a, k))(1, x=2))
print(None, ..., True and False or 3, not 0, 5 if 0 else 6, 3 in [3], 4 not in [3], None is not None)
