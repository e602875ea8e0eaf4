# The vfs module mounts a file system written in Python; execfile() reads its
# file through open() and runs it; a str exports its bytes to memoryview
# (MicroPython's str buffer protocol).
import io
import vfs


class File(io.IOBase):
    def __init__(self, data):
        self.data = data
        self.off = 0

    def ioctl(self, request, arg):
        return 0 if request == 4 else -1

    def readinto(self, buf):
        buf[:] = memoryview(self.data)[self.off:self.off + len(buf)]
        self.off += len(buf)
        return len(buf)


class Filesystem:
    def __init__(self, files):
        self.files = files

    def mount(self, readonly, mkfs):
        print('mount', readonly, mkfs)

    def umount(self):
        print('umount')

    def open(self, file, mode):
        print('open', file, mode)
        if file not in self.files:
            raise OSError(2)
        return File(self.files[file])


fs = Filesystem({'/prog.py': 'x = 6 * 7\nprint("ran", x)'})
vfs.mount(fs, '/test_vfs_mnt')
try:
    execfile('/test_vfs_mnt/missing.py')
except OSError:
    print('OSError')
execfile('/test_vfs_mnt/prog.py')
print(x)
try:
    execfile(b'prog.py')
except TypeError:
    print('TypeError')
vfs.umount(fs)
print(bytes(memoryview('héllo')), memoryview('abc')[1])
