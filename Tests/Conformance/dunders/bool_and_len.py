# __bool__ and __len__ drive truthiness
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(B(True)), bool(B(False)), bool(L(0)), bool(L(3)), len(L(7)))
print("yes" if L(1) else "no", "yes" if L(0) else "no")
print(not B(False), B(True) and "x", L(0) or "fallback")
class Plain:
    pass
print(bool(Plain()))
n = 0
while L(3 - n):
    n += 1
print(n)
