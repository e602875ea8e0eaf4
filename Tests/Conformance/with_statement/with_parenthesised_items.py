# Parenthesised context managers spanning lines (CPython oracle: Python 3.10 syntax)
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, *a):
        print("exit", self.name)
with (CM("p") as p,
      CM("q") as q,):
    print("body", p, q)
with (CM("r"), CM("s")):
    print("no targets")
