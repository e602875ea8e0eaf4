# Slicing a memoryview makes a view, not a copy: views of views share the base
ba = bytearray(b"0123456789")
mv = memoryview(ba)
print(len(mv), mv[0], mv[-1], mv[9])
a = mv[2:8]
b = a[1:4]
c = b[1:]
print(len(a), len(b), len(c))
print(bytes(a), bytes(b), bytes(c))
ba[3] = ord("x")
print(bytes(a), bytes(b), bytes(c))
c[0] = ord("Y")
print(ba)
print(b[0], b[-1], c[-1])
print(bytes(mv[-3:]), bytes(mv[:0]), len(mv[100:]), bytes(mv[-100:2]))
try:
    a[6]
except IndexError:
    print("IndexError")
try:
    mv[-11]
except IndexError:
    print("IndexError")
