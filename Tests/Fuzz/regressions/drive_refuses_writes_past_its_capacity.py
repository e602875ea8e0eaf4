# The harness's in-memory drive: files, folders, and a seek far past the end
# that must fail with ENOSPC rather than size an allocation.
import os

os.mkdir("/d")
with open("/d/a.txt", "w") as f:
    f.write("hello")
os.rename("/d/a.txt", "/d/b.txt")
assert os.listdir("/d") == ["b.txt"]
with open("/d/b.txt", "r+") as f:
    f.seek(2 ** 40)
    f.write("x")
