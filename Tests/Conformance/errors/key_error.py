# Missing mapping keys raise KeyError with the key as argument
d = {"a": 1}
try:
    d["b"]
except KeyError as e:
    print(type(e).__name__, e.args)
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__, e.args)
try:
    d.pop("q")
except KeyError as e:
    print(type(e).__name__, e.args)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__)
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__)
try:
    {1, 2}.remove(3)
except KeyError as e:
    print(type(e).__name__, e.args)
print(d.get("b"), d.get("b", 0), d.pop("q", "dflt"))
