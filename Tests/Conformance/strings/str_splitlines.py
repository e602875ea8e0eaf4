# str.splitlines with every line boundary and keepends
s = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x1deight\x1enine\x85ten\u2028eleven\u2029twelve"
print(ascii(s.splitlines()))
print(ascii(s.splitlines(True)))
print("a\n\nb\n".splitlines(), "a\n\nb\n".splitlines(keepends=True))
print("".splitlines(), "\n".splitlines(), "\n".splitlines(True), "\r\n\r".splitlines(True))
print("no newline".splitlines(), "trailing\r".splitlines(), "x\r\ny".splitlines(False))
print(b"a\nb\r\nc\rd\x0be\x0cf".splitlines(), b"a\nb\r\n".splitlines(True))
