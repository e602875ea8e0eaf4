# Ints around the 48-bit inline range and the 64-bit machine range, where the
# runtime switches representation: every result must be the exact int.
big = [2**47 - 1, 2**47, 2**53 + 1, 2**62, 2**63 - 1, 2**63, -2**47, -2**63, -2**63 - 1]
for a in big:
    for b in (1, -1, 3, -7, 2**31, -(2**33)):
        print(a + b, a - b, a * b, a // b, a % b, a & b, a | b, a ^ b)
print((2**62) + (2**62), (2**63 - 1) + 1, -2**63 - 1, (-2**63) // -1, (-2**63) % -1)
print((2**62) * 2, (2**32) * (2**31), (2**32) * (2**32), -(2**32) * (2**31))
for s in (0, 1, 15, 16, 47, 48, 62, 63, 64, 65):
    print(s, 1 << s, (2**40) << s, -(2**40) << s, (2**62) >> s, -(2**62) >> s)
state = 0x1234ABCD
for _ in range(5):
    state = (state * 1664525 + 1013904223) & 0xFFFFFFFF
    print(state, state >> 16, state * 0x9E3779B9 & 0xFFFFFFFFFFFF)
x = 2**50
print(x == 2**50, x < 2**50 + 1, x > 1.5, x == float(2**50), True + x, x - True)
print(sorted([2**60, 3, -2**55, 2**48, 7.5, -1]), max(2**63, 2**62), min(-2**63, 5))
print(sum(i * i for i in range(300000)), hash(2**50) == hash(2**50))
