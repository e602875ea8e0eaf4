# __getattr__ is called only for missing attributes; __setattr__ for all sets
class Proxy:
    def __init__(self):
        object.__setattr__(self, "log", [])
        object.__setattr__(self, "real", 1)
    def __getattr__(self, name):
        self.log.append("get " + name)
        return name.upper()
    def __setattr__(self, name, value):
        self.log.append("set " + name)
        object.__setattr__(self, name, value * 2)
p = Proxy()
print(p.real, p.missing)
p.x = 5
print(p.x)
print(p.log)
class Frozen:
    def __setattr__(self, n, v):
        raise AttributeError(n)
try:
    Frozen().a = 1
except AttributeError as e:
    print("frozen", type(e).__name__)
class Dflt:
    def __getattr__(self, n):
        if n.startswith("opt_"):
            return None
        raise AttributeError(n)
d = Dflt()
print(d.opt_a, getattr(d, "nope", "fallback"), hasattr(d, "nope"))
