# Floor division and modulo follow the sign of the divisor
for a in (7, -7):
    for b in (2, -2, 3, -3):
        print(a, b, a // b, a % b, divmod(a, b))
print(divmod(0, 5), divmod(-1, 10), divmod(10 ** 20, -3))
print(divmod(7.5, 2), divmod(-7.5, 2))
print((-7) // 2 * 2 + (-7) % 2)
try:
    5 // 0
except ZeroDivisionError as e:
    print(type(e).__name__)
try:
    5 % 0
except ZeroDivisionError as e:
    print(type(e).__name__)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__)
