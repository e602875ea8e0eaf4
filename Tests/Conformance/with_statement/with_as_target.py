# with binds __enter__'s return value
class CM:
    def __init__(self, v):
        self.v = v
    def __enter__(self):
        print("enter", self.v)
        return self.v * 2
    def __exit__(self, *exc):
        print("exit", self.v, exc[0] is None)
with CM(1) as x:
    print("x =", x)
with CM(2):
    print("no target")
class Box: pass
b = Box()
with CM(3) as b.attr:
    pass
print(b.attr)
class Pair:
    def __enter__(self):
        return (1, [2, 3])
    def __exit__(self, *a):
        pass
with Pair() as (p, [q, r]):
    print(p, q, r)
