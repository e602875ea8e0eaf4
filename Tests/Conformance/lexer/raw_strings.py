# Raw strings keep backslashes
print(r"\n\t\\", len(r"\n"))
print(r'C:\path\to\file')
print(r"a\"b", len(r"a\"b"))
print(rb"\x00" if True else None)
print(len(rb"\x00"), list(br"\n"))
print(r'''multi
\line''')
print(r"\\" == "\\\\")
