# io.BytesIO: an in-memory binary stream.
import io

b = io.BytesIO()
print(b.write(b"abc"), b.write(bytearray(b"\x00\xff")), b.tell())
print(b.getvalue())
print(b.seek(1), b.read(2), b.read(), b.read())
print(b.seek(0, 2), b.tell())

b = io.BytesIO(b"one\ntwo\nthree")
print(b.readline(), b.readline(5), b.readline())
b.seek(0)
print(list(b))
b.seek(4)
b.write(b"TWO")
print(b.getvalue())

buf = bytearray(4)
b = io.BytesIO(b"xyz")
print(b.readinto(buf), buf)

with io.BytesIO(b"q") as b:
    print(b.read())
try:
    b.read()
except ValueError:
    print("ValueError on closed stream")
