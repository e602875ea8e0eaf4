import Foundation

/// Per-runtime state of the system modules (`os`, `io`, `micropython`, `select`):
/// the current directory, the stream types, the scheduler queue...
///
/// It is `Runtime.system`, made on first use. Values it holds for Python are kept in `roots`, a permanent list, so the
/// collector sees them.
final class SystemState: @unchecked Sendable {
    /// The current directory of the host's file system (absolute, normalised);
    /// what `os.getcwd()` gives while `currentMount` is that file system.
    var currentDirectory = "/"
    /// The mount table (VFSMounts.swift), in lookup order: the host's file
    /// system at "/" last (in effect while the host has one); and the mount
    /// relative paths go to (nil: the root itself).
    var mounts: [VFSMount] = []
    var currentMount: VFSMount?
    /// The mounted Python objects, kept alive for the collector.
    let mountObjects: PyList
    /// Console input read from the host but not yet by the program (ConsoleInput.swift).
    var consoleInput: [UInt8] = []
    /// `micropython.opt_level`.
    var optLevel = 0
    /// `micropython.schedule` queue: (function, argument) pairs, flattened.
    let scheduled: PyList
    /// Values the modules keep alive (the attrtuple factory...).
    let roots: PyDict
    /// Types of the stream objects (made by `installStreamTypes`).
    var textIOType: PyType!
    var fileIOType: PyType!
    var stringIOType: PyType!
    var bytesIOType: PyType!
    var pollType: PyType!

    init(_ rt: Runtime) {
        scheduled = PyList(type: rt.types.list, [])
        roots = PyDict(type: rt.types.dict)
        mountObjects = PyList(type: rt.types.list, [])
        rt.heap.makePermanent(scheduled)
        rt.heap.makePermanent(roots)
        rt.heap.makePermanent(mountObjects)
        if let fs = rt.host.fileSystem {
            currentDirectory = rt.normalizePath(fs.initialDirectory, relativeTo: "/")
        }
        let root = VFSMount(path: "/", object: .null)
        mounts = [root]
        currentMount = root
    }
}

extension Runtime {
    /// The current directory of the host's VirtualFileSystem, which relative
    /// paths start from (`os.getcwd()` unless `os.chdir` went into a mounted
    /// object). A host whose file system is the real one (the CLI) sets it to
    /// the process's directory; it must name an existing directory.
    public var currentDirectory: String {
        get { system.currentDirectory }
        set {
            system.currentDirectory = normalizePath(newValue, relativeTo: "/")
            system.currentMount = system.mounts.first { $0.object.isNull }
        }
    }

    /// The character code that should raise KeyboardInterrupt when typed on the
    /// console (`micropython.kbd_intr`), or -1 when the program disabled it.
    /// The firmware sets it back to Ctrl-C before each thing it runs.
    public var keyboardInterruptCharacter: Int {
        get { interruptLine.character }
        set { interruptLine.character = newValue }
    }

    /// True while `micropython.heap_lock()` is in effect (allocations should fail).
    public var heapLocked: Bool { heapLockDepth > 0 }

    /// True when `micropython.schedule` queued callbacks that have not run yet.
    public var hasScheduledCallbacks: Bool { !system.scheduled.items.isEmpty }

    /// Runs the callbacks queued by `micropython.schedule` (call at a safe point).
    /// Callbacks scheduled while these run wait for the next call.
    public func runScheduledCallbacks() throws(PyError) {
        let queue = system.scheduled
        guard !queue.items.isEmpty else { return }
        let pending = queue.items
        queue.items.removeAll()
        var i = 0
        while i + 1 < pending.count {
            do throws(PyError) {
                _ = try call(pending[i], [pending[i + 1]])
            } catch let e {
                // Keep the ones not yet run for the next safe point.
                queue.items.insert(contentsOf: pending[(i + 2)...], at: 0)
                throw e
            }
            i += 2
        }
    }

    // MARK: paths

    /// An absolute, normalised VirtualFileSystem path for `path`: joined with
    /// `base` (the current directory) when relative, `.` and empty components
    /// dropped, `..` going up but never above `/`.
    public func normalizePath(_ path: String, relativeTo base: String? = nil) -> String {
        let full = path.hasPrefix("/") ? path : (base ?? system.currentDirectory) + "/" + path
        var parts: [Substring] = []
        for c in full.split(separator: "/", omittingEmptySubsequences: true) {
            if c == "." { continue }
            if c == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(c)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The host's file system, or OSError ENODEV when there is none.
    func requireFileSystem() throws(PyError) -> VirtualFileSystem {
        guard let fs = host.fileSystem else { throw osError(19) }
        return fs
    }

    /// Runs a file-system operation, turning its error into OSError.
    func fileSystemCall<T>(_ body: () throws(FileSystemError) -> T) throws(PyError) -> T {
        do {
            return try body()
        } catch {
            throw osError(error.errno)
        }
    }

    // MARK: helpers for the modules

    /// A new built-in type with no instances made by calling it (unless a constructor is set).
    func makeSystemType(_ name: String, module: String) -> PyType {
        let t = makeNativeType(name, module: module)
        t.isSubclassable = false
        t.layout = .notInstantiable
        return t
    }

    /// A tuple whose items are also attributes, printed `(name=value, ...)` like
    /// MicroPython's attrtuple (`os.uname()`, `sys.implementation`); its class
    /// comes from `Firmware/runtime/attrtuple.py`.
    func attrTuple(_ typeName: String, _ fields: [(String, Value)]) throws(PyError) -> Value {
        let key = intern("attrtuple:" + typeName + ":" + fields.map(\.0).joined(separator: ","))
        var cls = system.roots.getStr(key)
        if cls.isNull {
            var factory = system.roots.getStr(intern("attrtuple"))
            if factory.isNull {
                let source = runtimeModuleSources["attrtuple"]!   // Firmware/runtime/attrtuple.py
                let globals = newDict()
                globals.setStr(names.__name__, str("builtins"))
                let code = try compileSource(source, filename: "<attrtuple>", mode: .module)
                _ = try runCode(code, globals: globals, locals: nil)
                factory = globals.getStr(intern("attrtuple"))
                system.roots.setStr(intern("attrtuple"), factory)
            }
            cls = try call(factory, [str(typeName), tuple(fields.map { str($0.0) })])
            system.roots.setStr(key, cls)
        }
        // Made directly: the tuple, then its type (as allocateInstance does for subclasses).
        let t = track(PyTuple(type: types.tuple, ContiguousArray(fields.map(\.1))))
        if cls.isObject, let c = cls.object as? PyType { t.type = c }
        return Value(t)
    }
}
