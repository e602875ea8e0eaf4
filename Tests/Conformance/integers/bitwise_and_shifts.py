# Bit operations and shifts, including on big and negative ints
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010, ~0b1100)
print(1 << 0, 1 << 10, 1 << 100, (1 << 100) >> 98)
print(-1 >> 1, -8 >> 2, -1 << 4, -9 >> 1)
big = (1 << 80) | (1 << 3)
print(big & 0xFF, big >> 80, big ^ (1 << 80), hex(big))
print(-(1 << 70) & 0xFFFF, -(1 << 70) | 1, ~(1 << 70))
print((2 ** 100 - 1) & (2 ** 50 + 7), (2 ** 65) ^ (2 ** 64))
print(bin(255), oct(8), hex(-255), bin(-5))
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__)
