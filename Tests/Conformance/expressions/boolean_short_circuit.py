# and/or return one of their operands and short-circuit
def t(label, val):
    print("eval", label)
    return val
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", [] and "x")
print(None or 0 or "" or "last")
print(1 and "x" and [5])
r = t("a", 0) and t("b", 1)
print("r", r)
r = t("c", 5) or t("d", 6)
print("r", r)
r = t("e", 0) or t("f", 0) or t("g", "hit")
print("r", r)
print(not 0, not "x", not None, not [])
x = None
name = x or "anon"
print(name)
print((0 or None) is None, (1 and None) is None)
