# Several context managers in one with statement exit in reverse order
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else "-")
with CM("a") as a, CM("b") as b, CM("c"):
    print("body", a, b)
try:
    with CM("x"), CM("y"):
        raise KeyError
except KeyError:
    print("caught")
