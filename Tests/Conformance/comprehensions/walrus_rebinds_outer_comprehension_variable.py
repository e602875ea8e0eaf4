# An assignment expression may not rebind its own comprehension's variable,
# but an inner comprehension may assign an outer one's name (MicroPython
# allows it; CPython refuses both).
def test(code):
    try:
        print(eval(code))
    except SyntaxError:
        print('SyntaxError')


test('([i := i + 1 for i in range(4)])')
test('([[(i := j) for i in range(2)] for j in range(2)])')
test('([[(j := i) for i in range(2)] for j in range(2)])')
test('([y := x * 2 for x in range(3)], y)')
