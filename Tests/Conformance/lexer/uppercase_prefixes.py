# Uppercase and mixed-case string prefixes (CPython oracle: MicroPython rejects them)
print(B"bytes", R"raw\n", F"{1 + 1}")
print(Rb"\x", bR"\x", rB"\x", BR"\x")
print(Br"a\b", len(RB"\\"))
x = 5
print(f"{x = }", f"{x  =}")
print("\N{LATIN SMALL LETTER A}\N{DIGIT ONE}")
print(fR"{x}\n", Rf"{x}\t")
