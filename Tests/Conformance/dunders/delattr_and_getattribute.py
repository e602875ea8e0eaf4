# __delattr__ and __getattribute__ (CPython oracle: MicroPython lacks both hooks)
class Guard:
    def __init__(self):
        self.a = 1
    def __delattr__(self, name):
        print("deleting", name)
        object.__delattr__(self, name)
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
g = Guard()
del g.a
print(hasattr(g, "a"), g.secret)
