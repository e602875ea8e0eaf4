# Augmented assignment on names, all operators
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x %= 3; print(x)
x **= 3; print(x)
x <<= 4; print(x)
x >>= 2; print(x)
x |= 0b1010; print(x)
x &= 0b0110; print(x)
x ^= 0xFF; print(x)
y = 7
y /= 2; print(y)
s = "ab"
s += "cd"; s *= 2; print(s)
t = (1,)
t += (2,); print(t)
