import errno

# MicroPython's errno has py/moderrno.c's 22 names (no ENOSPC, no EROFS).

names = ['EPERM', 'ENOENT', 'EIO', 'EBADF', 'EAGAIN', 'ENOMEM', 'EACCES', 'EEXIST', 'ENODEV', 'EISDIR',
         'EINVAL', 'EOPNOTSUPP', 'EADDRINUSE', 'ECONNABORTED', 'ECONNRESET', 'ENOBUFS',
         'ENOTCONN', 'ETIMEDOUT', 'ECONNREFUSED', 'EHOSTUNREACH', 'EALREADY', 'EINPROGRESS']
for n in names:
    v = getattr(errno, n)
    print(n, v, errno.errorcode[v] if n != 'EOPNOTSUPP' else n)  # CPython names 95 ENOTSUP
print(len(errno.errorcode) >= len(names))
print(errno.errorcode.get(9999))
