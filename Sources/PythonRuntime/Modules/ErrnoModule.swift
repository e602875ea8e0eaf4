/// The `errno` module: MicroPython's errno constants and `errorcode`.
extension Runtime {
    /// MicroPython's errno names and numbers (Linux values, as all its ports use).
    static let errnoCodes: [(String, Int)] = [
        ("EPERM", 1), ("ENOENT", 2), ("EIO", 5), ("EBADF", 9), ("EAGAIN", 11), ("ENOMEM", 12),
        ("EACCES", 13), ("EEXIST", 17), ("ENODEV", 19), ("EISDIR", 21), ("EINVAL", 22),
        ("ENOSPC", 28), ("EROFS", 30), ("EOPNOTSUPP", 95), ("EADDRINUSE", 98),
        ("ECONNABORTED", 103), ("ECONNRESET", 104), ("ENOBUFS", 105), ("ENOTCONN", 107),
        ("ETIMEDOUT", 110), ("ECONNREFUSED", 111), ("EHOSTUNREACH", 113), ("EALREADY", 114),
        ("EINPROGRESS", 115),
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
