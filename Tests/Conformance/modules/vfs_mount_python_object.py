# os.mount with a file system written in Python (MicroPython's VFS protocol, as
# mpremote's `mount` uses it): which of the object's methods each os call and
# open() reach, with which path (relative to the mount point, or as written
# when relative to a current directory inside it), and the errors of extmod/vfs.c.
import os

log = []


class FS:
    def __init__(self, name):
        self.name = name
        self.cwd = "/"

    def mount(self, readonly, mkfs):
        log.append(("mount", self.name, readonly, mkfs))

    def umount(self):
        log.append(("umount", self.name))

    def chdir(self, path):
        log.append(("chdir", self.name, path))
        self.cwd = path

    def getcwd(self):
        log.append(("getcwd", self.name))
        return self.cwd

    def ilistdir(self, path):
        log.append(("ilistdir", self.name, path))
        return iter([("f", 0x8000, 0, 3), ("d", 0x4000, 0, 0)])

    def stat(self, path):
        log.append(("stat", self.name, path))
        return (0x8000, 0, 0, 0, 0, 0, 5, 7, 8, 9)

    def open(self, path, mode):
        log.append(("open", self.name, path, mode))
        return "file:" + path

    def remove(self, path):
        log.append(("remove", self.name, path))

    def rename(self, old, new):
        log.append(("rename", self.name, old, new))

    def rmdir(self, path):
        log.append(("rmdir", self.name, path))

    def mkdir(self, path):
        log.append(("mkdir", self.name, path))

    def statvfs(self, path):
        log.append(("statvfs", self.name, path))
        return (1,) * 10


def t(label, f):
    del log[:]
    try:
        r = f()
    except Exception as e:
        r = "%s %s" % (type(e).__name__, e)
    print(label, r, log)


a = FS("a")
b = FS("b")
t("mount", lambda: os.mount(a, "/a", readonly=True))
t("mount inside a mount", lambda: os.mount(b, "/a/b"))
t("mount on the same point", lambda: os.mount(b, "/a"))
t("root lists the mount point first", lambda: list(os.ilistdir("/"))[:1])
t("as bytes", lambda: list(os.ilistdir(b"/"))[:1])
t("listdir", lambda: os.listdir("/a"))
t("ilistdir", lambda: list(os.ilistdir("/a/b")))
t("chdir", lambda: os.chdir("/a"))
t("getcwd", lambda: os.getcwd())
t("chdir relative", lambda: os.chdir("sub"))
t("getcwd joins", lambda: os.getcwd())
t("listdir here", lambda: os.listdir())
t("open relative", lambda: open("x.txt", "wb"))
t("open default mode", lambda: open("/a/y"))
t("stat relative", lambda: os.stat("q"))
t("statvfs", lambda: os.statvfs("/a"))
t("mkdir", lambda: os.mkdir("/a/new"))
t("remove", lambda: os.remove("gone"))
t("rmdir", lambda: os.rmdir("/a/old"))
t("rename", lambda: os.rename("p", "/a/q"))
t("open root", lambda: open("/"))
t("remove root", lambda: os.remove("/"))
t("rmdir root", lambda: os.rmdir("/"))
t("mkdir root", lambda: os.mkdir("/"))
t("mkdir mount point", lambda: os.mkdir("/a"))
t("stat root", lambda: os.stat("/"))
t("chdir root", lambda: os.chdir("/"))
t("getcwd root", lambda: os.getcwd())
t("relative from root", lambda: open("a/z"))
t("chdir again", lambda: os.chdir("/a/d"))
t("umount unknown", lambda: os.umount("/zzz"))
t("umount by object", lambda: os.umount(a))
t("getcwd after umount", lambda: os.getcwd())
t("umount again", lambda: os.umount("/a"))
t("extra positional", lambda: os.mount(a, "/a", True))
t("unknown keyword", lambda: os.mount(a, "/a", ro=True))


class NotAFileSystem:
    pass


t("no mount method", lambda: os.mount(NotAFileSystem(), "/n"))
