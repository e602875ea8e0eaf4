# bool &, |, ^ give bools for bool operands and ints otherwise
print(True & False, True | False, True ^ True, False ^ True, True & True, False | False)
print(type(True & False).__name__, type(True | 1).__name__, True & 3, False | 4, True ^ 3)
print(True.__and__(False), True.__or__(False), True.__xor__(True), True.__and__(5), True.__rand__(False))
print(bool.__xor__(False, 1), True.__and__(1.0))
x = True
x &= False
print(x, type(x).__name__)
print(int.__and__(True, True), type(int.__and__(True, True)).__name__)
print(True + True, True - False, -True, ~True, True << 2)
