# bytes.hex (with separators) and bytes.fromhex / bytearray.fromhex
b = bytes(range(0, 256, 37))
print(b.hex(), bytearray(b).hex(), b"".hex())
print(b.hex(":"), b.hex("-", 2), b.hex("-", -2), b.hex(" ", 3), b.hex(b"|"), b"\x01".hex(":"))
print(bytes.fromhex("deadbeef"), bytes.fromhex("de ad  BE ef"), bytes.fromhex(""), bytes.fromhex(" 01 "))
x = bytearray.fromhex("00ff10")
print(x, type(x).__name__, type(bytes.fromhex("00")).__name__)
for bad in ["0", "zz", "0 0", "1g"]:
    try:
        bytes.fromhex(bad)
    except ValueError:
        print("ValueError", repr(bad))
