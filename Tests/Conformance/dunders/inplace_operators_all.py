# Every in-place dunder (CPython oracle: MicroPython only supports __iadd__/__isub__ by default)
class R:
    def __init__(self):
        self.log = []
    def _rec(name):
        def m(self, o):
            self.log.append((name, o))
            return self
        return m
    __imul__ = _rec("imul")
    __itruediv__ = _rec("itruediv")
    __ifloordiv__ = _rec("ifloordiv")
    __imod__ = _rec("imod")
    __ipow__ = _rec("ipow")
    __ilshift__ = _rec("ilshift")
    __irshift__ = _rec("irshift")
    __iand__ = _rec("iand")
    __ior__ = _rec("ior")
    __ixor__ = _rec("ixor")
    __imatmul__ = _rec("imatmul")
r = R()
r *= 1; r /= 2; r //= 3; r %= 4; r **= 5; r <<= 6
r >>= 7; r &= 8; r |= 9; r ^= 10; r @= 11
print(r.log)
class M:
    def __init__(self, v):
        self.v = v
    def __mul__(self, o):
        return M(self.v * o)
m = M(2)
m *= 21
print(m.v)
