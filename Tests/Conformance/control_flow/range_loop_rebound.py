# A for loop over `range(...)` calls whatever `range` names at that moment:
# a local, a global or a patched builtin; range(True, ...) counts from 1, and
# range(1.5) is refused.
def local_range():
    range = lambda n: [n, n + 1]
    for i in range(7):
        print("local", i)
local_range()

import builtins
real_range = builtins.range
builtins.range = lambda *args: "ab"
for c in range(3):
    print("patched", c)
builtins.range = real_range

def uses_global():
    for i in range(2):
        print("global", i)
range = lambda n: ["x"] * n
uses_global()
del range
uses_global()
for i in range(True, 3):
    print("bool", i)
try:
    for i in range(1.5):
        pass
except TypeError:
    print("TypeError")
