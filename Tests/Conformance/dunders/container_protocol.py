# __getitem__, __setitem__, __delitem__, __contains__, __len__
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        return self.cells.get(key, ".")
    def __setitem__(self, key, v):
        self.cells[key] = v
    def __delitem__(self, key):
        del self.cells[key]
    def __contains__(self, key):
        return key in self.cells
    def __len__(self):
        return len(self.cells)
g = Grid()
g[0, 0] = "X"
g[1, 2] = "O"
print(g[0, 0], g[1, 2], g[5, 5], len(g))
print((0, 0) in g, (9, 9) in g, (9, 9) not in g)
del g[0, 0]
print(len(g), (0, 0) in g)
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), 25 in Seq())
for x in Seq():
    print(x, end=" ")
print()
