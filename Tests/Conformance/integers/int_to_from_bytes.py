# int.to_bytes / int.from_bytes
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (255).to_bytes(1, "big"))
print((0).to_bytes(3, "big"), (1).to_bytes(), (-1).to_bytes(2, "big", signed=True))
print((-129).to_bytes(2, "little", signed=True), (2 ** 64).to_bytes(9, "big"), (-(2 ** 63)).to_bytes(8, "big", signed=True))
print((10).to_bytes(length=2, byteorder="little"))
print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\x00\x10", "little"), int.from_bytes(b"", "big"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\xff\x7f", "little", signed=True))
print(int.from_bytes([1, 2, 3, 4], "big"), int.from_bytes(bytearray(b"\x01\x00"), "little"), int.from_bytes(b"\x80" + bytes(15), "big", signed=True))
print(int.from_bytes(b"\x01\x02", byteorder="big"), int.from_bytes((2 ** 100).to_bytes(13, "big"), "big") == 2 ** 100)
for n in (0, 1, 127, 128, -128, -129, 2 ** 40, -(2 ** 40)):
    b = n.to_bytes(8, "little", signed=True)
    print(n, int.from_bytes(b, "little", signed=True) == n)
for args in ((256, 1, "big", False), (-1, 2, "big", False), (128, 1, "big", True), (-129, 1, "big", True)):
    try:
        args[0].to_bytes(args[1], args[2], signed=args[3])
    except OverflowError as e:
        print("OverflowError", e)
try:
    (1).to_bytes(1, "middle")
except ValueError as e:
    print("ValueError", e)
