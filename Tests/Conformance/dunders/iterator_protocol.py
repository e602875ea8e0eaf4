# __iter__ and __next__
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(4)))
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter(range(0, self.n, 2))
r = Range2(7)
print(list(r), list(r), sum(r))
it = iter([1, 2])
print(iter(it) is it, next(it), next(it))
try:
    next(it)
except StopIteration:
    print("exhausted")
a, b, c = Countdown(3)
print(a, b, c)
