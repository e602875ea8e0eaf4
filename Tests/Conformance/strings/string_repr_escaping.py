# repr() of strings chooses quotes and escapes control characters
print(repr("plain"), repr("it's"), repr('say "x"'), repr("both ' and \""))
print(repr("\n\t\r"), repr("\x00\x1f"), repr("\\"))
print(repr(""), repr(" "))
print(repr(["a", 'b"']), repr(("x",)))
print(str("s"), repr(repr("s")))
