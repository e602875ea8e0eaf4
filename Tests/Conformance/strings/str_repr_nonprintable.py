# repr() escapes non-printable non-ASCII code points (str.isprintable is False)
for s in ["\xa0", "\u3000", "\u2028", "\u200b", "\ufeff", "\U000e0001", "\ud7ff", "\x85", "é", "日本", "\U0001f600"]:
    print(repr(s), s.isprintable(), len(repr(s)))
print(repr("a\u2028b"), repr(["\xa0"]))
