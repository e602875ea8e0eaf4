# Any expression may be a decorator (PEP 614; CPython oracle: MicroPython rejects it)
decos = [lambda f: lambda: f() + 1]
@decos[0]
def one():
    return 1
print(one())
table = {"twice": lambda f: lambda x: f(f(x))}
@table["twice"]
def inc(x):
    return x + 1
print(inc(5))
@(lambda f: f)
def same():
    return "same"
print(same())
