# The class body runs once, top to bottom, as ordinary code
print("before")
class C:
    print("in body")
    x = 1
    for i in range(3):
        x *= 2
    if x > 4:
        big = True
    def m(self):
        return self.x
print("after")
print(C.x, C.big, C.i, C().m())
class Empty:
    pass
print(Empty.__name__)
