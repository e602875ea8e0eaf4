# Default argument values are evaluated once, at definition time
def f(a, b=2, c="c"):
    return (a, b, c)
print(f(1), f(1, 3), f(1, 3, 4), f(1, c=5))
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2))
def safe_append(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(safe_append(1), safe_append(2))
k = 10
def g(v=k):
    return v
k = 20
print(g())
def h(a, b=[k, k + 1]):
    return a + sum(b)
print(h(1))
