# Missing attributes raise AttributeError
class C:
    pass
for obj, name in ((C(), "x"), (1, "nope"), ("s", "foo"), (None, "bar"), ([], "push"), (C, "y")):
    try:
        getattr(obj, name)
    except AttributeError as e:
        print(type(obj).__name__, name, type(e).__name__)
try:
    (5).real = 3
except AttributeError as e:
    print("readonly", type(e).__name__)
c = C()
try:
    del c.missing
except AttributeError as e:
    print("del", type(e).__name__)
