# assert raises AssertionError with an optional message
assert True
assert 1 == 1, "never"
try:
    assert False
except AssertionError as e:
    print("AssertionError", e.args)
try:
    assert 1 > 2, "one is not greater"
except AssertionError as e:
    print("msg", e.args)
x = []
try:
    assert x, "empty list %d" % len(x)
except AssertionError as e:
    print(e.args[0])
def check(v):
    assert isinstance(v, int), v
    return v
print(check(3))
try:
    check("s")
except AssertionError as e:
    print("bad", e.args)
