# Data descriptors (__get__/__set__) and non-data descriptors
class Typed:
    def __init__(self, name, kind):
        self.name = "_" + name
        self.kind = kind
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("bad type")
        setattr(obj, self.name, value)
class Person:
    age = Typed("age", int)
    name = Typed("name", str)
p = Person()
print(p.age)
p.age = 30
p.name = "ann"
print(p.age, p.name)
try:
    p.age = "old"
except TypeError as e:
    print(type(e).__name__)
print(type(Person.age).__name__)
class Const:
    def __get__(self, obj, owner):
        return 42
class Holder:
    c = Const()
h = Holder()
print(h.c)
h.c = 7
print(h.c)
