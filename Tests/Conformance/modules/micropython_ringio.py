# micropython.RingIO: a byte ring read and written as a stream; RingIO(n) holds
# n bytes, RingIO(buffer) len(buffer) - 1.
import micropython

rb = micropython.RingIO(16)
print(rb, rb.any())
rb.write(b'\x00')
rb.write(b'\x00')
print(rb.any(), rb.read(2), rb.any())
rb.write(b'ab\ncd')
print(rb.readline(), rb.read(1), rb.read(), rb.read(1))
print(rb.write(b'\x00\x01' * 10), rb.write(b'\x00'), rb.read())
rb.write(b'wrap around')
buf = bytearray(4)
print(rb.readinto(buf), buf, rb.read())
ba = bytearray(17)
rb = micropython.RingIO(ba)
print(rb.write(b'xy' * 10), rb.read(3))
for bad in (None, bytearray(0), bytearray(1), 0, 65535):
    try:
        micropython.RingIO(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
