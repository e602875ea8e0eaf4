# Rich comparisons and their reflection
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("eq", self.v)
        return isinstance(o, V) and self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
    def __gt__(self, o):
        return self.v > o.v
print(V(1) == V(1), V(1) != V(2))
print(V(1) < V(2), V(3) <= V(3), V(3) > V(4))
print(sorted([V(3), V(1), V(2)])[0].v)
