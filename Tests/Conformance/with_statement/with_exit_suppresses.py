# __exit__ returning True suppresses the exception
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print("suppressed", et.__name__, isinstance(ev, et))
            return True
        return False
with Suppress(KeyError):
    raise KeyError("k")
print("continued")
try:
    with Suppress(KeyError):
        raise ValueError("v")
except ValueError:
    print("not suppressed")
def f():
    with Suppress(ZeroDivisionError):
        1 / 0
        return "unreached"
    return "after with"
print(f())
