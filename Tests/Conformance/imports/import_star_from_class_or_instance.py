# `from m import *` where sys.modules holds a class or an instance: its
# __dict__ (or its __all__) gives the names.
import sys


class M:
    x = 'a1'

    def __init__(self):
        self.x = 'a2'


sys.modules['fake_mod'] = M
from fake_mod import *
print(x)
sys.modules['fake_mod'] = M()
from fake_mod import *
print(x)


class N:
    __all__ = ('y',)
    x = 'b1'
    y = 'b2'

    def __init__(self):
        self.__all__ = ('x',)
        self.x = 'b3'
        self.y = 'b4'


x = None
sys.modules['fake_mod'] = N
from fake_mod import *
print(x, y)
sys.modules['fake_mod'] = N()
from fake_mod import *
print(x, y)
sys.modules['fake_mod'] = 1
try:
    from fake_mod import *
except (AttributeError, ImportError):
    print('no __dict__')
