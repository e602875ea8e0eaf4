/// `help()`: a welcome text, or a listing of an object's attributes, as
/// MicroPython's REPL offers.
extension Runtime {
    static let welcomeText = """
        Welcome to Breadbox's Python, a MicroPython-compatible runtime.

        Control commands in the REPL:
          Up/Down   -- recall earlier lines of this session
          CTRL-C    -- interrupt a running program
          CTRL-D    -- on a blank line, exit

        For a list of available modules, type help('modules').
        For an object's attributes, type help(obj).

        """

    func installHelp() {
        builtin("help") { rt, args throws(PyError) in
            try args.expect(rt, "help", 0, 1)
            if args.count == 0 {
                rt.host.writeOutput(Runtime.welcomeText)
                return .none
            }
            let v = args[0]
            if v.isObject, let s = v.object as? PyStr, s.value == "modules" {
                let names = (Array(rt.nativeModules.keys) + Array(rt.frozenModules.keys)).filter { !$0.contains(".") }
                rt.host.writeOutput(Set(names).sorted().joined(separator: " ") + "\n")
                return .none
            }
            var out = "object \(try rt.repr(v)) is of type \(rt.typeName(v))\n"
            var seen = Set<String>()
            let source: [PyDict]
            if v.isObject, let m = v.object as? PyModule {
                source = [m.dict]
            } else if v.isObject, let t = v.object as? PyType {
                source = t.mro.map { $0.dict }
            } else {
                source = rt.typeOf(v).mro.map { $0.dict }
            }
            for d in source {
                for (k, item) in d.items {
                    guard k.isObject, let name = k.object as? PyStr, !name.value.hasPrefix("__"),
                          seen.insert(name.value).inserted else { continue }
                    out += "  \(name.value) -- \(try rt.repr(item))\n"
                }
            }
            rt.host.writeOutput(out)
            return .none
        }
    }
}
