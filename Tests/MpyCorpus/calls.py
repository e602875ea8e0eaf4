def kw(a, b=2, *args, c, d=4, **rest):
    return (a, b, args, c, d, sorted(rest.items()))
print(kw(1, c=3))
print(kw(1, 2, 3, 4, c=5, d=6, e=7))
args = (9, 8); opts = {"c": 1, "z": 0}
print(kw(*args, **opts))
print(kw(0, *args, c=2, **{"q": 1}))
