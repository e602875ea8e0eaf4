# split, rsplit, splitlines, join, partition
print("a b  c".split(), "a b  c".split(" "), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("  lead and trail  ".split(), "".split(), "".split(","), "x".split(","))
print("one\ntwo\r\nthree".splitlines(), "a\n\nb\n".splitlines())
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "/".join(str(i) for i in range(3)))
print("k=v=w".partition("="), "k=v=w".rpartition("="), "kvw".partition("="))
try:
    "".join([1, 2])
except TypeError as e:
    print(type(e).__name__)
print("a  b".split(None, 1), "1|2|3".split("|", -1))
