# Passing arguments by keyword, in any order, and errors
def f(a, b, c):
    return f"{a}{b}{c}"
print(f(1, 2, 3), f(c=3, a=1, b=2), f(1, c=3, b=2))
try:
    f(1, 2, 3, a=4)
except TypeError as e:
    print("dup", type(e).__name__)
try:
    f(1, 2, d=4)
except TypeError as e:
    print("unexpected", type(e).__name__)
try:
    f(1)
except TypeError as e:
    print("missing", type(e).__name__)
try:
    f(1, 2, 3, 4)
except TypeError as e:
    print("too many", type(e).__name__)
