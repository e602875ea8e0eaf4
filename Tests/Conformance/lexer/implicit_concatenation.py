# Adjacent string literals are concatenated at compile time
s = "abc" 'def' """ghi"""
print(s)
t = ("one "
     "two "
     'three')
print(t)
print(len("a" "b" "c"))
u = b"x" b"y"
print(u)
v = r"\n" "\n"
print(repr(v))
w = f"{1+1}" "lit" f"{'x'}"
print(w)
print("con" "cat".upper())
