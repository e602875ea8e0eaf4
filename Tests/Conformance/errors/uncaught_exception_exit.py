# Output before an uncaught exception is flushed; the traceback goes to stderr
print("before")
def fail():
    raise ValueError("unhandled")
try:
    fail()
finally:
    print("finally still runs")
print("never printed")
