/// Helpers shared by the standard modules: native types and modules whose
/// body is Python source compiled when first imported.
extension Runtime {
    /// A new built-in type with `object` as its base (or `base`), ready for methods.
    func makeNativeType(_ name: String, base: PyType? = nil, module: String) -> PyType {
        let t = PyType(metatype: types.type, name: name)
        t.isBuiltin = true
        t.bases = [base ?? types.object]
        _ = t.computeMRO()
        t.dict = PyDict(type: types.dict)
        heap.makePermanent(t)
        heap.makePermanent(t.dict)
        t.dict.setStr(names.__module__, Value(intern(module)))
        return t
    }

    /// Registers a module written in Python, `Firmware/runtime/<name>.py`
    /// (frozen into `runtimeModuleSources`): `setup` adds native helpers to the
    /// module first, then the source runs in the module's namespace.
    func registerPythonModule(_ name: String, setup: ((Runtime, PyModule) throws(PyError) -> Void)? = nil) {
        guard let source = runtimeModuleSources[name] else {
            preconditionFailure("Firmware/runtime/\(name).py is not frozen: run python3 Scripts/freeze.py")
        }
        registerNativeModule(name) { rt, m throws(PyError) in
            // These are C modules in the real firmware: what importing them
            // makes lives in flash, not in the heap (see `romModules`).
            let rom = rt.romModules.contains(name)
            if rom { rt.heap.romDepth += 1 }
            defer { if rom { rt.heap.romDepth -= 1 } }
            if let setup { try setup(rt, m) }
            let code = try rt.compileSource(source, filename: "<frozen \(name)>", mode: .module)
            _ = try rt.runCode(code, globals: m.dict, locals: nil)
        }
    }
}
