# Decorators may be attribute lookups and calls on attributes
class Reg:
    def __init__(self):
        self.names = []
    def add(self, fn):
        self.names.append(fn.__name__)
        return fn
    def add_as(self, name):
        def deco(fn):
            self.names.append(name)
            return fn
        return deco
reg = Reg()
@reg.add
def alpha(): pass
@reg.add_as("beta!")
def beta(): pass
print(reg.names)
