# __set_name__ tells a descriptor its attribute name (CPython oracle)
class Field:
    def __set_name__(self, owner, name):
        self.name = name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, owner):
        return "field " + self.name
class Rec:
    alpha = Field()
    beta = Field()
print(Rec().alpha, Rec().beta)
