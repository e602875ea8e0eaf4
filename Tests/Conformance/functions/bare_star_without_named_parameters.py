# A bare * with no named parameter after it: MicroPython's grammar accepts it
# (the function then refuses extra positional arguments); CPython refuses it.
def f(a, *):
    return a


print(f(1))
try:
    f(1, 2)
except TypeError:
    print('TypeError')


def g(*):
    return 'g'


print(g())
