# __context__ is set implicitly when raising inside a handler (CPython oracle for __context__/__suppress_context__)
try:
    try:
        {}["missing"]
    except KeyError:
        raise ValueError("during handling")
except ValueError as e:
    print(type(e).__name__, type(e.__context__).__name__, e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("t") from None
except TypeError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    try:
        raise KeyError
    finally:
        raise IndexError
except IndexError as e:
    print(type(e.__context__).__name__)
try:
    raise ValueError
except ValueError as e:
    print(e.__context__, e.__cause__)
