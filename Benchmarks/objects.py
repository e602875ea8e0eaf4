# Objects: instances, attribute get/set, method calls, properties, inheritance
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def dot(self, o):
        return self.x * o.x + self.y * o.y

class Particle:
    def __init__(self, i):
        self.pos = Vec(i, -i)
        self.vel = Vec(1, 2)
        self._mass = i % 7 + 1
    @property
    def mass(self):
        return self._mass
    @mass.setter
    def mass(self, m):
        self._mass = m
    def step(self):
        self.pos = self.pos.add(self.vel)
        return self.pos.dot(self.vel)

class Heavy(Particle):
    def step(self):
        return super().step() * 2

def main():
    ps = [Particle(i) if i % 3 else Heavy(i) for i in range(300)]
    total = 0
    for _ in range(200):
        for p in ps:
            total += p.step() + p.mass
            p.mass = (p.mass + 1) % 11
    return (total % 1000000007)

REPEAT = 24
result = None
for _ in range(REPEAT):
    result = main()
print("objects", result)
