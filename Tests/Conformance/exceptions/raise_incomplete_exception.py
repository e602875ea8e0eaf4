# An exception raised from its own __init__ before BaseException.__init__ ran is
# not yet an exception on the board: TypeError. Once the base is initialised,
# or once __init__ has returned, it raises as usual.
class Early(Exception):
    def __init__(self):
        raise self


class Late(Exception):
    def __init__(self):
        super().__init__('late')
        raise self


class Plain(Exception):
    def __init__(self, x):
        self.x = x


for cls in (Early, Late):
    try:
        cls()
    except TypeError as e:
        print('TypeError', e)
    except Exception as e:
        print(type(e).__name__, e.args)
try:
    raise Plain(3)
except Plain as e:
    print('Plain', e.x)
