# ptr8/ptr16/ptr32 read and write a buffer's bytes (little-endian), from the
# buffer itself, from ptrN(obj) casts, from an address passed as an int, and
# through a memoryview's offset.
import micropython


@micropython.viper
def fill16(buf: ptr16, n: int, v: int):
    for i in range(n):
        buf[i] = v + i


@micropython.viper
def total32(buf) -> int:
    p = ptr32(buf)
    n = int(len(buf)) >> 2
    s = 0
    for i in range(n):
        s += p[i]
    return s


@micropython.viper
def address(buf: ptr) -> ptr:
    return buf


@micropython.viper
def poke(addr: ptr8, v: int):
    addr[0] = v
    addr[1] += 1


@micropython.viper
def swap_nibbles(b: ptr8, n: int):
    i = 0
    while i < n:
        c = b[i]
        b[i] = ((c & 0x0F) << 4) | (c >> 4)
        i += 1


b = bytearray(8)
fill16(b, 4, 0x0102)
print(b)
print(hex(total32(b)))
a = address(b)
print(type(a))
poke(a + 6, 0x41)
print(b)
m = memoryview(b)[2:6]
swap_nibbles(m, 4)
print(b)
print(total32(b"\x01\x00\x00\x00\x02\x00\x00\x00"))
