# math domain and range errors
import math
cases = [(math.sqrt, -1), (math.log, 0), (math.log, -1), (math.log, 0.0), (math.acos, 2), (math.asin, -2), (math.acosh, 0.5),
         (math.atanh, 1), (math.exp, 1000), (math.cosh, 1000), (math.sinh, -1000), (math.gamma, 0), (math.gamma, -2),
         (math.gamma, 200), (math.lgamma, -1), (math.factorial, -1), (math.factorial, 2.0), (math.isqrt, -1),
         (math.ceil, math.inf), (math.floor, math.nan), (math.trunc, -math.inf), (math.log2, 0), (math.log10, -5),
         (math.sin, math.inf), (math.cos, -math.inf), (math.tan, math.inf), (math.log1p, -1), (math.sqrt, "x"),
         (math.floor, "x"), (math.log, -(2 ** 2000)), (math.expm1, 1000)]
for f, a in cases:
    try:
        print(f.__name__, f(a))
    except (ValueError, OverflowError, TypeError) as e:
        print(f.__name__, type(e).__name__, e)
for f, a, b in [(math.pow, 0, -1), (math.pow, -8, 1 / 3), (math.pow, 10, 400), (math.fmod, 1, 0), (math.fmod, math.inf, 1),
                (math.ldexp, 1.0, 2000), (math.log, 10, 1), (math.comb, -1, 2), (math.perm, 3, -1), (math.gcd, 1.5, 2),
                (math.log, 8, 0)]:
    try:
        print(f.__name__, f(a, b))
    except (ValueError, OverflowError, ZeroDivisionError, TypeError) as e:
        print(f.__name__, type(e).__name__, e)
print(math.sqrt(math.nan), math.log(math.nan), math.ldexp(1.0, -2000), math.exp(-1000), math.pow(math.inf, -1))
