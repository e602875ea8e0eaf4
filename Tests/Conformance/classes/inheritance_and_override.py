# Single inheritance, overriding and extending
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " says " + self.sound
    def kind(self):
        return "animal"
class Cat(Animal):
    sound = "meow"
class Lion(Cat):
    def speak(self):
        return super().speak().upper()
    def kind(self):
        return "big " + Animal.kind(self)
for a in (Animal("x"), Cat("tom"), Lion("leo")):
    print(a.speak(), a.kind())
print(issubclass(Lion, Animal), issubclass(Animal, Lion))
print(isinstance(Lion("l"), Cat), type(Lion("l")) is Cat)
print(Lion.__bases__[0].__name__)
