# Bound and unbound methods
class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def add(self, n):
        self.v += n
        return self
c = C(1)
m = c.get
print(m(), C.get(c))
c.add(2).add(3)
print(c.get(), m())
fs = [C(i).get for i in range(3)]
print([f() for f in fs])
def ext(self):
    return self.v * 100
C.ext = ext
print(c.ext())
