/// `import`: sys.modules, native modules, and `.py` and `.mpy` files found along sys.path
/// through the host (so a board only ever reads its own drive).
extension Runtime {
    /// A module implemented in Swift: called once to fill the module's dict.
    public typealias NativeModuleInitializer = (Runtime, PyModule) throws(PyError) -> Void

    /// Makes `name` importable as a native module.
    public func registerNativeModule(_ name: String, _ initializer: @escaping NativeModuleInitializer) {
        nativeModules[name] = initializer
    }

    /// Makes `name` not importable (a firmware without that module: CircuitPython has no `socket`).
    public func removeModule(_ name: String) {
        nativeModules[name] = nil
        frozenModules[name] = nil
    }

    /// The initializer registered for native module `name` (so a host can wrap it).
    public func nativeModuleInitializer(_ name: String) -> NativeModuleInitializer? {
        nativeModules[name]
    }

    /// A new, empty module object (not yet in sys.modules).
    public func newModule(_ name: String) -> PyModule {
        let d = newDict()
        d.setStr(names.__name__, Value(intern(name)))
        let m = track(PyModule(type: types.module, name: name, dict: d))
        return m
    }

    /// The IMPORT_NAME operation.
    func importModule(_ name: String, fromlist: Value, level: Int, globals: PyDict) throws(PyError) -> Value {
        var fullName = name
        if level > 0 {
            var package = ""
            let pkg = globals.getStr(intern("__package__"))
            if pkg.isObject, let p = pkg.object as? PyStr {
                package = p.value
            } else {
                let modName = globals.getStr(names.__name__)
                if modName.isObject, let m = modName.object as? PyStr {
                    let isPackage = !globals.getStr(names.__path__).isNull
                    package = isPackage ? m.value : String(m.value.split(separator: ".").dropLast().joined(separator: "."))
                }
            }
            var parts = package.split(separator: ".").map(String.init)
            if package.isEmpty || parts.count < level - 1 {
                throw error(types.ImportError, "attempted relative import with no known parent package")
            }
            parts.removeLast(level - 1)
            let base = parts.joined(separator: ".")
            fullName = name.isEmpty ? base : "\(base).\(name)"
        }
        let components = fullName.split(separator: ".").map(String.init)
        guard !components.isEmpty else { throw valueError("Empty module name") }
        var parent: PyModule? = nil
        var top: Value = .none
        var soFar = ""
        var leaf: Value = .none
        for component in components {
            soFar = soFar.isEmpty ? component : "\(soFar).\(component)"
            let m = try loadModule(soFar, parent: parent, shortName: component)
            if let parent { parent.dict.setStr(intern(component), m) }
            if top.isNone { top = m }
            leaf = m
            parent = m.isObject ? m.object as? PyModule : nil
        }
        let hasFromlist = fromlist.isObject && !((fromlist.object as? PyTuple)?.items.isEmpty ?? false)
        return hasFromlist ? leaf : top
    }

    /// sys.modules[name], loading it if needed.
    func loadModule(_ name: String, parent: PyModule?, shortName: String) throws(PyError) -> Value {
        let key = intern(name)
        let existing = modules.getStr(key)
        if !existing.isNull { return existing }
        if parent == nil, let initializer = nativeModules[name] {
            let m = newModule(name)
            modules.setStr(key, Value(m))
            do throws(PyError) {
                try initializer(self, m)
            } catch let e {
                modules.removeStr(key)
                throw e
            }
            return Value(m)
        }
        // MicroPython's `ufoo` alias of the built-in `foo` (`import usocket`,
        // `ustruct`, `usys`...), for the modules its ports mark extensible.
        if parent == nil, name.hasPrefix("u"), nativeModules[name] == nil,
           Runtime.uPrefixAliased.contains(String(name.dropFirst())),
           nativeModules[String(name.dropFirst())] != nil {
            let base = String(name.dropFirst())
            return try loadModule(base, parent: nil, shortName: base)
        }
        // Search the parent package's __path__, or sys.path.
        var searchPath: [String] = []
        if let parent {
            let p = parent.dict.getStr(names.__path__)
            if p.isObject, let s = p.object as? PyStr { searchPath = [s.value] }
            else if p.isObject, let l = p.object as? PyList { searchPath = l.items.compactMap { ($0.object as? PyStr)?.value } }
        } else {
            searchPath = sysPath.items.compactMap { $0.isObject ? ($0.object as? PyStr)?.value : nil }
        }
        for dir in searchPath {
            if dir == ".frozen" || dir.hasPrefix(".frozen/") {
                if let m = try loadFrozenModule(name) { return m }
                continue
            }
            if let found = try findModuleFile(dir: dir, shortName: shortName) {
                switch found.content {
                case .source(let source):
                    return try executeModule(name, source: source, file: found.file, packagePath: found.packagePath)
                case .compiled(let bytes):
                    return try executeModule(name, file: found.file, packagePath: found.packagePath) { () throws(PyError) in
                        try self.translateMpy(bytes)
                    }
                }
            }
            // The host's own source files (hosts without a file system, or
            // modules beside a script the CLI runs from another folder).
            let base = dir.isEmpty ? shortName : (dir.hasSuffix("/") ? dir + shortName : "\(dir)/\(shortName)")
            if let source = host.readSourceFile(base + ".py") {
                return try executeModule(name, source: source, file: base + ".py", packagePath: nil)
            }
            if host.isDirectory(base) {
                let initPath = base + "/__init__.py"
                let source = host.readSourceFile(initPath) ?? ""
                return try executeModule(name, source: source, file: initPath, packagePath: base)
            }
        }
        if let m = try loadFrozenModule(name) { return m }
        throw error(types.ImportError, "no module named '\(name)'")
    }

    /// Built-in modules `import ufoo` also reaches as `foo` (MicroPython's
    /// extensible modules, plus `sys`); `umath`, `ugc`, `umicropython` do not exist.
    static let uPrefixAliased: Set<String> = [
        "array", "binascii", "collections", "errno", "hashlib", "heapq", "io", "json",
        "os", "random", "re", "select", "socket", "struct", "sys", "time",
    ]

    /// What a module file holds: source, or a `.mpy` file's bytes.
    enum ModuleContent {
        case source(String)
        case compiled([UInt8])
    }

    /// `shortName.py`, `shortName.mpy` or the package `shortName/` in `dir` (a
    /// sys.path entry or package path; '' is the current directory), wherever the
    /// mount table leads: the host's VirtualFileSystem or a mounted object. A
    /// `.mpy` is tried only where no `.py` is (py/builtinimport.c stat_file_py_or_mpy).
    func findModuleFile(dir: String, shortName: String) throws(PyError)
        -> (content: ModuleContent, file: String, packagePath: String?)? {
        // __file__ and __path__ keep the entry as written, as MicroPython's import
        // joins them: '' gives "mod.py", "/lib" gives "/lib/mod.py".
        let named = dir.isEmpty ? shortName : (dir.hasSuffix("/") ? dir + shortName : dir + "/" + shortName)
        let lookup = lookupPath(named)
        if case .object = lookup { return try findMountedModule(named) }
        guard case .host(let base) = lookup, let fs = host.fileSystem else { return nil }
        func file(_ path: String) -> [UInt8]? {
            guard let st = try? fs.status(path), !st.isDirectory else { return nil }
            return try? fs.readFile(path)
        }
        if let bytes = file(base + ".py") {
            return (.source(String(decoding: bytes, as: UTF8.self)), named + ".py", nil)
        }
        if let bytes = file(base + ".mpy") {
            return (.compiled(bytes), named + ".mpy", nil)
        }
        if let st = try? fs.status(base), st.isDirectory {
            if file(base + "/__init__.py") == nil, let bytes = file(base + "/__init__.mpy") {
                return (.compiled(bytes), named + "/__init__.mpy", named)
            }
            let initPath = base + "/__init__.py"
            let source = (try? fs.readFile(initPath)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            return (.source(source), named + "/__init__.py", named)
        }
        return nil
    }

    /// A module in a mounted object, found as py/builtinimport.c looks: the
    /// package directory first, then `.py`, each asked of the object's `stat`.
    private func findMountedModule(_ named: String) throws(PyError) -> (content: ModuleContent, file: String, packagePath: String?)? {
        if importStat(lookupPath(named)) == true {
            let initFile = lookupPath(named + "/__init__.py")
            let source = importStat(initFile) == false ? String(decoding: try readMountedFile(initFile), as: UTF8.self) : ""
            return (.source(source), named + "/__init__.py", named)
        }
        let file = lookupPath(named + ".py")
        if importStat(file) == false {
            return (.source(String(decoding: try readMountedFile(file), as: UTF8.self)), named + ".py", nil)
        }
        let compiled = lookupPath(named + ".mpy")
        guard importStat(compiled) == false else { return nil }
        return (.compiled(try readMountedFile(compiled)), named + ".mpy", nil)
    }

    /// Compiles and runs a module's source in a fresh module registered in
    /// sys.modules; a frozen module's compiling costs no heap (see compileProgram).
    func executeModule(_ name: String, source: String, file: String, packagePath: String?,
                       frozen: Bool = false) throws(PyError) -> Value {
        try executeModule(name, file: file, packagePath: packagePath) { () throws(PyError) in
            frozen ? try self.compileSource(source, filename: file, mode: .module)
                : try self.compileProgram(source, filename: file, mode: .module)
        }
    }

    /// Runs the code `compile` makes in a fresh module registered in sys.modules.
    func executeModule(_ name: String, file: String, packagePath: String?,
                       compile: () throws(PyError) -> CodeObject) throws(PyError) -> Value {
        let m = newModule(name)
        m.dict.setStr(names.__file__, str(file))
        if let packagePath {
            m.dict.setStr(names.__path__, str(packagePath))
            m.dict.setStr(intern("__package__"), str(name))
        } else {
            let pkg = name.split(separator: ".").dropLast().joined(separator: ".")
            m.dict.setStr(intern("__package__"), str(pkg))
        }
        let key = intern(name)
        modules.setStr(key, Value(m))
        do throws(PyError) {
            let code = try compile()
            _ = try runCode(code, globals: m.dict, locals: nil)
        } catch let e {
            modules.removeStr(key)
            throw e
        }
        // The module may have replaced itself in sys.modules.
        let final = modules.getStr(key)
        return final.isNull ? Value(m) : final
    }

    /// IMPORT_FROM: an attribute of the module, or a submodule of that name.
    func importFrom(_ module: Value, _ name: PyStr) throws(PyError) -> Value {
        let v = try findAttribute(module, name)
        if !v.isNull { return v }
        if module.isObject, let m = module.object as? PyModule {
            let sub = "\(m.name).\(name.value)"
            do throws(PyError) {
                let loaded = try loadModule(sub, parent: m, shortName: name.value)
                m.dict.setStr(name, loaded)
                return loaded
            } catch let e where e.exception.type === types.ImportError {
                // Fall through to the "can't import name" error.
            }
        }
        throw error(types.ImportError, "can't import name \(name.value)")
    }

    /// `from m import *`: names in `__all__`, or every name not starting with `_`.
    /// Anything with a `__dict__` serves (a class or an instance put in
    /// sys.modules: tests/basics/import_star_nonmodule.py); without one it is
    /// AttributeError, as py/runtime.c's mp_import_all gives.
    func importStar(_ module: Value, into target: PyDict) throws(PyError) {
        var namespace: PyDict?
        if module.isObject {
            let o = module.object
            if let m = o as? PyModule { namespace = m.dict }
            else if let t = o as? PyType { namespace = t.dict }
            else if o.instanceDict.isObject { namespace = o.instanceDict.object as? PyDict }
        }
        guard let dict = namespace else {
            throw attributeError("'\(typeName(module))' object has no attribute '__dict__'")
        }
        let all = dict.getStr(names.__all__)
        if !all.isNull {
            for n in try iterateToArray(all) {
                guard n.isObject, let s = n.object as? PyStr else { continue }
                target.setStr(s, try getAttribute(module, s))
            }
            return
        }
        for (k, v) in dict.items {
            guard k.isObject, let s = k.object as? PyStr, !s.value.hasPrefix("_") else { continue }
            target.setStr(s, v)
        }
    }
}
