class Animal:
    kind = "animal"
    def __init__(self, name, legs=4):
        self.name = name
        self.legs = legs
    def describe(self):
        return "%s has %d legs" % (self.name, self.legs)
class Bird(Animal):
    def __init__(self, name):
        super().__init__(name, legs=2)
    def describe(self):
        return "bird: " + super().describe()
print(Bird("tweety").describe(), Animal("rex").describe())
