# Multiple except clauses, tuples of types and bare except
def trial(kind):
    try:
        if kind == 1:
            raise KeyError("k")
        if kind == 2:
            raise IndexError("i")
        if kind == 3:
            raise TypeError("t")
        if kind == 4:
            raise ZeroDivisionError
        return "ok"
    except KeyError:
        return "key"
    except (IndexError, TypeError) as e:
        return "tuple " + type(e).__name__
    except:
        return "bare"
print([trial(k) for k in range(5)])
try:
    [][1]
except LookupError as e:
    print("base class caught", type(e).__name__)
try:
    try:
        raise ValueError
    except TypeError:
        print("wrong")
except ValueError:
    print("outer caught")
