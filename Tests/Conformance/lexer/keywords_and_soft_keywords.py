# Soft keywords like match/case/_ and type are usable as names
match = 1
case = 2
_ = 3
type_ = type(match).__name__
print(match + case + _, type_)
def print_(*args):
    print("wrapped", *args)
print_(True, False, None)
print(True + True, False * 5, None is None)
print(__name__)
