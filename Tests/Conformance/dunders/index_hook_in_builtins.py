# __index__ used by bin/hex/oct, slicing and range (CPython oracle)
class Num:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
print(bin(Num(5)), hex(Num(255)), oct(Num(8)))
print("abcdef"[Num(1):Num(3)], range(Num(4))[-1])
print([0] * Num(3), slice(1, 10, 2).indices(5))
sl = slice(1, 10, 2)
print(sl.start, sl.stop, sl.step, list(range(20))[sl])
