# math: ceil/floor/trunc return ints, exact integer functions
import math
print(math.ceil(2.1), math.ceil(-2.1), math.floor(2.7), math.floor(-2.7), math.trunc(-2.9), math.trunc(2.9))
print(math.ceil(1e300) == 10 ** 300, math.floor(1e300) == int(1e300), math.floor(5), math.trunc(2 ** 70), math.ceil(-0.5), math.floor(True))
print(type(math.floor(2.5)).__name__, type(math.ceil(2.0)).__name__, type(math.trunc(2.0)).__name__)
class Thing:
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"
    def __trunc__(self): return "trunc"
print(math.floor(Thing()), math.ceil(Thing()), math.trunc(Thing()))
print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(-12, 18, 27), math.gcd(), math.gcd(2 ** 100, 6 ** 50), math.gcd(7))
print(math.lcm(4, 6), math.lcm(), math.lcm(0, 5), math.lcm(-4, 6, 10), math.lcm(2 ** 64, 3))
print(math.factorial(0), math.factorial(1), math.factorial(20), math.factorial(30), len(str(math.factorial(1000))))
print(math.comb(10, 3), math.comb(100, 50), math.comb(3, 5), math.comb(5, 0), math.comb(10 ** 20, 2))
print(math.perm(5, 2), math.perm(5), math.perm(3, 5), math.perm(10, 0), math.perm(5, None))
print(math.isqrt(0), math.isqrt(1), math.isqrt(99), math.isqrt(100), math.isqrt(10 ** 40), math.isqrt(2 ** 201))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]), math.prod([1, 2], start=10), math.prod(range(1, 26)))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]), math.fsum([]), math.fsum([1e308, -1e308, 1e308]))
print(math.fsum([0.1, 0.2, 0.3]), math.fsum(x / 7 for x in range(100)), math.fsum([-0.0, -0.0]), math.fsum([math.inf, 1]))
