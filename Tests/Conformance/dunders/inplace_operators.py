# In-place dunders (__iadd__ etc.) and fallback to __add__
class Bag:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __isub__(self, x):
        self.items.remove(x)
        return self
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("__add__ fallback")
        return Num(self.v + o)
    def __isub__(self, o):
        self.v -= o
        return self
b = Bag()
alias = b
b += 1
b += 2
b -= 1
print(b.items, alias is b)
n = Num(3)
m = n
n += 4
print(n.v, m.v, n is m)
m -= 10
print(m.v)
