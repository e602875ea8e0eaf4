# Argument-count TypeErrors name the function (MicroPython and CPython agree on
# the "takes N positional arguments but M were given" form for too many).
def f(a, b):
    return a + b

class A:
    def m(self):
        return 1

for call in (lambda: f(1, 2, 3), lambda: A().m(1)):
    try:
        call()
    except TypeError as e:
        print(str(e).replace("A.m()", "m()").replace("1 positional argument ", "1 positional arguments "))
try:
    f(1)
except TypeError as e:
    print(type(e).__name__, str(e).startswith("f()"))
try:
    f(1, a=2)
except TypeError as e:
    print(type(e).__name__, "multiple values" in str(e))
