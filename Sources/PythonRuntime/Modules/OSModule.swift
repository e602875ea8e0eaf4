/// The `os` module (MicroPython's set): the VirtualFileSystem, the current
/// directory, uname, urandom and getenv. There is no `os.path`, as on MicroPython.
extension Runtime {
    func installOSModule() {
        registerNativeModule("os") { rt, m throws(PyError) in
            let d = m.dict
            d.setStr(rt.intern("sep"), rt.str("/"))
            rt.installOSFunctions(m)
        }
    }

    /// The directory argument of listdir/ilistdir (default: the current directory).
    private func directoryArgument(_ args: CallArguments, _ name: String) throws(PyError) -> String {
        try args.expect(self, name, 0, 1)
        return args.count == 0 ? system.currentDirectory : try pathArgument(args[0])
    }

    private func childPath(_ dir: String, _ name: String) -> String {
        dir == "/" ? "/" + name : dir + "/" + name
    }

    func installOSFunctions(_ m: PyModule) {
        moduleFunction(m, "listdir") { rt, args throws(PyError) in
            let dir = try rt.directoryArgument(args, "listdir")
            let fs = try rt.requireFileSystem()
            let names = try rt.fileSystemCall { () throws(FileSystemError) in try fs.listDirectory(dir) }
            return Value(rt.newList(ContiguousArray(names.map { rt.str($0) })))
        }
        moduleFunction(m, "ilistdir") { rt, args throws(PyError) in
            let dir = try rt.directoryArgument(args, "ilistdir")
            let fs = try rt.requireFileSystem()
            let names = try rt.fileSystemCall { () throws(FileSystemError) in try fs.listDirectory(dir) }
            var entries: ContiguousArray<Value> = []
            for name in names {
                let st = try rt.fileSystemCall { () throws(FileSystemError) in try fs.status(rt.childPath(dir, name)) }
                entries.append(rt.tuple([rt.str(name), rt.int(st.isDirectory ? 0x4000 : 0x8000), Value(small: 0),
                                         rt.int(st.size)]))
            }
            return try rt.getIterator(Value(rt.newList(entries)))
        }
        moduleFunction(m, "mkdir") { rt, args throws(PyError) in
            try args.expect(rt, "mkdir", 1, 2)
            let path = try rt.pathArgument(args[0]), fs = try rt.requireFileSystem()
            if path == "/" { throw rt.osError(17) }
            try rt.fileSystemCall { () throws(FileSystemError) in try fs.makeDirectory(path) }
            return .none
        }
        moduleFunction(m, "rmdir") { rt, args throws(PyError) in
            try args.expect(rt, "rmdir", 1, 1)
            let path = try rt.pathArgument(args[0]), fs = try rt.requireFileSystem()
            if path == "/" || path == rt.system.currentDirectory { throw rt.osError(13) }
            try rt.fileSystemCall { () throws(FileSystemError) in try fs.removeDirectory(path) }
            return .none
        }
        moduleFunction(m, "remove") { rt, args throws(PyError) in
            try args.expect(rt, "remove", 1, 1)
            let path = try rt.pathArgument(args[0]), fs = try rt.requireFileSystem()
            try rt.fileSystemCall { () throws(FileSystemError) in try fs.removeFile(path) }
            return .none
        }
        moduleFunction(m, "rename") { rt, args throws(PyError) in
            try args.expect(rt, "rename", 2, 2)
            let from = try rt.pathArgument(args[0]), to = try rt.pathArgument(args[1])
            let fs = try rt.requireFileSystem()
            if from == "/" || to == "/" || to.hasPrefix(from + "/") { throw rt.osError(22) }
            try rt.fileSystemCall { () throws(FileSystemError) in try fs.rename(from, to) }
            return .none
        }
        moduleFunction(m, "stat") { rt, args throws(PyError) in
            try args.expect(rt, "stat", 1, 1)
            let path = try rt.pathArgument(args[0]), fs = try rt.requireFileSystem()
            let st = try rt.fileSystemCall { () throws(FileSystemError) in try fs.status(path) }
            let t = rt.int(st.modified)
            return rt.tuple([rt.int(st.isDirectory ? 0x4000 : 0x8000), Value(small: 0), Value(small: 0), Value(small: 0),
                             Value(small: 0), Value(small: 0), rt.int(st.size), t, t, t])
        }
        moduleFunction(m, "statvfs") { rt, args throws(PyError) in
            try args.expect(rt, "statvfs", 1, 1)
            let path = try rt.pathArgument(args[0]), fs = try rt.requireFileSystem()
            _ = try rt.fileSystemCall { () throws(FileSystemError) in try fs.status(path) }
            let (total, free) = fs.capacity
            let bsize = 4096
            return rt.tuple([rt.int(bsize), rt.int(bsize), rt.int(total / bsize), rt.int(free / bsize), rt.int(free / bsize),
                             Value(small: 0), Value(small: 0), Value(small: 0), Value(small: 0), Value(small: 255)])
        }
        moduleFunction(m, "getcwd") { rt, args throws(PyError) in
            try args.expect(rt, "getcwd", 0, 0)
            return rt.str(rt.system.currentDirectory)
        }
        moduleFunction(m, "chdir") { rt, args throws(PyError) in
            try args.expect(rt, "chdir", 1, 1)
            let path = try rt.pathArgument(args[0]), fs = try rt.requireFileSystem()
            let st = try rt.fileSystemCall { () throws(FileSystemError) in try fs.status(path) }
            if !st.isDirectory { throw rt.osError(20) }
            rt.system.currentDirectory = path
            return .none
        }
        moduleFunction(m, "uname") { rt, args throws(PyError) in
            try args.expect(rt, "uname", 0, 0)
            let c = rt.configuration
            return try rt.attrTuple("uname_result", [("sysname", rt.str(c.sysname)), ("nodename", rt.str(c.sysname)),
                                                     ("release", rt.str(c.release)), ("version", rt.str(c.version)),
                                                     ("machine", rt.str(c.machine))])
        }
        moduleFunction(m, "urandom") { rt, args throws(PyError) in
            try args.expect(rt, "urandom", 1, 1)
            let n = try rt.intArg(args[0])
            if n < 0 { throw rt.valueError("negative argument not allowed") }
            try rt.reserve(n)
            var g = SystemRandomNumberGenerator()
            return Value(rt.newBytes((0..<n).map { _ in UInt8.random(in: 0...255, using: &g) }))
        }
        moduleFunction(m, "sync") { rt, args throws(PyError) in
            try args.expect(rt, "sync", 0, 0)
            return .none
        }
        moduleFunction(m, "getenv") { rt, args throws(PyError) in
            try args.expect(rt, "getenv", 1, 2, keywords: true)
            let name = try rt.strArg(args[0]).value
            if let v = rt.configuration.environment[name] { return rt.str(v) }
            let dflt = args.argument(1, "default")
            return dflt.isNull ? .none : dflt
        }
    }
}
