# Custom exception hierarchies with attributes
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key, where="db"):
        super().__init__(key, where)
        self.key = key
        self.where = where
class Invalid(AppError):
    code = 400
def lookup(k):
    if k == "bad":
        raise Invalid("bad key")
    raise NotFound(k)
for k in ("x", "bad"):
    try:
        lookup(k)
    except NotFound as e:
        print("notfound", e.key, e.where, e.args)
    except AppError as e:
        print("apperror", type(e).__name__, e.code, e.args)
print(issubclass(NotFound, Exception), issubclass(AppError, BaseException))
e = NotFound("q", where="cache")
print(str(e) if False else e.args, isinstance(e, AppError))
