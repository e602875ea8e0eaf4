# type(), __class__ and __dict__ of instances
class P:
    def __init__(self):
        self.a = 1
        self.b = 2
p = P()
print(type(p).__name__, p.__class__.__name__, type(p) is P)
print(sorted(p.__dict__.items()))
print(type(P).__name__, type(int).__name__, type(None).__name__)
q = type(p)()
print(q.a)
