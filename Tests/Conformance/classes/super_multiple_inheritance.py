# Cooperative super() calls follow the MRO
calls = []
class Root:
    def __init__(self):
        calls.append("Root")
class Left(Root):
    def __init__(self):
        calls.append("Left")
        super().__init__()
class Right(Root):
    def __init__(self):
        calls.append("Right")
        super().__init__()
class Bottom(Left, Right):
    def __init__(self):
        calls.append("Bottom")
        super().__init__()
Bottom()
print(calls)
class M1:
    def go(self):
        return ["M1"]
class M2(M1):
    def go(self):
        return ["M2"] + super().go()
class M3(M1):
    def go(self):
        return ["M3"] + super().go()
class M4(M2, M3):
    def go(self):
        return ["M4"] + super().go()
print(M4().go())
