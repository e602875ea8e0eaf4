# __getitem__ receives slice objects for slicing syntax
class S:
    def __getitem__(self, k):
        if isinstance(k, slice):
            return ("slice", k.start, k.stop, k.step)
        return ("index", k)
s = S()
print(s[1])
print(s[1:2])
print(s[::3])
print(s[:-1])
print(s[1:2:3])
print(s["key"])
print(list(range(20))[1:10:2])
