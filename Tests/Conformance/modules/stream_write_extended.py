# MicroPython's extended stream write: write(buf, len) and write(buf, offset, len),
# clipped to the buffer (CPython's write takes the buffer only).
import io

buf = io.BytesIO()
print(buf.write(b"foo", 2), buf.write(b"foo", 100), buf.write(b"foobar", 1, 3))
print(buf.write(b"foobar", 1, 100), buf.write(b"foobar", 100, 100), buf.getvalue())
