# super() without arguments in several contexts
class Base:
    def __init__(self, x):
        self.x = x
        self.log = ["Base"]
    def describe(self):
        return "Base(%d)" % self.x
    @classmethod
    def make(cls):
        return cls.__name__ + " made by Base"
class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
        self.log.append("Child")
    def describe(self):
        return "Child<" + super().describe() + ", %d>" % self.y
    @classmethod
    def make(cls):
        return "Child:" + super().make()
c = Child(1, 2)
print(c.describe(), c.log)
print(Child.make())
print(super(Child, c).describe())
