# Names in a class body are not visible inside its methods
y = "global y"
class C:
    y = "class y"
    z = y + "!"
    def method(self):
        return y
    def via_class(self):
        return C.y, self.y
print(C().method())
print(C().via_class())
print(C.z)
class D:
    n = 3
    doubled = [v * 2 for v in range(3)]
print(D.doubled)
def f():
    w = "func w"
    class E:
        w2 = w + " seen in class body"
        def m(self):
            return w
    return E
E = f()
print(E.w2, E().m())
