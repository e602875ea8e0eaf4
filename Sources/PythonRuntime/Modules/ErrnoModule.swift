/// The `errno` module: MicroPython's errno constants and `errorcode`.
extension Runtime {
    /// MicroPython's errno names (py/moderrno.c's default MICROPY_PY_ERRNO_LIST,
    /// which rp2, esp32 and CircuitPython keep) with MicroPython's own numbers
    /// (MICROPY_USE_INTERNAL_ERRNO: Linux's values), as rp2 and unix have them.
    /// A number not listed (ENOSPC 28, EROFS 30) prints bare: `OSError: 28`.
    static let errnoCodes: [(String, Int)] = [
        ("EPERM", 1), ("ENOENT", 2), ("EIO", 5), ("EBADF", 9), ("EAGAIN", 11), ("ENOMEM", 12),
        ("EACCES", 13), ("EEXIST", 17), ("ENODEV", 19), ("EISDIR", 21), ("EINVAL", 22),
        ("EOPNOTSUPP", 95), ("EADDRINUSE", 98),
        ("ECONNABORTED", 103), ("ECONNRESET", 104), ("ENOBUFS", 105), ("ENOTCONN", 107),
        ("ETIMEDOUT", 110), ("ECONNREFUSED", 111), ("EHOSTUNREACH", 113), ("EALREADY", 114),
        ("EINPROGRESS", 115),
    ]

    /// The same names with newlib's numbers (newlib/libc/include/sys/errno.h), for
    /// ports built on the C library's errno.h: MicroPython's esp32 and CircuitPython.
    public static let newlibErrnoCodes: [(String, Int)] = [
        ("EPERM", 1), ("ENOENT", 2), ("EIO", 5), ("EBADF", 9), ("EAGAIN", 11), ("ENOMEM", 12),
        ("EACCES", 13), ("EEXIST", 17), ("ENODEV", 19), ("EISDIR", 21), ("EINVAL", 22),
        ("EOPNOTSUPP", 95), ("EADDRINUSE", 112),
        ("ECONNABORTED", 113), ("ECONNRESET", 104), ("ENOBUFS", 105), ("ENOTCONN", 128),
        ("ETIMEDOUT", 116), ("ECONNREFUSED", 111), ("EHOSTUNREACH", 118), ("EALREADY", 120),
        ("EINPROGRESS", 119),
    ]

    func installErrnoModule() {
        registerNativeModule("errno") { rt, module throws(PyError) in
            let codes = rt.newDict()
            for (name, number) in rt.errnoTable {
                module.dict.setStr(rt.intern(name), rt.int(number))
                try codes.set(rt.int(number), Value(rt.intern(name)), rt)
            }
            module.dict.setStr(rt.intern("errorcode"), Value(codes))
        }
    }
}
