# Method resolution order for diamond inheritance
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print(D().who())
print([c.__name__ for c in D.__mro__])
class E(C, B):
    pass
print(E().who())
print([c.__name__ for c in E.__mro__])
class X: pass
class Y: pass
class Z(X, Y): pass
print([c.__name__ for c in Z.__mro__])
