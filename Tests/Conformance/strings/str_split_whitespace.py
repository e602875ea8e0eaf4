# str.split()/rsplit() with sep=None: whitespace runs, leading/trailing, maxsplit
print("  a  b\tc\n d  ".split())
print("".split(), "   ".split(), " x ".split(), "a".split())
print("  a b c  ".split(None, 1), "  a b c  ".split(None, 0), "  a b c  ".split(maxsplit=2))
print("  a b c  ".rsplit(None, 1), "  a b c  ".rsplit(None, 0), "  a b c  ".rsplit(maxsplit=2))
print("  a b c  ".split(sep=None, maxsplit=-1), "a b c".rsplit(None, -1), "   ".split(None, 1))
print("a\x0bb\x0cc\x1cd\x1fe".split(), "a\u3000b\u2003c\xa0d".split(), "x\x85y".split())
print(ascii("un\u00a0deux trois".rsplit(None, 1)), "żółw  jeż\tkot".split(), "  żółw  jeż  ".rsplit())
print("one two three".split(" "), " a  b ".split(" "), " a  b ".rsplit(" ", 2))
