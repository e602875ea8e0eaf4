# Integer literal forms: decimal, hex, octal, binary, underscores
print(0, 00, 123, -7)
print(0x1F, 0XfF, 0o17, 0O777, 0b1011, 0B0)
print(1_000_000, 0x_FF_FF, 0o_7_7, 0b_1111_0000)
print(123456789012345678901234567890)
print(0xFFFFFFFFFFFFFFFFFFFFFFFF)
print(0b1 + 0o1 + 0x1 + 1)
print(type(10).__name__, type(0x10).__name__)
x = 1_0
print(x * 2, -0b11, +0o10)
print(1 if 0x0 else 2)
