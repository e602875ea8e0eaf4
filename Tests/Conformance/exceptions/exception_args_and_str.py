# Exception args and str()
e = ValueError("msg")
print(e.args, str(e))
e2 = ValueError("a", 1)
print(e2.args, str(e2))
e3 = ValueError()
print(e3.args, repr(str(e3)))
class E(Exception):
    def __str__(self):
        return "custom str"
print(str(E()), E("x").args)
try:
    raise E
except E as ex:
    print(type(ex).__name__, ex.args)
