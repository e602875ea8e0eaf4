# inf, nan and signed zero behaviour
inf = float("inf")
nan = float("nan")
print(inf > 1e308, -inf < -1e308, inf == inf, inf - inf != inf - inf)
print(nan == nan, nan != nan, nan is nan)
print(inf * 0 != inf * 0, inf + 1 == inf, 1 / inf)
print(-0.0 == 0.0, str(-0.0), repr(0.0 * -1))
print(abs(-0.0), abs(-inf))
import math
print(math.isinf(inf), math.isnan(nan), math.isfinite(1.0), math.isfinite(inf))
print(math.copysign(1, -0.0), math.copysign(3, 5))
print(float("Infinity"), float("-INF"), float(" nan "))
print(max(1.0, inf), min(-inf, 0))
