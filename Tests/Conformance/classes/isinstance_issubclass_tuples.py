# isinstance and issubclass with tuples of classes
class A: pass
class B(A): pass
class C: pass
print(isinstance(B(), (C, A)), isinstance(C(), (A, B)))
print(issubclass(B, (C, A)), issubclass(C, (A, B)))
print(isinstance(1, (str, int)), isinstance("s", (int, float)))
print(isinstance([], (list, tuple)), isinstance((), (list, tuple)))
print(issubclass(B, B), issubclass(B, object), isinstance(A, type))
