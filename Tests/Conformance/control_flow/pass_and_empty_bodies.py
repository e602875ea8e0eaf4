# pass and bodies consisting of docstrings or ellipsis
def f():
    pass
def g():
    "only a docstring"
def h():
    ...
class C:
    pass
print(f(), g(), h(), C.__name__)
print(...)
print(Ellipsis is ...)
for _ in range(2):
    pass
if True:
    pass
print("done")
