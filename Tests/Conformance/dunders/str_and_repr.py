# __str__ and __repr__ in print, str(), repr(), containers and formatting
class A:
    def __repr__(self):
        return "A()"
class B:
    def __str__(self):
        return "B-str"
    def __repr__(self):
        return "B-repr"
print(A(), str(A()), repr(A()))
print(B(), str(B()), repr(B()))
print([A(), B()], (B(),), {"k": B()})
print("%s %r" % (B(), B()))
print("{} {!r}".format(B(), B()))
print(f"{B()} {B()!r}")
