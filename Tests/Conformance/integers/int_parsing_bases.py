# int() with explicit bases and prefixes
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0))
print(int("777", 8), int("0o777", 0), int("101", 2), int("0b101", 0))
print(int("z", 36), int("Zz", 36), int("10", 7))
print(int("  -42  "), int("+7"), int("1_000"), int("-0"))
print(int("123456789012345678901234567890"))
print(int(3.99), int(-3.99), int(True), int("0"))
for bad in ("x", "", "1.5", "12a", "0x"):
    try:
        int(bad)
    except ValueError as e:
        print(repr(bad), type(e).__name__)
try:
    int("9", 8)
except ValueError as e:
    print("base 8", type(e).__name__)
