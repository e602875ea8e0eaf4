# A view of bytes is read-only: reading works, assignment raises TypeError
b = b"abcdef"
mv = memoryview(b)
print(mv.readonly, memoryview(bytearray(b)).readonly, mv[1:3].readonly)
print(mv[0], mv[5], bytes(mv[1:4]))
try:
    mv[0] = 65
except TypeError:
    print("TypeError")
try:
    mv[0:2] = b"zz"
except TypeError:
    print("TypeError")
try:
    mv[1:3][0] = 1
except TypeError:
    print("TypeError")
print(b)
