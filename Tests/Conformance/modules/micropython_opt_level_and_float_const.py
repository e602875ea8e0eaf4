# micropython.opt_level: from 1 on, __debug__ is False and assert compiles to
# nothing; const() folds float arithmetic.
import micropython
from micropython import const

micropython.opt_level(0)
print(micropython.opt_level())
exec('print(__debug__)')
try:
    exec('assert 0, "kept"')
except AssertionError as e:
    print('AssertionError', e)
micropython.opt_level(1)
print(micropython.opt_level())
exec('print(__debug__)')
exec('assert 0')
print('assert skipped')
micropython.opt_level(0)

F1 = const(2.5)
F2 = const(-0.3)
F3 = const(F1 + F2)
F4 = const(F1 ** 2)
F5 = const(1 / 2)
F6 = const(2 ** -2)
F7 = const(-F1 * 2)
print(F1, F2, F3, F4, F5, F6, F7)

import math
two_pi = const(2.0 * math.pi)
print(two_pi, math.cos(two_pi))

# Level 3 keeps no line numbers: a traceback says line 1.
micropython.opt_level(3)
exec("""
def f():
    x = 1

    return y
try:
    f()
except NameError as e:
    import sys
    sys.print_exception(e)
""")
micropython.opt_level(0)
