# global rebinds module-level names
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def create():
    global newname
    newname = "created"
create()
print(newname)
x = "module"
def shadow():
    x = "local"
    return x
print(shadow(), x)
def read_only():
    return x
print(read_only())
def nested():
    def inner():
        global x
        x = "changed by inner"
    inner()
nested()
print(x)
