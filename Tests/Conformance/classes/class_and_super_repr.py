# A class prints by its bare name, whatever module defines it, and super()
# prints the start class and the receiver (py/objtype.c, type_print and super_print).

class A:
    pass


class B(A):
    def show(self):
        return str(super())[:18]


print(A, repr(B))
print(B().show())
print(repr(A())[:11])
