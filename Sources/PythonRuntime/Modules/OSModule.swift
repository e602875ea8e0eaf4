/// The `os` module (MicroPython's set): files and directories through the
/// mount table (VFSMounts.swift: the host's VirtualFileSystem at "/", objects
/// mounted with `os.mount`), uname, urandom and getenv. There is no `os.path`,
/// as on MicroPython.
extension Runtime {
    func installOSModule() {
        registerNativeModule("os") { rt, m throws(PyError) in
            let d = m.dict
            d.setStr(rt.intern("sep"), rt.str("/"))
            rt.installOSFunctions(m)
        }
        // MicroPython 1.24's vfs module (extmod/modvfs.c): mount and umount, the
        // same functions os keeps for older code.
        registerNativeModule("vfs") { rt, m throws(PyError) in
            let os = rt.newModule("os")
            rt.installOSFunctions(os)
            for name in ["mount", "umount"] {
                m.dict.setStr(rt.intern(name), os.dict.getStr(rt.intern(name)))
            }
        }
    }

    /// The directory argument of listdir/ilistdir as written ("" for the current directory).
    private func directoryArgument(_ args: CallArguments, _ name: String) throws(PyError) -> (path: String, isBytes: Bool) {
        try args.expect(self, name, 0, 1)
        return args.count == 0 ? ("", false) : try rawPathArgument(args[0])
    }

    private func childPath(_ dir: String, _ name: String) -> String {
        dir == "/" ? "/" + name : dir + "/" + name
    }

    /// The host file system's entries of `dir` as littlefs's ilistdir gives
    /// them: (name, type, inode 0, size), directories 0x4000, files 0x8000.
    private func hostDirectoryEntries(_ dir: String) throws(PyError) -> [Value] {
        let fs = try requireFileSystem()
        let names = try fileSystemCall { () throws(FileSystemError) in try fs.listDirectory(dir) }
        var entries: [Value] = []
        for name in names {
            let st = try fileSystemCall { () throws(FileSystemError) in try fs.status(childPath(dir, name)) }
            entries.append(tuple([str(name), int(st.isDirectory ? 0x4000 : 0x8000), Value(small: 0), int(st.size)]))
        }
        return entries
    }

    /// `ilistdir("/")` (mp_vfs_ilistdir_it_iternext): each mount point in the
    /// table as (name, 0x4000, 0), then what the root mount lists.
    private func rootDirectoryEntries(bytes: Bool) throws(PyError) -> [Value] {
        var entries: [Value] = []
        for m in mountTable {
            if m.isRoot {
                if m.object.isNull { return entries + (try hostDirectoryEntries("/")) }
                return entries + (try iterateToArray(try callMethod(m.object, "ilistdir", [str("/")])))
            }
            entries.append(tuple([vfsPathValue(String(m.path.dropFirst()), bytes: bytes), Value(small: 0x4000), Value(small: 0)]))
        }
        return entries
    }

    /// `os.ilistdir(path)`: an iterator of the entries, from wherever `path` leads.
    private func directoryIterator(_ path: String, bytes: Bool) throws(PyError) -> Value {
        let lookup = lookupPath(path)
        switch lookup {
        case .root: return try getIterator(Value(newList(ContiguousArray(try rootDirectoryEntries(bytes: bytes)))))
        case .host(let dir): return try getIterator(Value(newList(ContiguousArray(try hostDirectoryEntries(dir)))))
        case .object(_, let inside): return try vfsCall(lookup, "ilistdir", [vfsPathValue(inside, bytes: bytes)])
        case .none: throw osError(19)
        }
    }

    /// The path inside a mounted object, as `vfsCall` passes it.
    private func insidePath(_ lookup: VFSLookup, bytes: Bool) -> [Value] {
        if case .object(_, let inside) = lookup { return [vfsPathValue(inside, bytes: bytes)] }
        return []
    }

    func installOSFunctions(_ m: PyModule) {
        moduleFunction(m, "listdir") { rt, args throws(PyError) in
            let (dir, bytes) = try rt.directoryArgument(args, "listdir")
            if case .host(let p) = rt.lookupPath(dir) {
                let fs = try rt.requireFileSystem()
                let names = try rt.fileSystemCall { () throws(FileSystemError) in try fs.listDirectory(p) }
                return Value(rt.newList(ContiguousArray(names.map { rt.str($0) })))
            }
            let names = rt.newList()
            let it = try rt.directoryIterator(dir, bytes: bytes)
            while true {
                let entry = try rt.nextValue(it)
                if entry.isNull { break }
                names.items.append(try rt.getItem(entry, Value(small: 0)))
            }
            return Value(names)
        }
        moduleFunction(m, "ilistdir") { rt, args throws(PyError) in
            let (dir, bytes) = try rt.directoryArgument(args, "ilistdir")
            return try rt.directoryIterator(dir, bytes: bytes)
        }
        moduleFunction(m, "mkdir") { rt, args throws(PyError) in
            try args.expect(rt, "mkdir", 1, 2)
            let (path, bytes) = try rt.rawPathArgument(args[0])
            let lookup = rt.lookupPath(path)
            switch lookup {
            case .root: throw rt.osError(17)
            case .host(let p):
                if p == "/" { throw rt.osError(17) }
                let fs = try rt.requireFileSystem()
                try rt.fileSystemCall { () throws(FileSystemError) in try fs.makeDirectory(p) }
                return .none
            case .object(_, let inside):
                if inside == "/" { throw rt.osError(17) }
                return try rt.vfsCall(lookup, "mkdir", rt.insidePath(lookup, bytes: bytes))
            case .none: throw rt.osError(19)
            }
        }
        moduleFunction(m, "rmdir") { rt, args throws(PyError) in
            try args.expect(rt, "rmdir", 1, 1)
            let (path, bytes) = try rt.rawPathArgument(args[0])
            let lookup = rt.lookupPath(path)
            guard case .host(let p) = lookup else { return try rt.vfsCall(lookup, "rmdir", rt.insidePath(lookup, bytes: bytes)) }
            let fs = try rt.requireFileSystem()
            if p == "/" || p == rt.system.currentDirectory { throw rt.osError(13) }
            try rt.fileSystemCall { () throws(FileSystemError) in try fs.removeDirectory(p) }
            return .none
        }
        moduleFunction(m, "remove") { rt, args throws(PyError) in
            try args.expect(rt, "remove", 1, 1)
            let (path, bytes) = try rt.rawPathArgument(args[0])
            let lookup = rt.lookupPath(path)
            guard case .host(let p) = lookup else { return try rt.vfsCall(lookup, "remove", rt.insidePath(lookup, bytes: bytes)) }
            let fs = try rt.requireFileSystem()
            try rt.fileSystemCall { () throws(FileSystemError) in try fs.removeFile(p) }
            return .none
        }
        // unlink is remove under another name (extmod/modos.c, and CircuitPython's os).
        m.dict.setStr(intern("unlink"), m.dict.getStr(intern("remove")))
        moduleFunction(m, "rename") { rt, args throws(PyError) in
            try args.expect(rt, "rename", 2, 2)
            let (old, oldBytes) = try rt.rawPathArgument(args[0])
            let (new, newBytes) = try rt.rawPathArgument(args[1])
            let from = rt.lookupPath(old), to = rt.lookupPath(new)
            switch (from, to) {
            case (.host(let a), .host(let b)):
                if a == "/" || b == "/" || b.hasPrefix(a + "/") { throw rt.osError(22) }
                let fs = try rt.requireFileSystem()
                try rt.fileSystemCall { () throws(FileSystemError) in try fs.rename(a, b) }
                return .none
            case (.object(let ma, _), .object(let mb, _)) where ma === mb:
                return try rt.vfsCall(from, "rename", rt.insidePath(from, bytes: oldBytes) + rt.insidePath(to, bytes: newBytes))
            case (.root, .root), (.none, .none):
                return try rt.vfsCall(from, "rename", [])
            default:
                // Not across file systems (EPERM, as vfs.c).
                throw rt.osError(1)
            }
        }
        moduleFunction(m, "stat") { rt, args throws(PyError) in
            try args.expect(rt, "stat", 1, 1)
            let (path, bytes) = try rt.rawPathArgument(args[0])
            let lookup = rt.lookupPath(path)
            switch lookup {
            case .root:
                return rt.tuple([Value(small: 0x4000)] + [Value](repeating: Value(small: 0), count: 9))
            case .host(let p):
                let fs = try rt.requireFileSystem()
                let st = try rt.fileSystemCall { () throws(FileSystemError) in try fs.status(p) }
                let t = rt.int(st.modified)
                return rt.tuple([rt.int(st.isDirectory ? 0x4000 : 0x8000), Value(small: 0), Value(small: 0), Value(small: 0),
                                 Value(small: 0), Value(small: 0), rt.int(st.size), t, t, t])
            case .object, .none:
                return try rt.vfsCall(lookup, "stat", rt.insidePath(lookup, bytes: bytes))
            }
        }
        moduleFunction(m, "statvfs") { rt, args throws(PyError) in
            try args.expect(rt, "statvfs", 1, 1)
            let (path, bytes) = try rt.rawPathArgument(args[0])
            var lookup = rt.lookupPath(path)
            if case .root = lookup {
                // The root itself: what is mounted on "/" answers, if anything is.
                guard let root = rt.mountTable.first(where: \.isRoot) else {
                    // MICROPY_ALLOC_PATH_MAX of the rp2 and esp32 ports as f_namemax.
                    return rt.tuple([Value](repeating: Value(small: 0), count: 9) + [Value(small: 128)])
                }
                lookup = root.object.isNull ? .host("/") : .object(root, "/")
            }
            guard case .host(let p) = lookup else { return try rt.vfsCall(lookup, "statvfs", rt.insidePath(lookup, bytes: bytes)) }
            let fs = try rt.requireFileSystem()
            _ = try rt.fileSystemCall { () throws(FileSystemError) in try fs.status(p) }
            let (total, free) = fs.capacity
            let bsize = 4096
            return rt.tuple([rt.int(bsize), rt.int(bsize), rt.int(total / bsize), rt.int(free / bsize), rt.int(free / bsize),
                             Value(small: 0), Value(small: 0), Value(small: 0), Value(small: 0), Value(small: 255)])
        }
        moduleFunction(m, "getcwd") { rt, args throws(PyError) in
            try args.expect(rt, "getcwd", 0, 0)
            return rt.str(try rt.currentWorkingDirectory())
        }
        moduleFunction(m, "chdir") { rt, args throws(PyError) in
            try args.expect(rt, "chdir", 1, 1)
            let (path, bytes) = try rt.rawPathArgument(args[0])
            try rt.changeDirectory(path, bytes: bytes)
            return .none
        }
        moduleFunction(m, "mount") { rt, args throws(PyError) in
            // mp_arg_parse_all's wording for the keyword-only flags.
            if args.count > 2 { throw rt.typeError("extra positional arguments given") }
            try args.expect(rt, "mount", 2, 2, keywords: true)
            if args.keywordNames.contains(where: { $0.value != "readonly" && $0.value != "mkfs" }) {
                throw rt.typeError("extra keyword arguments given")
            }
            let readonly = args.keyword("readonly"), mkfs = args.keyword("mkfs")
            try rt.mount(args[0], at: try rt.strArg(args[1]).value,
                         readonly: readonly.isNull ? .false : readonly, mkfs: mkfs.isNull ? .false : mkfs)
            return .none
        }
        moduleFunction(m, "umount") { rt, args throws(PyError) in
            try args.expect(rt, "umount", 1, 1)
            try rt.unmount(args[0])
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
