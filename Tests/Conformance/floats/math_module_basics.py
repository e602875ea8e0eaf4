# A few math functions present in both CPython and MicroPython
from math import sqrt, floor, ceil, pi, e
import math
print(sqrt(16), sqrt(2) * sqrt(2) > 1.999)
print(floor(2.7), floor(-2.7), ceil(2.1), ceil(-2.1))
print(type(floor(2.5)).__name__, type(ceil(2.5)).__name__)
print(round(pi, 5), round(e, 5))
print(math.fabs(-3), math.pow(2, 8), math.trunc(-3.7))
print(round(math.sin(0), 9), round(math.cos(0), 9), round(math.atan2(1, 1) * 4, 9))
print(round(math.log(math.e), 9), math.log10(1000), round(math.exp(0), 9))
