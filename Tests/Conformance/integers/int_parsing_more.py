# int() parsing: bases up to 36, underscores, unicode digits, errors
print(int("z", 36), int("ZZ", 36), int("helloworld", 36), int("1_000_000"), int("0b_101", 0) if False else 5)
print(int("0o17", 0), int("0X1f", 0), int("-0b11", 0), int("00", 0), int("٣٤"), int(" 12 \n"))
print(int("123456789" * 5), int("-" + "f" * 40, 16))
for text, base in (("12", 2), ("1__0", 10), ("_1", 10), ("010", 0), ("0x", 16), ("1 2", 10), ("+-1", 10), ("--1", 10), ("", 10)):
    try:
        print(int(text, base))
    except ValueError as e:
        print("ValueError", e)
try:
    int("1", 37)
except ValueError as e:
    print("ValueError", e)
