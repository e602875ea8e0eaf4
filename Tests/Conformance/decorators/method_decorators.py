# Decorating methods, preserving self
def logged(fn):
    def wrapper(self, *a):
        self.log.append(fn.__name__)
        return fn(self, *a)
    return wrapper
class Acct:
    def __init__(self):
        self.log = []
        self.bal = 0
    @logged
    def deposit(self, n):
        self.bal += n
        return self.bal
    @logged
    def withdraw(self, n):
        self.bal -= n
        return self.bal
a = Acct()
print(a.deposit(10), a.withdraw(3), a.deposit(1))
print(a.log)
