# viper checks its types when the function is compiled and reports the last
# problem it found, as a ViperTypeError (or NotImplementedError for what the
# emitter lacks).
def check(code):
    try:
        exec(code)
        print("compiled")
    except (ViperTypeError, NotImplementedError) as e:
        print(type(e).__name__, e)


check("@micropython.viper\ndef f(x: int):\n    y = x\n    y = None")
check("@micropython.viper\ndef f(x: int, y):\n    z = x + y")
check("@micropython.viper\ndef f(a: int, b: uint) -> bool:\n    return a == b")
check("@micropython.viper\ndef f(buf: ptr8) -> int:\n    return buf[None]")
check("@micropython.viper\ndef f(buf):\n    for i in range(len(buf)):\n        pass")
check("@micropython.viper\ndef f(buf):\n    for i in range(int(len(buf))):\n        pass")
check("@micropython.viper\ndef f() -> bool:\n    return 1")
check("@micropython.viper\ndef f(x: ptr):\n    if x:\n        pass")
check("@micropython.viper\ndef f():\n    yield 1")
check("@micropython.viper\ndef f():\n    print(ptr8(5))")
check("@micropython.viper\ndef f(a: uint, b: uint) -> int:\n    return a % b")
check("@micropython.viper\ndef f(x: int) -> int:\n    return x ** 2")
check("@micropython.viper\ndef f(x: int) -> int:\n    return x[0]")
check("@micropython.viper\ndef f(x: ptr32):\n    x[1] = [] ")
check("@micropython.viper\ndef f():\n    raise 3")
check("@micropython.viper\ndef f():\n    print(y)\n    y = 1")
check("@micropython.viper\ndef f(x: int):\n    return not x")
check("@micropython.viper\ndef f(x: banana):\n    pass")
