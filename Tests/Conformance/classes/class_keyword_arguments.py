# Class definitions with an explicit object base, and classes made at run time
class A(object):
    pass
class B(A):
    v = 1
print(B.v, issubclass(B, A), type(B).__name__)
def make(base):
    class Dyn(base):
        pass
    return Dyn
D = make(B)
print(D.v, D.__name__, issubclass(D, A))
T = type("T", (A,), {"z": 9})
print(T.z, T.__name__, isinstance(T(), A))
