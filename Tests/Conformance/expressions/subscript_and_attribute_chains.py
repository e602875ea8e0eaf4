# Chains of calls, subscripts and attribute lookups
class Node:
    def __init__(self, val, kids=()):
        self.val = val
        self.kids = list(kids)
    def child(self, i):
        return self.kids[i]
tree = Node(1, [Node(2, [Node(4)]), Node(3)])
print(tree.kids[0].kids[0].val, tree.child(1).val, tree.child(0).child(0).val)
d = {"a": [{"b": (10, 20)}]}
print(d["a"][0]["b"][1])
print("a,b;c".split(";")[0].split(",")[1].upper())
fs = {"inc": lambda x: x + 1}
print(fs["inc"](fs["inc"](0)))
print([[1, 2], [3]][0][-1], (lambda: [5, 6])()[1])
