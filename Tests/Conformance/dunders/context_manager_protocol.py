# __enter__ and __exit__
class Res:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return False
with Res("a") as v:
    print("body", v)
try:
    with Res("b"):
        raise KeyError("k")
except KeyError:
    print("propagated")
with Res("c"):
    pass
