# str.format_map and dunder calls on str
print("{name} is {age}".format_map({"name": "Al", "age": 3}))
print("{x[0]}-{x[1]} {y.real}".format_map({"x": [1, 2], "y": 5}))
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{a} {b} {a}".format_map(Default(a=1)))
print("{a:>5}|{{literal}}".format_map({"a": "r"}))
try:
    "{missing}".format_map({})
except KeyError:
    print("KeyError")
print(str.__add__("ab", "cd"), str.__mul__("ab", 3), str.__rmul__("ab", 2), str.__len__("żółw"))
print(str.__getitem__("abc", 1), str.__contains__("abc", "bc"), "x".__add__("y"), "ab" * 0)
print(str.upper("abc"), str.join("-", ["a", "b"]), str.split("a b"), list(map(str.strip, [" a ", "b "])))
print("-".join([]), "".join(["a", "b"]), ", ".join("abc"), "→".join(["ż", "ó"]))
try:
    "-".join(["a", 1])
except TypeError:
    print("TypeError")
try:
    str.__add__("a", 1)
except TypeError:
    print("TypeError")
