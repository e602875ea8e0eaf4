# Augmented assignment on attributes and subscripts evaluates the target once
class Box:
    def __init__(self):
        self.n = 1
        self.items = [10, 20]
b = Box()
b.n += 4
b.n *= 3
print(b.n)
b.items[0] += 1
b.items[-1] -= 5
print(b.items)
d = {"k": 1}
d["k"] += 10
d.setdefault("z", 0)
d["z"] -= 1
print(d["k"], d["z"])
calls = []
def idx():
    calls.append("idx")
    return 1
lst = [1, 2, 3]
lst[idx()] *= 10
print(lst, calls)
def getobj():
    calls.append("obj")
    return b
getobj().n += 1
print(b.n, calls)
m = [[1, 2], [3, 4]]
m[1][0] += 100
print(m)
