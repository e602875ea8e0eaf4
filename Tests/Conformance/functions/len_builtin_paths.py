# len() of built-in containers (answered by the interpreter itself), of
# subclasses that override __len__, of objects without one, and a len that
# is not the built-in.


class Short(list):
    def __len__(self):
        return 1


class Sized:
    def __len__(self):
        return 7


class Plain:
    pass


def lengths():
    s = "héllo"
    out = [len(s), len("abc"), len([1, 2, 3]), len((1,)), len({"a": 1, "b": 2}),
           len(Short([1, 2, 3])), len(Sized()), len(b"xy"), len({1, 2}), len(range(5))]
    try:
        len(Plain())
    except TypeError:
        out.append("TypeError")
    try:
        len(3)
    except TypeError:
        out.append("TypeError")
    try:
        len()
    except TypeError:
        out.append("TypeError")
    try:
        len([1], [2])
    except TypeError:
        out.append("TypeError")
    return out


def shadowed():
    len = lambda x: "mine"
    return len([1, 2])


print(lengths())
print(shadowed())
total = 0
for word in "one two three".split():
    total += len(word)
print(total)
