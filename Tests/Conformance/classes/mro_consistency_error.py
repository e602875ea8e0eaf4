# Inconsistent MRO raises TypeError at class creation (CPython oracle)
class A: pass
class B(A): pass
try:
    class C(A, B): pass
except TypeError as e:
    print(type(e).__name__)
class X: pass
class Y(X): pass
class Z(Y, X): pass
print([c.__name__ for c in Z.__mro__])
