# f-string !r and !s conversions
s = "text"
print(f"{s!r}")
print(f"{s!s}")
print(f"{[s]!s}")
print(f"{'ab'!r}")
class P:
    def __str__(self):
        return "str-form"
    def __repr__(self):
        return "repr-form"
p = P()
print(f"{p}", f"{p!s}", f"{p!r}")
print(f"{p!r:>12}|")
print(f"{1.5!r}", f"{None!r}")
