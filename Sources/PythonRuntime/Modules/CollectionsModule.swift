/// The `collections` module, written in Python, with one native helper
/// (`_tuple_new`) that makes the tuple-subclass instances of namedtuple.
extension Runtime {
    func installCollectionsModule() {
        registerPythonModule("collections") { rt, m throws(PyError) in
            rt.moduleFunction(m, "_tuple_new") { rt, args throws(PyError) in
                try args.expect(rt, "_tuple_new", 2, 2)
                guard args[0].isObject, let cls = args[0].object as? PyType, cls.isSubtype(of: rt.types.tuple) else {
                    throw rt.typeError("_tuple_new needs a tuple subclass")
                }
                let items = try rt.iterateToArray(args[1])
                return Value(rt.track(PyTuple(type: cls, ContiguousArray(items))))
            }
        }
    }
}
