# The 'as' name is deleted at the end of the except clause
e = "before"
try:
    raise ValueError
except ValueError as e:
    print("inside", type(e).__name__)
try:
    print(e)
except NameError as err:
    print("e unbound after except", type(err).__name__)
def f():
    try:
        raise KeyError
    except KeyError as x:
        saved = x
    return type(saved).__name__
print(f())
