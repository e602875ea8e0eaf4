# Text of up to 15 bytes lives inside a String value and longer text in storage:
# join, `in` and str.format templates read both kinds as bytes (stepped slices of
# ASCII text too: expressions/slicing_str_bytes_tuple_with_step.py, CPython only).
short = "héllo"          # 6 bytes, 5 code points
long_ = "ünïcode text " * 3
ascii_long = "abcdefghijklmnopqrstuvwxyz"

# join: sizes, ASCII-ness and the separator's length all add up.
print("-".join([]), "-".join(["a"]), "-".join(["a", "b", "c"]))
print(repr("".join(["", "", ""])), len("".join(["", "x", ""])))
print(", ".join([short, long_, "x"]))
j = "é".join(["ab", "cd", "ef"])
print(j, len(j), j[2], j[-3:])
print("→".join(short), len("→".join(short)))
print(len(" ".join(["w%d" % i for i in range(3000)])))
print("".join(c for c in "generator"), "+".join(("t", "u", "p")))
print("|".join({"k": 1, "l": 2}), "".join(reversed("abc")))
for bad in (["a", 1], [b"x"], [None]):
    try:
        ",".join(bad)
    except TypeError as e:
        print("TypeError", type(bad[-1]).__name__)

# `in` on short and long text, at both ends, with non-ASCII needles.
for hay in (short, long_, ascii_long, ""):
    print([n in hay for n in ("", "h", "é", "llo", "text", "xyz", "z", "ünïcode text ünï", hay, hay + "!")])

# str.format with short and long templates, literal braces, non-ASCII text.
print("{}:{}".format("k", "v"), "{0}{1}{0}".format("ab", "é"))
print("{{}}{}é{{".format(1), "ünïcode {} text {:>6} end".format("→", 3.5))
print(("x" * 20 + "{}" + "y" * 20).format("MID"))
print("{:*^9}|{!r}|{k}".format("ab", "q", k="kw"))
