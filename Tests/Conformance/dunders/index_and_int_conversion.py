# __int__, __float__, __index__ conversion hooks
class Num:
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return int(self.v)
    def __float__(self):
        return float(self.v)
    def __index__(self):
        return int(self.v)
n = Num(3.7)
print(int(n), float(n))
print([10, 20, 30, 40][Num(2)])
