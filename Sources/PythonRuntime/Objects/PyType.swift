/// A Python class: built-in (`int`, `list`...) or defined by a `class` statement.
public final class PyType: PyObject {
    public var name: String
    public init(metatype: PyType?, name: String) {
        self.name = name
        // `type` is its own type: the bootstrap passes nil and we point at ourselves.
        super.init(type: metatype ?? unsafeBitCast(0 as Int, to: PyType.self))
        if metatype == nil { self.type = self }
    }
}
