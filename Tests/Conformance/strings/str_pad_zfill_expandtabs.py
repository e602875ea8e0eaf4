# center/ljust/rjust with fill, zfill with signs, expandtabs
for w in range(0, 8):
    print(repr("ab".center(w)), repr("abc".center(w, "*")), repr("ab".ljust(w, "-")), repr("ab".rjust(w, ".")))
print(repr("".center(3)), repr("".ljust(2, "x")), repr("x".center(-1)), repr("żółw".center(8, "·")))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "42".zfill(1), "".zfill(3), "-".zfill(3), "abc".zfill(5))
print("-0.5".zfill(6), "żó".zfill(4), "--1".zfill(5))
print(repr("a\tbc\tdef\tg".expandtabs()), repr("a\tbc\tdef".expandtabs(4)), repr("a\tb".expandtabs(0)))
print(repr("ab\ncd\tx".expandtabs(3)), repr("12345678\tx".expandtabs()), repr("żó\tx".expandtabs(4)))
print(repr("\t".expandtabs(tabsize=2)), repr("a\r\tb".expandtabs(4)), repr("".expandtabs()))
for bad in [lambda: "a".center(5, "ab"), lambda: "a".ljust(5, ""), lambda: "a".rjust("5")]:
    try:
        bad()
    except TypeError:
        print("TypeError")
