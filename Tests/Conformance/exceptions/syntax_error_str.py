# str() of a SyntaxError names the file and line after the message.
for source, filename in (("(", "<string>"), ("x = ", "prog.py"), ("a b", "m.py")):
    try:
        compile(source, filename, "exec")
    except SyntaxError as e:
        print(str(e))
        print(e.args[0])
