# 0, 1 and -1 raised to a power too big for a machine word, and a byte count
# too big for one.
i = 1 << 65
print(0 ** i, 1 ** i, (-1) ** i, (-1) ** (i + 1), i ** 0, i ** 1, i ** 2)
for make in (bytearray,):
    try:
        make(i)
    except OverflowError:
        print(make.__name__, 'OverflowError')

from collections import deque
d = deque((1, 2, 3), 5)
try:
    d[0:1]
except TypeError:
    print('TypeError')
try:
    d[0:1] = (9,)
except TypeError:
    print('TypeError')
try:
    del d[0:1]
except TypeError:
    print('TypeError')
print(list(d))
