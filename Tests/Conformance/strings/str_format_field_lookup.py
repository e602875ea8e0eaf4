# str.format fields with [index] and .attribute lookups (CPython oracle)
print("{0[1]} {1[k]}".format([10, 20], {"k": "v"}))
class P:
    x = 5
print("{0.x} {p.x}".format(P(), p=P()))
print("{a[0][1]}".format(a=[[1, 2]]))
