# __call__ makes instances callable
class Adder:
    def __init__(self, n):
        self.n = n
        self.calls = 0
    def __call__(self, x, scale=1):
        self.calls += 1
        return (x + self.n) * scale
add3 = Adder(3)
print(add3(1), add3(2, scale=10), add3.calls)
print(callable(add3), callable(Adder), list(map(add3, [0, 1])))
class Fn:
    def __call__(self, *a, **k):
        return a, sorted(k.items())
print(Fn()(1, 2, z=3))
