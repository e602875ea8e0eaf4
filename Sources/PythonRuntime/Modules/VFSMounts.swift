/// One entry of the mount table: the host's file system (the board's flash or
/// drive, mounted at `/` from the start) or a Python object mounted with `os.mount`.
final class VFSMount {
    /// The mount point as given to `os.mount` ("/remote"; "/" for the root).
    let path: String
    /// The object speaking MicroPython's VFS protocol (`open`, `stat`,
    /// `ilistdir`...), or `.null` for the host's file system.
    let object: Value
    init(path: String, object: Value) {
        self.path = path
        self.object = object
    }
    /// Mounted at the root (MicroPython tests `vfs->len == 1`).
    var isRoot: Bool { path.utf8.count == 1 }
}

/// Where a path leads (mp_vfs_lookup_path's answers).
enum VFSLookup {
    /// "/" itself, above every mount (MP_VFS_ROOT).
    case root
    /// Nothing is mounted there (MP_VFS_NONE).
    case none
    /// The host's file system, at this absolute, normalised path.
    case host(String)
    /// A mounted object, and the path inside it as MicroPython passes it: from
    /// its mount point when the path was absolute ("/remote/a.py" gives
    /// "/a.py"), as written when relative to a current directory inside it.
    case object(VFSMount, String)
}

/// MicroPython's mount table (extmod/vfs.c): `os.mount`/`os.umount`, the
/// current mount, and the path lookup `open`, `os` and `import` go through, so
/// a file system written in Python (mpremote's `mount`) serves them as the
/// board's flash does. The host's file system keeps its own current directory
/// (`SystemState.currentDirectory`), as littlefs does on the board.
extension Runtime {
    /// The mount table as lookups see it: the host's file system is mounted at
    /// "/" only while the host has one (a host may hand it over after the
    /// runtime is made).
    var mountTable: [VFSMount] {
        host.fileSystem != nil ? system.mounts : system.mounts.filter { !$0.object.isNull }
    }

    /// The mount relative paths go to (nil: the root itself).
    var currentMountInEffect: VFSMount? {
        guard let m = system.currentMount, !(m.object.isNull && host.fileSystem == nil) else { return nil }
        return m
    }

    /// mp_vfs_lookup_path: an absolute path (or any path while the current
    /// directory is the root itself) goes to the first mount whose point is a
    /// prefix of it, the root mount last; a relative one to the current mount.
    func lookupPath(_ path: String) -> VFSLookup {
        guard let current = currentMountInEffect, !path.hasPrefix("/") else {
            let rest = path.hasPrefix("/") ? path.utf8.dropFirst() : path.utf8[...]
            if rest.isEmpty { return .root }
            for m in mountTable {
                if m.isRoot { return resolve(m, path) }
                let name = m.path.utf8.dropFirst()
                guard rest.starts(with: name) else { continue }
                let after = rest.dropFirst(name.count)
                if after.isEmpty { return resolve(m, "/") }
                if after.first == UInt8(ascii: "/") { return resolve(m, String(decoding: after, as: UTF8.self)) }
            }
            return .none
        }
        return resolve(current, path)
    }

    private func resolve(_ m: VFSMount, _ inside: String) -> VFSLookup {
        m.object.isNull ? .host(normalizePath(inside)) : .object(m, inside)
    }

    /// mp_vfs_proxy_call: `method` of the mounted object; ENODEV where nothing
    /// is mounted, EPERM on the root itself.
    func vfsCall(_ lookup: VFSLookup, _ method: String, _ args: [Value]) throws(PyError) -> Value {
        switch lookup {
        case .none: throw osError(19)
        case .root: throw osError(1)
        case .host: preconditionFailure("the host's file system is not a Python object")
        case .object(let m, _): return try callMethod(m.object, method, args)
        }
    }

    /// The path handed to a mounted object, of the type the caller gave (str or bytes).
    func vfsPathValue(_ path: String, bytes: Bool) -> Value {
        bytes ? Value(newBytes(Array(path.utf8))) : str(path)
    }

    /// A path argument as written (str or bytes), before any lookup.
    func rawPathArgument(_ v: Value) throws(PyError) -> (path: String, isBytes: Bool) {
        if v.isObject, let s = v.object as? PyStr { return (s.value, false) }
        if v.isObject, let b = v.object as? PyBytes { return (String(decoding: b.bytes, as: UTF8.self), true) }
        throw typeError("expected str, bytes or os.PathLike object, not \(typeName(v))")
    }

    /// `os.mount(fsobj, mount_point, *, readonly=False, mkfs=False)`.
    func mount(_ object: Value, at path: String, readonly: Value, mkfs: Value) throws(PyError) {
        // An object without `mount` is a block device whose file system MicroPython
        // detects (mp_vfs_autodetect: littlefs, else FAT, which needs `readblocks`).
        // Neither is modelled here, so a block device's file system is never found.
        if try findAttribute(object, intern("mount")).isNull {
            if try findAttribute(object, intern("readblocks")).isNull {
                throw attributeError("'\(typeName(object))' object has no attribute 'readblocks'")
            }
            throw osError(19)
        }
        let m = VFSMount(path: path, object: object)
        _ = try callMethod(object, "mount", [readonly, mkfs])
        // The mount point must be free; only the root mount may have others inside it.
        if case .object(let existing, _) = lookupPath(path), !(existing.isRoot && !m.isRoot) { throw osError(1) }
        if case .host = lookupPath(path), m.isRoot { throw osError(1) }
        let s = system
        s.mountObjects.items.append(object)
        s.mounts.insert(m, at: s.mounts.firstIndex(where: \.isRoot) ?? s.mounts.count)
    }

    /// `os.umount(mount_point or fsobj)`.
    func unmount(_ target: Value) throws(PyError) {
        let s = system
        let name = target.isObject ? (target.object as? PyStr)?.value : nil
        guard let m = mountTable.first(where: { $0.path == name || (!$0.object.isNull && $0.object.bits == target.bits) }) else {
            throw osError(22)
        }
        s.mounts.removeAll { $0 === m }
        if s.currentMount === m { s.currentMount = nil }
        if let j = s.mountObjects.items.firstIndex(where: { $0.bits == m.object.bits }) { s.mountObjects.items.remove(at: j) }
        if !m.object.isNull { _ = try callMethod(m.object, "umount", []) }
    }

    /// `os.chdir`: into the root, a directory of the host's file system, or a mounted object's.
    func changeDirectory(_ path: String, bytes: Bool) throws(PyError) {
        let s = system
        let lookup = lookupPath(path)
        switch lookup {
        case .root:
            // Relative paths start again at the top of whatever is mounted on "/".
            if let rootMount = mountTable.first(where: \.isRoot) {
                if rootMount.object.isNull { s.currentDirectory = "/" } else {
                    _ = try callMethod(rootMount.object, "chdir", [str("/")])
                }
            }
            s.currentMount = nil
        case .none:
            throw osError(19)
        case .host(let p):
            let fs = try requireFileSystem()
            let st = try fileSystemCall { () throws(FileSystemError) in try fs.status(p) }
            if !st.isDirectory { throw osError(20) }
            s.currentDirectory = p
            s.currentMount = s.mounts.first { $0.object.isNull }
        case .object(let m, let p):
            _ = try vfsCall(lookup, "chdir", [vfsPathValue(p, bytes: bytes)])
            s.currentMount = m
        }
    }

    /// `os.getcwd`: the mount point joined with the mounted file system's own current directory.
    func currentWorkingDirectory() throws(PyError) -> String {
        guard let m = currentMountInEffect else { return "/" }
        let cwd = m.object.isNull ? system.currentDirectory : try strArg(try callMethod(m.object, "getcwd", [])).value
        if m.isRoot { return cwd }
        return cwd == "/" ? m.path : m.path + cwd
    }

    /// Reads a whole file of a mounted object as MicroPython's importer does
    /// (extmod/vfs_reader.c): `open(path, 'rb')`, then `readinto` a buffer of the
    /// size its `ioctl(MP_STREAM_GET_BUFFER_SIZE)` asks for (clamped to 9...255
    /// bytes, 25 when it names none) until a read comes back short, then
    /// `ioctl(MP_STREAM_CLOSE)`.
    func readMountedFile(_ lookup: VFSLookup) throws(PyError) -> [UInt8] {
        guard case .object(_, let path) = lookup else { return try bytesLike(try vfsCall(lookup, "open", [])) }
        let f = try vfsCall(lookup, "open", [str(path), str("rb")])
        if f.isObject, let stream = f.object as? PyStream {
            let v = try streamRead(stream, nil)
            try streamClose(stream)
            return try bytesLike(v)
        }
        let asked = try intArg(try callMethod(f, "ioctl", [Value(small: 11), Value(small: 0)]))
        let size = asked <= 0 ? 25 : min(255, max(9, asked))
        var content: [UInt8] = []
        while true {
            let buffer = newBytes([UInt8](repeating: 0, count: size), mutable: true)
            let n = try intArg(try callMethod(f, "readinto", [Value(buffer)]))
            if n < 0 { throw osError(-n) }
            content += buffer.bytes.prefix(min(n, size))
            if n < size { break }
        }
        _ = try callMethod(f, "ioctl", [Value(small: 4), Value(small: 0)])
        return content
    }

    /// What a mounted object's `stat` says `path` is, for the importer
    /// (mp_vfs_import_stat): a directory, a file, or nothing (any exception).
    func importStat(_ lookup: VFSLookup) -> Bool? {
        guard case .object(_, let path) = lookup else { return nil }
        do throws(PyError) {
            let st = try vfsCall(lookup, "stat", [str(path)])
            let items = try iterateToArray(st)
            guard items.count == 10 else { return nil }
            return (try intArg(items[0])) & 0x4000 != 0
        } catch {
            return nil
        }
    }
}
