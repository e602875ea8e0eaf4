# @micropython.native and @micropython.bytecode are directives to MicroPython's
# compiler: never evaluated (no import), the function runs as written.
@micropython.native
def add(a, b):
    return a + b


@micropython.bytecode
def gen(n):
    for i in range(n):
        yield i * i


print(add(2, 3), list(gen(4)))
for code in ("@micropython.unknown\ndef f(): pass", "@micropython.a.b\ndef f(): pass"):
    try:
        exec(code)
    except SyntaxError:
        print("SyntaxError")
