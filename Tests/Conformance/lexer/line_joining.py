# Explicit (backslash) and implicit (bracket) line joining
total = 1 + \
    2 + \
    3
print(total)
items = [
    1,
    2,   # comment inside brackets
    3,
]
print(items)
d = {
    "a": 1,
    "b": 2
}
print(d["a"] + d["b"])
r = max(1,
        5,
        3)
print(r)
if total > 1 and \
   r > 1:
    print("joined condition")
s = ("a"
     "b")
print(s)
