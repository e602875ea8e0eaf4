# int()/float()/eval()/exec() given bytes-like objects, __debug__, ~ on a float,
# and slices of ranges keeping the slice's own stop.
print(int(b"123"), int(bytearray(b"-45")), int(memoryview(b"678")))
print(float(b"1.5"), float(bytearray(b"-2.25")), float(memoryview(b"1e3")))
print(eval(b"1 + 2"))
ns = {}
exec(b"x = 3 * 4", ns)
print(ns["x"], __debug__)
try:
    ~1.2
except TypeError:
    print("TypeError for ~float")
for r in (range(4)[1::2], range(4)[1:-2:2], range(1, 100, 5)[5:15:3], range(1, 100, 5)[15:5:-3],
          range(10)[::-1], range(0, 10, 3)[1:], range(5)[3:1]):
    print(r, list(r))
# Zero padding with grouping pads through the separators; %c of an int is right-aligned
# as a number; % takes a namedtuple as its arguments.
for w in (1, 4, 5, 7, 9):
    print(("{:0%d,d}" % w).format(0), ("{:0%d_x}" % w).format(0x1000), ("{:0%d,}" % w).format(-1234))
print("[{:4c}]".format(48))
from collections import namedtuple
Pair = namedtuple("Pair", "a b")
print("%d-%d" % Pair(1, 2))
# %-format of integers with a precision: at least that many digits.
for val in (-12, 12, 0):
    print(">%.4d<" % val, ">%8.4d<" % val, ">%08.4d<" % val, ">%-8.4d<" % val, ">%+.3d<" % val, ">%#.4x<" % val, ">%.3o<" % val)
print("%*.*d" % (6, 3, 7))
# Powers of floats at the edges: zero to -inf, negative bases to fractional powers (complex).
inf = float("inf")
print(0.0 ** -inf, pow(0.0, inf), (-2.0) ** inf, (-0.5) ** inf)
for z in ((-2.0) ** 0.5, pow(-8.0, 1 / 3), (-1.0) ** 1.5):
    print(type(z).__name__, round(z.real, 6), round(z.imag, 6))
try:
    0.0 ** -1.0
except ZeroDivisionError:
    print("ZeroDivisionError")
# __float__ must return a float; %f uses it; format code 'n' for floats.
class F:
    def __float__(self):
        return 2.5
class NotFloat:
    def __float__(self):
        return 6
print("%.1f" % F(), float(F()), "{:10.4n}|{:n}".format(123.456, 0.5))
try:
    float(NotFloat())
except TypeError:
    print("TypeError")
# id() tells small ints, floats and the singletons apart.
print(id(1) == id(2), id(1) == id(1), id(None) == id(None), id(True) == id(False), id(0) == id(False))
