/// Modules written in Python that ship inside the runtime (`Firmware/lib`,
/// embedded by `Scripts/freeze.py` into `FrozenModules.swift`). They are found
/// through the `.frozen` entry of sys.path; a frozen package's `__path__` is
/// `.frozen/<name>`, so its submodules come from the same table.
extension Runtime {
    /// Adds the generated table to `frozenModules` (modules a host put there first win).
    func installFrozenModules() {
        frozenModules.merge(frozenModuleSources) { current, _ in current }
        frozenPackageNames.formUnion(frozenPackages)
    }

    /// Runs the frozen module `name` (a dotted name), or nil when there is none.
    func loadFrozenModule(_ name: String) throws(PyError) -> Value? {
        guard let source = frozenModules[name] else { return nil }
        let path = ".frozen/" + name.replacingOccurrences(of: ".", with: "/")
        let rom = romModules.contains(name)
        if rom { heap.romDepth += 1 }
        defer { if rom { heap.romDepth -= 1 } }
        if frozenPackageNames.contains(name) {
            return try executeModule(name, source: source, file: path + "/__init__.py", packagePath: path, frozen: true)
        }
        return try executeModule(name, source: source, file: path + ".py", packagePath: nil, frozen: true)
    }
}
