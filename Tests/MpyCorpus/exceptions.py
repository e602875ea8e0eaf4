import sys
def tryit(x):
    try:
        if x == 0:
            raise ValueError("zero")
        return 10 // x
    except ValueError as e:
        print("caught", e)
        return -1
    finally:
        print("finally", x)
print(tryit(0), tryit(2))
for i in range(5):
    try:
        if i == 1: continue
        if i == 3: break
        print("loop", i)
    finally:
        print("fin", i)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise
except Exception as e:
    print("outer", type(e).__name__)
def fail():
    x = [1]
    return x[5]
def outer_fail():
    fail()
try:
    outer_fail()
except IndexError as e:
    sys.print_exception(e)
def layered():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(layered())
def overriding():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return "never"
print(overriding())
try:
    print("no error")
except OSError:
    print("unexpected")
else:
    print("else ran")
try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")
except ValueError as e:
    print("chained", e)
def reraiser():
    try:
        raise TypeError("again")
    except TypeError:
        try:
            int("x")
        except ValueError:
            pass
        raise
try:
    reraiser()
except TypeError as e:
    print("bare raise kept", e)
def guarded():
    try:
        return "kept"
    finally:
        try:
            {}["missing"]
        except KeyError as e:
            print("inside finally", repr(e))
print(guarded())
class MyError(Exception):
    pass
def deep(n):
    if n == 0:
        raise MyError("bottom")
    deep(n - 1)
deep(2)
