# isX predicates on ASCII, Unicode and empty strings
tests = ["", "abc", "ABC", "Abc", "abc123", "123", "١٢٣", "²", "½", "Ⅻ", " ", " \t\n", "\u3000",
         "héllo", "HÉLLO", "Hello World", "Hello world", "HELLO WORLD", "ǅa", "a b", "_x1", "1x",
         "x-y", "日本", "\x07", "tab\t", "é", "ß", "ſ", "a\u0301", "Ⅷ", "ⅷ", "\xa0"]
names = ["isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower",
         "isnumeric", "isprintable", "isspace", "istitle", "isupper"]
for t in tests:
    print(ascii(t), "".join("1" if getattr(t, n)() else "0" for n in names))
print("class".isidentifier(), "größe".isidentifier(), "x y".isidentifier(), "".isidentifier())
