# Class attributes are shared; instance attributes shadow them
class Dog:
    kind = "canine"
    tricks = []
    def __init__(self, name):
        self.name = name
a, b = Dog("a"), Dog("b")
print(a.kind, b.kind, a.name, b.name)
a.kind = "wolf"
print(a.kind, b.kind, Dog.kind)
a.tricks.append("roll")
print(b.tricks)
Dog.kind = "changed"
print(a.kind, b.kind)
del a.kind
print(a.kind)
print(hasattr(a, "name"), hasattr(a, "missing"), getattr(a, "missing", "dflt"))
setattr(b, "age", 3)
print(b.age)
delattr(b, "age")
print(hasattr(b, "age"))
