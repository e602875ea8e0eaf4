# math.gamma and math.lgamma agree with CPython to the last digit
import math
for x in [0.5, 1.5, 2.5, 3.7, 10.1, 30.5, 100.3, 170.5, 171.7, -0.5, -1.5, -2.3, -10.7, -150.5, -190.5, 1e-21, 7.0,
          25.0, 0.001, 1.0, 2.0, -1e-21, 1e300, math.inf, -math.inf]:
    try:
        g = math.gamma(x)
    except (ValueError, OverflowError) as e:
        g = type(e).__name__
    try:
        l = math.lgamma(x)
    except (ValueError, OverflowError) as e:
        l = type(e).__name__
    print(x, g, l)
