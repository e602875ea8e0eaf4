# Attribute and method sites that see two, three and changing types: each
# answer must follow the instance's class and dict as they are now, whatever
# the site answered before.
class Base:
    def __init__(self, v):
        self.v = v
    def who(self):
        return "base"
    def value(self):
        return self.v

class Child(Base):
    def who(self):
        return "child"

class Other:
    def __init__(self, v):
        self.w = 0
        self.v = v * 10
    def who(self):
        return "other"
    def value(self):
        return -self.v

def read(o):
    return o.v

def write(o, x):
    o.v = x

def call_who(o):
    return o.who()

def call_value(o):
    return o.value()

objs = [Base(1), Child(2), Other(3), Child(4), Base(5), Other(6)]
for round_number in range(3):
    print([read(o) for o in objs], [call_who(o) for o in objs], [call_value(o) for o in objs])
    for o in objs:
        write(o, read(o) + 1)

# An instance attribute of the method's name shadows the method at a warm site.
c = objs[1]
c.who = lambda: "instance"
print([call_who(o) for o in objs])
del c.who
print([call_who(o) for o in objs])

# Replacing a method on the class, then on a base only the child inherits from.
Base.who = lambda self: "new base"
print([call_who(o) for o in objs])
del Child.who
print([call_who(o) for o in objs])
Child.value = lambda self: self.v * 100
print([call_value(o) for o in objs])

# A class attribute shows through once the instance's own is deleted, and
# follows the class as it changes.
class Solo:
    v = "class"
    def __init__(self, v):
        self.v = v

mixed = [Solo(7), objs[0], Solo(8), objs[2]]
print([read(o) for o in mixed])
del mixed[0].v
print([read(o) for o in mixed])
Solo.v = "changed"
print([read(o) for o in mixed])
write(mixed[0], 1)
print([read(o) for o in mixed])

# Methods of built-in types at one site, with and without an instance dict.
def upper_or_who(o):
    return o.upper() if isinstance(o, str) else o.who()

print([upper_or_who(o) for o in ["ab", objs[0], "cd", objs[2], "ef", objs[1]]])

def append_to(seq, x):
    seq.append(x)
    return len(seq)

class MyList(list):
    pass

ml = MyList()
plain = []
print([append_to(s, i) for i, s in enumerate([plain, ml, plain, ml, plain])], plain, ml)
ml.append = lambda x: "shadowed"
print(append_to(ml, 9), ml)
