# gc.threshold reads back rounded down to the heap's block size, and a slice
# can key an OrderedDict (MicroPython; CPython 3.11 refuses to hash a slice).
import gc
gc.threshold(1)
print(gc.threshold())
gc.threshold(100)
print(gc.threshold() <= 100, gc.threshold() > 0)
gc.threshold(-1)
print(gc.threshold())

try:
    {}[:]
except KeyError as e:
    print('KeyError', e.args)
from collections import OrderedDict
d = OrderedDict()
d[:'a'] = 1
d['b'] = 2
print(list(d.keys()), list(d.values()))
