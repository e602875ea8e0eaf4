# Escape sequences in string literals
s = "tab\there\nnewline"
print(s)
print(len("\n"), len("\t"), len("\\"), len("\'"), len("\""))
print(ord("\x41"), ord("\101"), ord("\0"), ord("\a"), ord("\b"), ord("\f"), ord("\v"), ord("\r"))
print("\u00e9" == "é", ord("\u00e9"), ord("\U0001F600"))
print(repr("\x00\x7f"), repr("a\\b"))
print(repr("quote'single"), repr('quote"double'), repr("both'\""))
print(len("\\q"), "\\q")
print("\
joined")
