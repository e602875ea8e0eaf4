# float methods: is_integer, as_integer_ratio, hex, fromhex, conjugate
for x in (1.0, 1.5, -0.0, 1e300, 5e-324, 0.1, -2.5, 3.0):
    print(x.is_integer(), x.as_integer_ratio(), x.hex(), float.fromhex(x.hex()) == x, x.conjugate())
print(float("inf").is_integer(), float("nan").is_integer(), float("inf").hex(), float("-inf").hex(), float("nan").hex())
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex(" 0X.8p+1 "), float.fromhex("1f"), float.fromhex("0x1.fffffffffffffp+1023"))
print(float.fromhex("inf"), float.fromhex("-Infinity"), float.fromhex("0x1p-1074"), float.fromhex("0x1p-1075"), float.fromhex("0x3p-1076"))
print(float.fromhex("0x1.00000000000008p0"), float.fromhex("0x1.00000000000018p0"), (2.0 ** 0.5).hex(), (0.1).hex())
for bad in ("", "0x", "1.2.3", "0x1q", "0x1p"):
    try:
        float.fromhex(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    float.fromhex("0x1p1024")
except OverflowError as e:
    print("OverflowError", e)
for v in (float("inf"), float("nan")):
    try:
        v.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
