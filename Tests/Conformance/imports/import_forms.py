# import forms with modules both runtimes have
import sys
from math import sqrt
from math import floor as fl, ceil
import math as m
print(type(sys.argv).__name__, sqrt(9.0), fl(2.5), ceil(2.5), m.floor(-0.5))
def local_import():
    import math
    return math.sqrt(4)
print(local_import())
try:
    import no_such_module_xyz
except ImportError as e:
    print("ImportError family", isinstance(e, ImportError))
try:
    from math import no_such_name
except ImportError as e:
    print(type(e).__name__)
print(__name__)
