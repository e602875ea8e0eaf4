# strip/lstrip/rstrip (whitespace and chars), partition/rpartition
print(repr("  \t hi there \n ".strip()), repr(" x ".lstrip()), repr(" x ".rstrip()))
print(repr("".strip()), repr("   ".strip()), repr("xyhixy".strip("xy")), repr("xyhixy".lstrip("yx")))
print(repr("xyhixy".rstrip("y")), repr("abc".strip("")), repr("aaa".strip("a")), repr(" a ".strip(None)))
print(repr("\u3000 wide \u2003".strip()), repr("żżhiżż".strip("ż")), repr("«quoted»".strip("«»")))
print(repr("\x1c\x1dx\x1e\x1f".strip()), repr("\x85x\xa0".strip()))
print("key=value=x".partition("="), "key=value=x".rpartition("="))
print("novalue".partition("="), "novalue".rpartition("="), "".partition("x"), "".rpartition("x"))
print("a::b::c".partition("::"), "a::b::c".rpartition("::"), "=x".partition("="), "x=".rpartition("="))
print("żółw→jeż".partition("→"), "a→b→c".rpartition("→"))
try:
    "abc".partition("")
except ValueError:
    print("ValueError")
try:
    "abc".strip(5)
except TypeError:
    print("TypeError")
