# for loops over range(...) calls: bounds, steps, empty ranges, nesting,
# comprehensions, errors and ints past the small-int range.
for i in range(3):
    print("a", i)
for i in range(2, 10, 3):
    print("b", i)
for i in range(10, 2, -3):
    print("c", i)
for i in range(5, 2):
    print("never")
for i in range(-3):
    print("never")
for i in range(0, 10, 4):
    print("d", i)
print([i * i for i in range(5)], list(x for x in range(1, 4)), sorted({i % 2 for i in range(3)}))
print([(i, j) for i in range(3) for j in range(i)])
print(sum(i for i in range(100)), max(range(-5, 5, 2)))
n = 4
for i in range(n - 1, -1, -1):
    print("e", i)
for i in range(n):
    for j in range(i, n):
        if j == 2:
            break
    else:
        continue
    print("f", i, j)
try:
    for i in range(1, 5, 0):
        pass
except ValueError:
    print("ValueError")
try:
    for i in range("a"):
        pass
except TypeError:
    print("TypeError")
for i in range(2 ** 60, 2 ** 60 + 2):
    print("g", i)
for i in range(2 ** 46, 2 ** 48, 2 ** 46):
    print("h", i)
total = 0
for i in range(1000):
    total += i
print(total)
def crc8(data):
    crc = 0
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc
print(crc8(b"breadbox"))
