# Assignment anywhere in a function makes the name local everywhere in it
x = 10
def f():
    try:
        print(x)
    except NameError:
        print("local x not yet bound")
    x = 5
    return x
print(f())
def g():
    for x in range(2):
        pass
    return x
print(g(), x)
def h():
    if len("") > 0:
        x = 1
    try:
        return x
    except NameError:
        return "unbound"
print(h())
