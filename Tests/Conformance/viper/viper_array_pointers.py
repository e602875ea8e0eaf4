# viper pointers into array.array: ptr16 over 'h' samples, ptr32 over 'I'
# words, ptr8 over the bytes of a float array (little-endian, IEEE 754).
import micropython
from array import array

@micropython.viper
def gain(samples: ptr16, n: int, shift: int):
    for i in range(n):
        v = samples[i]
        if v & 0x8000:
            v -= 0x10000
        samples[i] = v >> shift

@micropython.viper
def total(words: ptr32, n: int) -> int:
    s = 0
    for i in range(n):
        s += words[i]
    return s

@micropython.viper
def bytes_of(a, n: int):
    p = ptr8(a)
    out = []
    for i in range(n):
        out.append(p[i])
    return out

a = array('h', [1000, -1000, 32767, -32768])
gain(a, 4, 2)
print(a)
b = array('I', [1, 2, 3, 0xFFFFFFFF])
print(total(b, 3), bytes_of(b, 8))
f = array('f', [1.0])
print(bytes_of(f, 4))
