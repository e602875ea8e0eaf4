# __hash__ and __eq__ for dict keys and set members
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
d = {Pt(1, 2): "a"}
print(d[Pt(1, 2)], Pt(1, 2) in d)
s = {Pt(0, 0), Pt(0, 0), Pt(1, 1)}
print(len(s))
class NoHash:
    def __eq__(self, o):
        return True
try:
    {NoHash(): 1}
except TypeError as e:
    print(type(e).__name__)
class Ident:
    pass
i = Ident()
print({i: 1}[i], hash(i) == hash(i))
