# Annotated assignment statements
x: int = 5
print(x)
y: list = [1, 2]
print(y)
z: "str"
try:
    print(z)
except NameError as e:
    print(type(e).__name__)
def f():
    a: int = 1
    b: float
    return a
print(f())
class C:
    attr: int = 3
    other: str
print(C.attr, hasattr(C, "other"))
