# finally runs when the try block returns, and a return in finally wins
def f():
    try:
        return "from try"
    finally:
        print("finally in f")
print(f())
def g():
    try:
        return "try"
    finally:
        return "finally"
print(g())
def h():
    for i in range(3):
        try:
            if i == 1:
                return i
        finally:
            print("cleanup", i)
print(h())
def swallow():
    try:
        raise KeyError("x")
    finally:
        return "swallowed"
print(swallow())
def value_snapshot():
    x = 1
    try:
        return x
    finally:
        x = 2
print(value_snapshot())
