# raise ... from ... sets __cause__
class AppError(Exception):
    pass
def load():
    try:
        int("nope")
    except ValueError as e:
        raise AppError("load failed") from e
try:
    load()
except AppError as e:
    print(type(e).__name__, e.args[0], type(e.__cause__).__name__)
try:
    raise RuntimeError("x") from KeyError("y")
except RuntimeError as e:
    print(type(e.__cause__).__name__, e.__cause__.args)
