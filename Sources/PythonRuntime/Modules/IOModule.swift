/// Streams: files opened through the VirtualFileSystem, `io.StringIO`,
/// `io.BytesIO` and the console streams of `sys` — one Swift class, several
/// Python types (TextIOWrapper, FileIO, StringIO, BytesIO), as MicroPython's.
public final class PyStream: PyObject {
    enum Kind { case file, memory, stdin, stdout, stderr }
    let kind: Kind
    /// Text streams read and write str, binary ones bytes.
    let binary: Bool
    /// The file's path inside the VirtualFileSystem (files only).
    var path = ""
    /// A memory stream's whole content; a file's window: the bytes from
    /// `windowStart` on, at most `windowSize` of them, read from the file or
    /// written and not yet flushed (console input waits in `SystemState.consoleInput`).
    var data: [UInt8] = []
    var windowStart = 0
    /// A file's size, counting what its window adds.
    var fileSize = 0
    var position = 0
    var readable = true
    var writable = true
    /// Writes go to the end ("a" modes).
    var appending = false
    var closed = false
    /// The window holds bytes not yet written to the file.
    var dirty = false

    /// A file's buffer, as a board's file system keeps a sector or cache block
    /// per open file: logs far bigger than the heap are read and written
    /// through it.
    static let windowSize = 512
    /// The binary companion of a console stream (`sys.stdout.buffer`).
    var buffer: Value = .null

    init(type: PyType, kind: Kind, binary: Bool) {
        self.kind = kind
        self.binary = binary
        super.init(type: type)
    }
    public override func traceReferences(_ visit: (Value) -> Void) { visit(buffer) }
    public override var accountedSize: Int { 48 + data.count }
}

extension Runtime {
    /// Makes the stream types (once, before `sys` and `io` use them).
    func installStreamTypes() {
        let s = system
        if s.textIOType != nil { return }
        s.textIOType = makeSystemType("TextIOWrapper", module: "io")
        s.fileIOType = makeSystemType("FileIO", module: "io")
        s.stringIOType = makeSystemType("StringIO", module: "io")
        s.bytesIOType = makeSystemType("BytesIO", module: "io")
        for t in [s.textIOType!, s.fileIOType!, s.stringIOType!, s.bytesIOType!] { installStreamMethods(t) }
        for t in [s.stringIOType!, s.bytesIOType!] {
            // In-memory streams can be subclassed (tests/basics/io_stringio_base.py):
            // the constructor makes the stream, which then takes the subclass's type.
            t.isSubclassable = true
            t.layout = .native
            let binary = t === s.bytesIOType
            method(t, "getvalue") { rt, args throws(PyError) in
                let f = try rt.streamArg(args, "getvalue")
                try rt.checkOpen(f)
                return rt.streamValue(f, f.data[...])
            }
            constructor(t) { rt, args throws(PyError) in
                try args.expect(rt, t.name, 0, 1, keywords: true)
                let f = rt.track(PyStream(type: t, kind: .memory, binary: binary))
                let initial = args.argument(0, "initial_value")
                if initial.isObject {
                    if let str = initial.object as? PyStr, !binary { f.data = Array(str.value.utf8) }
                    else if let b = initial.object as? PyBytes, binary { f.data = b.bytes }
                    else if !binary { throw rt.typeError("initial_value must be str or None, not \(rt.typeName(initial))") }
                    else { throw rt.typeError("a bytes-like object is required, not '\(rt.typeName(initial))'") }
                } else if initial.isSmallInt, binary {
                    // MicroPython: BytesIO(n) preallocates; the stream starts empty.
                } else if !initial.isNull && !initial.isNone {
                    throw rt.typeError("initial_value must be str or None, not \(rt.typeName(initial))")
                }
                return Value(f)
            }
        }
    }

    func streamArg(_ args: CallArguments, _ name: String) throws(PyError) -> PyStream {
        guard args.count > 0, args[0].isObject, let f = args[0].object as? PyStream else {
            throw typeError("descriptor '\(name)' requires a stream object")
        }
        return f
    }

    func checkOpen(_ f: PyStream) throws(PyError) {
        if f.closed { throw valueError("I/O operation on closed file") }
    }

    /// What reading gives: str for text streams, bytes for binary ones.
    func streamValue(_ f: PyStream, _ bytes: ArraySlice<UInt8>) -> Value {
        if f.binary { return Value(newBytes(Array(bytes))) }
        return str(String(decoding: bytes, as: UTF8.self))
    }

    // MARK: Positional access: a memory stream's `data` is all of it, a file
    // is read and written through its window.

    func streamLength(_ f: PyStream) -> Int { f.kind == .file ? f.fileSize : f.data.count }

    /// The stream's bytes from `pos` on that are at hand: for a file, what its
    /// window holds (loaded from the file if `pos` is outside it); empty at the end.
    func streamBytes(_ f: PyStream, at pos: Int) throws(PyError) -> ArraySlice<UInt8> {
        guard f.kind == .file else { return pos < f.data.count ? f.data[pos...] : [] }
        let offset = pos - f.windowStart
        if offset >= 0 && offset < f.data.count { return f.data[offset...] }
        guard pos < f.fileSize else { return [] }
        try streamFlush(f)
        let fs = try requireFileSystem()
        let count = min(PyStream.windowSize, f.fileSize - pos)
        try reserve(max(0, count - f.data.count))
        let path = f.path
        f.data = try fileSystemCall { () throws(FileSystemError) in try fs.readFile(path, offset: pos, count: count) }
        f.windowStart = pos
        if f.data.isEmpty { f.fileSize = pos }  // the file shrank under us
        return f.data[...]
    }

    /// Bytes from the position: `n` of them (binary) or `n` characters' worth
    /// (text; nil or negative: to the end), or up to and including a newline.
    func streamTake(_ f: PyStream, _ n: Int?, line: Bool) throws(PyError) -> [UInt8] {
        let wantsAll = n == nil || n! < 0
        var left = wantsAll ? Int.max : n!
        // The result lives on the heap: all that remains, when it is all that is asked for.
        if wantsAll && !line { try reserve(max(0, streamLength(f) - f.position)) }
        var out: [UInt8] = []
        while left > 0 {
            let chunk = try streamBytes(f, at: f.position)
            if chunk.isEmpty { break }
            var i = chunk.startIndex, done = false
            while i < chunk.endIndex && left > 0 {
                let b = chunk[i]
                i += 1
                // A character is its lead byte and the continuation bytes after it.
                if !f.binary { while i < chunk.endIndex && chunk[i] & 0xC0 == 0x80 { i += 1 } }
                left -= 1
                if line && b == 10 { done = true; break }
            }
            out += chunk[chunk.startIndex..<i]
            f.position += i - chunk.startIndex
            if done { break }
            // A character split by the window's end: its continuation bytes come next.
            if !f.binary { while let c = try streamBytes(f, at: f.position).first, c & 0xC0 == 0x80 { out.append(c); f.position += 1 } }
        }
        return out
    }

    func streamRead(_ f: PyStream, _ n: Int?) throws(PyError) -> Value {
        try checkOpen(f)
        if !f.readable { throw osError(9) }
        if f.kind == .stdin { return streamValue(f, consoleRead(binary: f.binary, n)[...]) }
        return streamValue(f, try streamTake(f, n, line: false)[...])
    }

    func streamReadLine(_ f: PyStream, limit: Int?) throws(PyError) -> Value {
        try checkOpen(f)
        if !f.readable { throw osError(9) }
        if f.kind == .stdin { return streamValue(f, consoleReadLine(binary: f.binary, limit: limit)[...]) }
        return streamValue(f, try streamTake(f, limit, line: true)[...])
    }

    func streamWrite(_ f: PyStream, _ v: Value) throws(PyError) -> Value {
        try checkOpen(f)
        if !f.writable { throw osError(9) }
        let bytes: [UInt8]
        let count: Int
        if v.isObject, let s = v.object as? PyStr {
            if f.binary && f.kind != .stdout && f.kind != .stderr {
                throw typeError("a bytes-like object is required, not 'str'")
            }
            bytes = Array(s.value.utf8)
            count = f.binary ? bytes.count : s.value.unicodeScalars.count
        } else if v.isObject, v.object is PyBytes || v.object is PyMemoryView {
            if !f.binary && f.kind != .stdout && f.kind != .stderr {
                throw typeError("write() argument must be str, not \(typeName(v))")
            }
            bytes = try bytesFrom(v)
            count = bytes.count
        } else {
            throw typeError(f.binary ? "a bytes-like object is required, not '\(typeName(v))'"
                                     : "write() argument must be str, not \(typeName(v))")
        }
        switch f.kind {
        case .stdout:
            // sys.stdout.buffer passes bytes untouched (stdio_buffer_write), sys.stdout cooks text.
            if f.binary { host.writeRawOutput(bytes) } else { host.writeOutput(String(decoding: bytes, as: UTF8.self)) }
            return int(count)
        case .stderr: host.writeError(String(decoding: bytes, as: UTF8.self)); return int(count)
        case .stdin: throw osError(9)
        case .file: try streamPut(f, bytes)
        case .memory:
            if f.appending { f.position = f.data.count }
            // The content grows in place: count it against the heap first.
            try reserve(max(0, f.position + bytes.count - f.data.count))
            put(bytes, into: &f.data, at: f.position)
            f.position += bytes.count
        }
        return int(count)
    }

    /// `bytes` into `data` at `offset`, zero-filling a gap before it.
    private func put(_ bytes: [UInt8], into data: inout [UInt8], at offset: Int) {
        if offset > data.count { data += [UInt8](repeating: 0, count: offset - data.count) }
        data.replaceSubrange(offset..<min(offset + bytes.count, data.count), with: bytes)
    }

    /// A file write: into the window when it fits there (flushed when full),
    /// straight to the file when it is bigger than a window.
    private func streamPut(_ f: PyStream, _ bytes: [UInt8]) throws(PyError) {
        if f.appending { f.position = f.fileSize }
        let offset = f.position - f.windowStart
        if bytes.count >= PyStream.windowSize {
            try streamFlush(f)
            let fs = try requireFileSystem()
            let (path, at) = (f.path, f.position)
            try fileSystemCall { () throws(FileSystemError) in try fs.writeFile(path, bytes, at: at) }
            // The window may hold bytes this write replaced.
            f.data = []
            f.windowStart = f.position + bytes.count
        } else {
            if offset < 0 || offset > f.data.count || offset + bytes.count > PyStream.windowSize {
                try streamFlush(f)
                f.data = []
                f.windowStart = f.position
            }
            let at = f.position - f.windowStart
            try reserve(max(0, at + bytes.count - f.data.count))
            put(bytes, into: &f.data, at: at)
            f.dirty = true
        }
        f.position += bytes.count
        f.fileSize = max(f.fileSize, f.position)
        if f.dirty && f.data.count >= PyStream.windowSize { try streamFlush(f) }
    }

    /// Writes a file's window back to the file if it holds new bytes.
    func streamFlush(_ f: PyStream) throws(PyError) {
        guard f.kind == .file, f.dirty, !f.closed else { return }
        let fs = try requireFileSystem()
        let (path, data, at) = (f.path, f.data, f.windowStart)
        try fileSystemCall { () throws(FileSystemError) in try fs.writeFile(path, data, at: at) }
        f.dirty = false
    }

    func streamClose(_ f: PyStream) throws(PyError) {
        if f.closed { return }
        if f.kind == .stdin || f.kind == .stdout || f.kind == .stderr { return }
        defer {
            f.closed = true
            if f.kind == .file { f.data = [] }
        }
        try streamFlush(f)
    }

    func installStreamMethods(_ t: PyType) {
        method(t, "read") { rt, args throws(PyError) in
            try args.expect(rt, "read", 1, 2)
            let f = try rt.streamArg(args, "read")
            let n: Int? = args.count > 1 && !args[1].isNone ? try rt.intArg(args[1]) : nil
            return try rt.streamRead(f, n)
        }
        method(t, "readinto") { rt, args throws(PyError) in
            try args.expect(rt, "readinto", 2, 3)
            let f = try rt.streamArg(args, "readinto")
            // A bytearray, or a writable memoryview of one (mip copies files through one).
            let buf: PyBytes, offset: Int
            var n: Int
            if args[1].isObject, let b = args[1].object as? PyBytes, b.isMutable {
                (buf, offset, n) = (b, 0, b.bytes.count)
            } else if args[1].isObject, let m = args[1].object as? PyMemoryView, !m.readonly, m.base.isMutable {
                try rt.checkReleased(m)
                (buf, offset, n) = (m.base, m.start, max(0, min(m.count, m.base.bytes.count - m.start)))
            } else {
                throw rt.typeError("readinto() needs a writable buffer")
            }
            if args.count > 2 { n = min(n, try rt.intArg(args[2])) }
            try rt.checkOpen(f)
            if f.kind == .stdin {
                let got = rt.consoleReadInto(binary: f.binary, count: n)
                buf.bytes.replaceSubrange(offset..<(offset + got.count), with: got)
                return rt.int(got.count)
            }
            if !f.readable { throw rt.osError(9) }
            var got = 0
            while got < n {
                let chunk = try rt.streamBytes(f, at: f.position)
                if chunk.isEmpty { break }
                let part = chunk.prefix(n - got)
                buf.bytes.replaceSubrange((offset + got)..<(offset + got + part.count), with: part)
                got += part.count
                f.position += part.count
            }
            return rt.int(got)
        }
        method(t, "readline") { rt, args throws(PyError) in
            try args.expect(rt, "readline", 1, 2)
            let f = try rt.streamArg(args, "readline")
            let n: Int? = args.count > 1 && !args[1].isNone ? try rt.intArg(args[1]) : nil
            return try rt.streamReadLine(f, limit: n)
        }
        method(t, "readlines") { rt, args throws(PyError) in
            try args.expect(rt, "readlines", 1, 2)
            let f = try rt.streamArg(args, "readlines")
            let list = rt.newList()
            while true {
                let line = try rt.streamReadLine(f, limit: nil)
                if try !rt.isTruthy(line) { break }
                list.items.append(line)
            }
            return Value(list)
        }
        method(t, "write") { rt, args throws(PyError) in
            try args.expect(rt, "write", 2, 4)
            let f = try rt.streamArg(args, "write")
            guard args.count > 2 else { return try rt.streamWrite(f, args[1]) }
            // MicroPython's extended form: write(buf, len) or write(buf, offset, len),
            // both clipped to the buffer.
            let isStr = args[1].isObject && args[1].object is PyStr
            let data = isStr ? Array(try rt.strArg(args[1]).value.utf8) : try rt.bytesLike(args[1])
            let offset = args.count == 4 ? min(max(0, try rt.intArg(args[2])), data.count) : 0
            let length = min(max(0, try rt.intArg(args[args.count - 1])), data.count - offset)
            let part = Array(data[offset..<(offset + length)])
            return try rt.streamWrite(f, isStr ? rt.str(String(decoding: part, as: UTF8.self)) : Value(rt.newBytes(part)))
        }
        method(t, "seek") { rt, args throws(PyError) in
            try args.expect(rt, "seek", 2, 3)
            let f = try rt.streamArg(args, "seek")
            try rt.checkOpen(f)
            let offset = try rt.intArg(args[1])
            let whence = args.count > 2 ? try rt.intArg(args[2]) : 0
            let base: Int
            switch whence {
            case 0: base = 0
            case 1: base = f.position
            case 2: base = rt.streamLength(f)
            default: throw rt.osError(22)
            }
            if f.kind != .file && f.kind != .memory { throw rt.osError(22) }
            let (target, overflow) = base.addingReportingOverflow(offset)
            if overflow { throw rt.error(rt.types.OverflowError, "overflow converting long int to machine word") }
            // Before the start is EINVAL, for a file and a BytesIO alike (py/stream.c).
            if target < 0 { throw rt.osError(22) }
            f.position = target
            return rt.int(f.position)
        }
        method(t, "tell") { rt, args throws(PyError) in
            try args.expect(rt, "tell", 1, 1)
            let f = try rt.streamArg(args, "tell")
            try rt.checkOpen(f)
            return rt.int(f.position)
        }
        method(t, "flush") { rt, args throws(PyError) in
            try args.expect(rt, "flush", 1, 1)
            let f = try rt.streamArg(args, "flush")
            try rt.checkOpen(f)
            try rt.streamFlush(f)
            return .none
        }
        method(t, "close") { rt, args throws(PyError) in
            try args.expect(rt, "close", 1, 1)
            try rt.streamClose(try rt.streamArg(args, "close"))
            return .none
        }
        // `with f:` and `for line in f:` both hand back the open stream itself.
        for name in ["__enter__", "__iter__"] {
            method(t, name) { rt, args throws(PyError) in
                try rt.checkOpen(try rt.streamArg(args, name))
                return args[0]
            }
        }
        method(t, "__exit__") { rt, args throws(PyError) in
            try rt.streamClose(try rt.streamArg(args, "__exit__"))
            return .none
        }
        method(t, "__next__") { rt, args throws(PyError) in
            let f = try rt.streamArg(args, "__next__")
            let line = try rt.streamReadLine(f, limit: nil)
            if try !rt.isTruthy(line) { throw rt.stopIteration() }
            return line
        }
        readOnlyProperty(t, "closed") { rt, args throws(PyError) in
            Value(bool: try rt.streamArg(args, "closed").closed)
        }
        readOnlyProperty(t, "buffer") { rt, args throws(PyError) in
            let f = try rt.streamArg(args, "buffer")
            if f.buffer.isNull { throw rt.attributeError("'\(f.type.name)' object has no attribute 'buffer'") }
            return f.buffer
        }
    }

    /// `open(file, mode='r', buffering=-1, encoding=None, ...)`.
    func openFile(_ args: CallArguments) throws(PyError) -> Value {
        if args.count < 1 && args.keyword("file").isNull { throw typeError("function missing 1 required positional arguments") }
        let fileArg = args.argument(0, "file")
        let modeArg = args.argument(1, "mode")
        // A file of a mounted object is whatever its `open(path, mode)` returns (mp_vfs_open).
        let (raw, rawIsBytes) = try rawPathArgument(fileArg)
        let lookup = lookupPath(raw)
        let path: String
        switch lookup {
        case .host(let p): path = p
        case .object(_, let inside):
            return try vfsCall(lookup, "open", [vfsPathValue(inside, bytes: rawIsBytes), modeArg.isNull ? str("r") : modeArg])
        case .root, .none: return try vfsCall(lookup, "open", [])
        }
        let mode = modeArg.isNull ? "r" : try strArg(modeArg).value
        var read = false, write = false, append = false, create = false, truncate = false, exclusive = false
        var binary = false, plus = false
        for c in mode {
            switch c {
            case "r": read = true
            case "w": write = true; create = true; truncate = true
            case "a": write = true; create = true; append = true
            case "x": write = true; create = true; exclusive = true
            case "b": binary = true
            case "t": binary = false
            case "+": plus = true
            default: throw valueError("invalid mode: '\(mode)'")
            }
        }
        if [read, write && truncate, append, exclusive].filter({ $0 }).count != 1 {
            throw valueError("invalid mode: '\(mode)'")
        }
        if plus { read = true; write = true }
        let fs = try requireFileSystem()
        let s = system
        let f = track(PyStream(type: binary ? s.fileIOType : s.textIOType, kind: .file, binary: binary))
        f.path = path
        f.readable = read
        f.writable = write
        f.appending = append
        var existing: FileStatus? = nil
        do throws(FileSystemError) {
            existing = try fs.status(path)
        } catch let e {
            if e != .notFound { throw osError(e.errno) }
        }
        if let existing, existing.isDirectory { throw osError(21) }
        if exclusive && existing != nil { throw osError(17) }
        if existing == nil && !create { throw osError(2) }
        if existing == nil || truncate {
            try fileSystemCall { () throws(FileSystemError) in try fs.writeFile(path, [], append: false) }
        } else {
            f.fileSize = existing!.size
        }
        if append { f.position = f.fileSize }
        return Value(f)
    }

    func installIOModule() {
        installStreamTypes()
        builtin("open") { rt, args throws(PyError) in try rt.openFile(args) }
        registerNativeModule("io") { rt, m throws(PyError) in
            let s = rt.system
            let d = m.dict
            d.setStr(rt.intern("open"), rt.builtins.getStr(rt.intern("open")))
            d.setStr(rt.intern("StringIO"), Value(s.stringIOType))
            d.setStr(rt.intern("BytesIO"), Value(s.bytesIOType))
            d.setStr(rt.intern("TextIOWrapper"), Value(s.textIOType))
            d.setStr(rt.intern("FileIO"), Value(s.fileIOType))
            d.setStr(rt.intern("SEEK_SET"), Value(small: 0))
            d.setStr(rt.intern("SEEK_CUR"), Value(small: 1))
            d.setStr(rt.intern("SEEK_END"), Value(small: 2))
            // IOBase (py/modio.c): the base of streams written in Python, such as
            // mpremote's RemoteFile. MicroPython's C code drives them through their
            // readinto/write/ioctl methods, which is all the runtime ever calls.
            let code = try rt.compileSource("class IOBase:\n    pass\n", filename: "<io>", mode: .module)
            _ = try rt.runCode(code, globals: d, locals: nil)
        }
    }
}

/// Reading and writing a stream written in Python (an io.IOBase subclass with
/// only readinto/write), as py/stream.c drives one.
extension Runtime {
    /// All of a stream's data: its read(), else readinto() a chunk at a time.
    /// A readinto that claims more bytes than it was given is OSError(EIO).
    /// `chunk` is what each readinto asks for (json.load reads a byte at a time).
    func readWholeStream(_ stream: Value, chunk: Int = 256) throws(PyError) -> Value {
        guard !stream.isNone else { throw osError(22) }
        let read = try findAttribute(stream, intern("read"))
        if !read.isNull { return try call(read, []) }
        let readinto = try findAttribute(stream, intern("readinto"))
        guard !readinto.isNull else { throw osError(22) }   // not a stream: EINVAL
        var data: [UInt8] = []
        let size = chunk
        while true {
            let chunk = newBytes([UInt8](repeating: 0, count: size), mutable: true)
            guard let n = smallInt(try call(readinto, [Value(chunk)])), n > 0 else { break }
            if n > size { throw osError(5) }
            data.append(contentsOf: chunk.bytes.prefix(n))
            if n < size { break }
        }
        return Value(newBytes(data))
    }

    /// Writes `text` with the stream's write(), again for what a short write
    /// left; a write that claims more than it was given is OSError(EIO).
    func writeWholeStream(_ stream: Value, _ text: String) throws(PyError) {
        let write = try getAttribute(stream, intern("write"))
        let r = try call(write, [str(text)])
        guard let n = smallInt(r) else { return }
        let length = text.unicodeScalars.count
        if n > length { throw osError(5) }
        if n > 0 && n < length {
            try writeWholeStream(stream, String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(n))))
        }
    }
}
