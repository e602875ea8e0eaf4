# memoryview attributes (readonly, nbytes, obj) and release()
ba = bytearray(b"abcd")
mv = memoryview(ba)
print(mv.readonly, mv.nbytes, mv.obj is ba, len(mv))
s = mv[1:3]
print(s.nbytes, s.obj is ba, len(s))
r = memoryview(b"xyz")
print(r.readonly, r.nbytes, r.obj)
print(type(mv).__name__, isinstance(mv, memoryview), bool(mv), bool(mv[0:0]))
mv.release()
for op in (lambda: mv[0], lambda: len(mv), lambda: bytes(mv), lambda: mv.tobytes()):
    try:
        op()
        print("no error")
    except ValueError:
        print("ValueError")
print(s.tobytes())
mv.release()
with memoryview(b"ctx") as m:
    print(m.tobytes())
try:
    m[0]
except ValueError:
    print("ValueError")
try:
    memoryview(None)   # (a str is a buffer on MicroPython, so not tested here)
except TypeError:
    print("TypeError")
try:
    memoryview(12)
except TypeError:
    print("TypeError")
