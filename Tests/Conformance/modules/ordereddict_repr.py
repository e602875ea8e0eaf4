# repr() of an OrderedDict: the dict's repr inside, as MicroPython (and CPython 3.12+)
# print it (MicroPython oracle: CPython 3.11 prints a list of pairs).
from collections import OrderedDict
print(OrderedDict(), OrderedDict([('x', 1), ('y', 2)]))
od = OrderedDict(b=[1, 2])
od['a'] = 'text'
print(repr(od), str(od))
