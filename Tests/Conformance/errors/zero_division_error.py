# Division by zero in every form
for expr in (lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: divmod(1, 0),
             lambda: 2 ** 100 // 0, lambda: 0.0 % 0.0):
    try:
        expr()
    except ZeroDivisionError as e:
        print(type(e).__name__, isinstance(e, ArithmeticError))
