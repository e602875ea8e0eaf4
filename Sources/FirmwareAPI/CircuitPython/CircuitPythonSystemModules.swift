import PythonRuntime

/// Cuts the runtime's `os`, `micropython` and `hashlib` down to what
/// CircuitPython 9.1.4 has on the raspberrypi and espressif ports, so a tool
/// such as mpremote meets the same absences as on the board (and falls back as
/// it does there: `fs ls` needs `os.ilistdir`, `sha256sum` reads the file back
/// when `hashlib.sha256` is missing).
func adaptSystemModulesToCircuitPython(_ rt: Runtime) {
    // os (shared-bindings/os/__init__.c): no ilistdir, mount or umount (mounting is
    // storage.mount's there).
    let osInit = rt.nativeModuleInitializer("os")
    rt.registerNativeModule("os") { rt, module throws(PyError) in
        try osInit?(rt, module)
        for name in ["ilistdir", "mount", "umount"] { _ = module.dict.removeStr(rt.intern(name)) }
    }

    // micropython (py/modmicropython.c): everything but const sits behind
    // CIRCUITPY_MICROPYTHON_ADVANCED, which py/circuitpy_mpconfig.h sets to 0,
    // and MICROPY_ENABLE_SCHEDULER is off at CircuitPython's feature level.
    let micropythonInit = rt.nativeModuleInitializer("micropython")
    rt.registerNativeModule("micropython") { rt, module throws(PyError) in
        try micropythonInit?(rt, module)
        let d = module.dict
        let keep: Set<String> = ["__name__", "const"]
        for (key, _) in d.items {
            guard let name = key.as(PyStr.self)?.value, !keep.contains(name) else { continue }
            _ = d.removeStr(rt.intern(name))
        }
    }

    // hashlib (shared-bindings/hashlib): only new(name, data), and only "sha1"
    // (shared-module/hashlib/__init__.c), over the runtime's SHA-1.
    let hashlibInit = rt.nativeModuleInitializer("hashlib")
    rt.registerNativeModule("hashlib") { rt, module throws(PyError) in
        let runtimeHashes = rt.newModule("hashlib")
        try hashlibInit?(rt, runtimeHashes)
        module.dict.setStr(rt.intern("_sha1"), runtimeHashes.dict.getStr(rt.intern("sha1")))
        let code = try rt.compileSource(circuitPythonHashlib, filename: "<hashlib>", mode: .module)
        _ = try rt.runCode(code, globals: module.dict, locals: nil)
    }
}

/// CircuitPython's hashlib, run in the module's namespace with `_sha1` given;
/// leaves `new` alone in it (Hash has no constructor of its own there).
let circuitPythonHashlib = """
    def _make(sha1):
        class Hash:
            def __init__(self, h):
                self._h = h
            @property
            def digest_size(self):
                return 20
            def update(self, data):
                # Any readable buffer, str included (mp_get_buffer_raise).
                self._h.update(data.encode() if isinstance(data, str) else data)
            def digest(self):
                return self._h.digest()
        def new(name, data=None):
            if name != 'sha1':
                raise ValueError('Unsupported hash algorithm')
            h = Hash(sha1())
            if data is not None:
                h.update(data)
            return h
        return new
    new = _make(_sha1)
    del _make, _sha1
    """
