# str.maketrans (1, 2, 3 arguments) and str.translate
t = str.maketrans("abc", "xyz")
print(sorted(t.items()))
print("aabbcc-abc".translate(t))
t3 = str.maketrans("ab", "AB", "c")
print(sorted(t3.items()), "abcabc".translate(t3))
t1 = str.maketrans({"a": "1", "b": None, ord("c"): "see", "d": 100})
print(sorted(t1.items()), "abcde".translate(t1))
print("hello".translate({ord("l"): None}), "hello".translate({}), "ż".translate({ord("ż"): "z"}))
print("abc".translate({97: 0x17c, 98: "βγ"}), "".translate(t))
class Table:
    def __getitem__(self, k):
        if k == ord("x"):
            return "X!"
        raise LookupError(k)
print("xyzx".translate(Table()))
print("abc".translate(["A", "B", None]))
for bad in [lambda: str.maketrans("ab", "x"), lambda: str.maketrans({"ab": 1})]:
    try:
        bad()
    except ValueError:
        print("ValueError")
for bad in [lambda: str.maketrans("ab"), lambda: "a".translate({97: 1.5})]:
    try:
        bad()
    except TypeError:
        print("TypeError")
