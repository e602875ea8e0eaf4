# Using an unbound name raises NameError
try:
    undefined_name_xyz
except NameError as e:
    print(type(e).__name__)
def f():
    return also_missing + 1
try:
    f()
except NameError as e:
    print(type(e).__name__)
def g():
    return [v for v in range(2) if undefined_in_comprehension]
try:
    g()
except NameError as e:
    print(type(e).__name__)
