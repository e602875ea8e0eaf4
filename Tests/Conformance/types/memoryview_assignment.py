# Assigning ints and slices into a bytearray through a memoryview
ba = bytearray(b"hello world")
mv = memoryview(ba)
mv[0] = 72
mv[-1] = 68
print(ba)
mv[6:11] = b"WORLD"
print(ba)
mv[0:2] = bytearray(b"JE")
print(ba)
part = mv[1:5]
part[1:3] = b"__"
print(ba)
mv[2:4] = memoryview(b"xy")
print(ba)
mv[3:3] = b""
print(ba)
for bad in (b"abc", b"a", b""):
    try:
        mv[0:2] = bad
    except ValueError:
        print("ValueError", len(bad))
try:
    mv[0] = 256
except ValueError:
    print("ValueError 256")
try:
    mv[0] = -1
except ValueError:
    print("ValueError -1")
try:
    mv[20] = 1
except IndexError:
    print("IndexError")
print(ba)
