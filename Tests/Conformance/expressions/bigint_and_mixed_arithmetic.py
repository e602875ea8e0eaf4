log = []
def t(v):
    log.append(v)
    return v
print(t(1) < t(2) < t(3), log)
log.clear()
print(t(3) < t(2) < t(1), log)
log.clear()
print(t(1) == t(1) != t(2), log)
print(1 < 2 > 1 == 1 in [1] not in [2] is not None)
print(True + True, True * 2.5, 3 / 2, 3 // 2, -3 // 2, -3 % 2, 3 % -2, -7 // 2.0, -7 % 2.0)
print(1 == 1.0, True == 1, hash(1) == hash(1.0) == hash(True), {1: "a", 1.0: "b", True: "c"})
big = 2 ** 100
print(big, -big, big * big, big // 7, -big // 7, big % 7, -big % 7, big % -7)
print(divmod(big, 7), divmod(-big, 7), divmod(big, -7), divmod(-7, 2), divmod(7.5, 2), divmod(-7.5, 2))
print(big >> 3, -big >> 3, -1 >> 100, 1 << 70, -(1 << 70), (-5) >> 1, -big << 2)
print(big & (2**64 - 1), big | 1, big ^ big, ~big, -big & 0xff, ~0)
print(pow(3, 200, 1000), pow(2, 10), pow(2, -1), pow(-2, 3), pow(7, -1, 13), pow(big, 3, 10**9 + 7))
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(2.675, 2), round(125, -1), round(135, -1), round(1234.5678, -2))
print(round(5), type(round(2.5)), round(2.5, 0), type(round(2.5, 0)))
print("ab" * -1, "ab" * 0, [1] * -3, (1,) * 2, 3 * "x")
print(10 ** 20 == 1e20, 2 ** 53 + 1 == float(2 ** 53 + 1), 10 ** 30 > 1e29, int(1e20))
print(big == float(big), big < float("inf"), -big > float("-inf"))
print(abs(-big), -(-big), +big, int("-" + str(big)) == -big)
print(7 // -1, -7 // 1, 0 // 5, -0.0, 0.0 == -0.0, 5 % 1, 10 ** -2)
print(2 ** 64 // 2 ** 32, (2 ** 64) / (2 ** 32), 1 / 3)
print(isinstance(True, int), True is True, (1, 2) == (1, 2), [] is [], None is None)
a = [1]; b = a; c = [1]
print(a is b, a is c, a == c, a is not c)
x = 1000
print(x is x, -5 // 3, -5 % 3, 5 // -3, 5 % -3)
print(3 < 3.5 < 4, 1 < True + 1, (1, 2) < (1, 2, 0), [1, 2] < [1, 3], "abc" < "abd" < "b")
print(0.1 + 0.2, 1e16 + 1, 2 ** 0.5, (-8) ** (1/3) if False else 0, 10 / 4, 7 // 2.5)
print(int("  42  "), int("-0x1f", 16), int("0b101", 0), int("1_000"), float("1e3"), int(-3.9), int(3.9))
print(bool(0.0), bool(-0.0), bool(big), not big, big and 0, 0 or big)
print(max(1, 2.0), min(True, 0), sum([0.5, big]) == big + 0.5, sum(range(101)))
print(hex(-255), oct(8), bin(-5), hex(big))
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZDE", e)
try:
    1 % 0
except ZeroDivisionError as e:
    print("ZDE", e)
try:
    big // 0
except ZeroDivisionError as e:
    print("ZDE big")
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZDE", e)
try:
    1 << -1
except ValueError as e:
    print("ValueError", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError", e)
print(3 * (2 ** 70) // (2 ** 69), (2 ** 70 + 1) % 3, -(2 ** 70) % 3, (2**70) // -3, (-2**70) // -3)
print((10**40 + 7) // (10**20 + 3), (10**40 + 7) % (10**20 + 3), -(10**40) // (10**20 + 3))
print(divmod(10**30, -(10**15 + 1)))
print(int.bit_length(big), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "big"))
print(1e300 * 1e10, -1e300 * 1e10, 5 .real if hasattr(5, "real") else 5)
print(float("nan") == float("nan"), float("inf") > big)
