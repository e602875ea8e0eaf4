# Files and folders: open modes, reading and writing, listing, renaming and
# removing, in a scratch folder made (and removed) beside this file.
import os

D = "file_ops_scratch"
try:
    for n in os.listdir(D):
        os.remove(D + "/" + n)
    os.rmdir(D)
except OSError:
    pass

os.mkdir(D)
print(os.listdir(D))

with open(D + "/a.txt", "w") as f:
    print(f.write("first line\n"), f.write("second line\n"))

with open(D + "/a.txt") as f:
    print(repr(f.read()))
with open(D + "/a.txt", "r") as f:
    print(repr(f.readline()), repr(f.read(3)), f.tell())
    print(f.readlines())
with open(D + "/a.txt") as f:
    print([line.strip() for line in f])

with open(D + "/a.txt", "a") as f:
    f.write("appended\n")
with open(D + "/a.txt") as f:
    print(f.read().splitlines())

with open(D + "/a.txt", "w") as f:
    f.write("replaced")
print(open(D + "/a.txt").read())

with open(D + "/b.bin", "wb") as f:
    print(f.write(b"\x00\x01\x02\xff"))
with open(D + "/b.bin", "rb") as f:
    data = f.read()
    print(data, len(data), f.seek(1), f.read(2), f.tell())

with open(D + "/b.bin", "ab") as f:
    f.write(b"!!")
with open(D + "/b.bin", "rb") as f:
    print(f.read())

# r+ reads and overwrites in place; w+ truncates first.
with open(D + "/a.txt", "r+") as f:
    print(f.read(3))
    f.seek(0)
    f.write("RE")
print(open(D + "/a.txt").read())
with open(D + "/a.txt", "w+") as f:
    f.write("fresh")
    f.seek(0)
    print(f.read())

with open(D + "/c.txt", "w") as f:
    f.write("new")

os.mkdir(D + "/sub")
print(sorted(os.listdir(D)))
os.rename(D + "/c.txt", D + "/sub/moved.txt")
print(sorted(os.listdir(D)), os.listdir(D + "/sub"))
print(open(D + "/sub/moved.txt").read())

# Errors carry the errno.
for what, action in [
    ("open missing", lambda: open(D + "/missing.txt")),
    ("remove missing", lambda: os.remove(D + "/missing.txt")),
    ("mkdir existing", lambda: os.mkdir(D + "/sub")),
    ("rmdir non-empty", lambda: os.rmdir(D + "/sub")),
    ("listdir missing", lambda: os.listdir(D + "/nothing")),
    ("open in missing folder", lambda: open(D + "/nothing/x.txt", "w")),
]:
    try:
        action()
        print(what, "worked")
    except OSError as e:
        print(what, isinstance(e, OSError), e.errno)

# Reading a closed file is a ValueError.
f = open(D + "/a.txt")
f.close()
try:
    f.read()
except ValueError:
    print("closed file: ValueError")

# A relative path through the current folder.
cwd = os.getcwd()
os.chdir(D)
print(sorted(os.listdir()), open("sub/moved.txt").read())
os.chdir("..")
print(os.getcwd() == cwd)

os.remove(D + "/sub/moved.txt")
os.rmdir(D + "/sub")
for n in sorted(os.listdir(D)):
    os.remove(D + "/" + n)
os.rmdir(D)
print(D in os.listdir())
