# @ operator dispatches to __matmul__ (CPython oracle if unsupported)
class M:
    def __init__(self, v):
        self.v = v
    def __matmul__(self, o):
        return M(self.v * 10 + o.v)
    def __rmatmul__(self, o):
        return M(o * 100 + self.v)
print((M(1) @ M(2)).v, (3 @ M(4)).v)
print(-(-1), +(-1), ~~5, not not 0)
