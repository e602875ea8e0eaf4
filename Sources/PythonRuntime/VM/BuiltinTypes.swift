/// Every built-in type the runtime makes at start, by name.
public final class BuiltinTypes {
    public let type: PyType
    public let object: PyType
    public let int: PyType
    public let bool: PyType
    public let float: PyType
    public let str: PyType
    public let bytes: PyType
    public let bytearray: PyType
    public let list: PyType
    public let tuple: PyType
    public let dict: PyType
    public let set: PyType
    public let frozenset: PyType
    public let range: PyType
    public let slice: PyType
    public let NoneType: PyType
    public let ellipsis: PyType
    public let notImplementedType: PyType
    public let function: PyType
    public let builtinFunction: PyType
    public let boundMethod: PyType
    public let cell: PyType
    public let code: PyType
    public let module: PyType
    public let generator: PyType
    public let coroutine: PyType
    public let property: PyType
    public let classmethod: PyType
    public let staticmethod: PyType
    public let superType: PyType
    public let iterator: PyType
    public let dictKeys: PyType
    public let dictValues: PyType
    public let dictItems: PyType
    public let memoryview: PyType
    public let complex: PyType

    // Exceptions, as MicroPython's hierarchy (plus CPython's RecursionError and
    // UnboundLocalError, which firmware may catch by name).
    public let BaseException: PyType
    public let SystemExit: PyType
    public let KeyboardInterrupt: PyType
    public let GeneratorExit: PyType
    public let Exception: PyType
    public let StopIteration: PyType
    public let StopAsyncIteration: PyType
    public let ArithmeticError: PyType
    public let OverflowError: PyType
    public let ZeroDivisionError: PyType
    public let AssertionError: PyType
    public let AttributeError: PyType
    public let EOFError: PyType
    public let ImportError: PyType
    public let LookupError: PyType
    public let IndexError: PyType
    public let KeyError: PyType
    public let MemoryError: PyType
    public let NameError: PyType
    public let UnboundLocalError: PyType
    public let OSError: PyType
    public let RuntimeError: PyType
    public let NotImplementedError: PyType
    /// MicroPython's error for viper code that breaks viper's type rules (py/objexcept.c, with MICROPY_EMIT_NATIVE).
    public let ViperTypeError: PyType
    public let RecursionError: PyType
    public let SyntaxError: PyType
    public let IndentationError: PyType
    public let TypeError: PyType
    public let ValueError: PyType
    public let UnicodeError: PyType

    /// All exception types by name, for the builtins module.
    public private(set) var exceptionTypes: [PyType] = []

    init(counters: CacheCounters) {
        let type = PyType(rootNamed: "type", counters: counters)
        self.type = type
        func make(_ name: String, _ base: PyType?, _ layout: InstanceLayout, subclassable: Bool = true) -> PyType {
            let t = PyType(metatype: type, name: name)
            t.isBuiltin = true
            t.layout = layout
            t.isSubclassable = subclassable
            if let base { t.bases = [base] }
            _ = t.computeMRO()
            return t
        }
        object = make("object", nil, .object)
        type.isBuiltin = true
        type.layout = .notInstantiable
        type.bases = [object]
        _ = type.computeMRO()
        int = make("int", object, .int)
        bool = make("bool", int, .notInstantiable, subclassable: false)
        float = make("float", object, .float)
        str = make("str", object, .str)
        bytes = make("bytes", object, .bytes)
        bytearray = make("bytearray", object, .bytearray)
        list = make("list", object, .list)
        tuple = make("tuple", object, .tuple)
        dict = make("dict", object, .dict)
        set = make("set", object, .set)
        frozenset = make("frozenset", object, .frozenset)
        range = make("range", object, .notInstantiable, subclassable: false)
        slice = make("slice", object, .notInstantiable, subclassable: false)
        NoneType = make("NoneType", object, .notInstantiable, subclassable: false)
        ellipsis = make("ellipsis", object, .notInstantiable, subclassable: false)
        notImplementedType = make("NotImplementedType", object, .notInstantiable, subclassable: false)
        function = make("function", object, .notInstantiable, subclassable: false)
        builtinFunction = make("builtin_function_or_method", object, .notInstantiable, subclassable: false)
        boundMethod = make("bound_method", object, .notInstantiable, subclassable: false)
        cell = make("cell", object, .notInstantiable, subclassable: false)
        code = make("code", object, .notInstantiable, subclassable: false)
        module = make("module", object, .notInstantiable, subclassable: false)
        generator = make("generator", object, .notInstantiable, subclassable: false)
        coroutine = make("coroutine", object, .notInstantiable, subclassable: false)
        property = make("property", object, .notInstantiable)
        classmethod = make("classmethod", object, .notInstantiable)
        staticmethod = make("staticmethod", object, .notInstantiable)
        superType = make("super", object, .notInstantiable, subclassable: false)
        iterator = make("iterator", object, .notInstantiable, subclassable: false)
        dictKeys = make("dict_keys", object, .notInstantiable, subclassable: false)
        dictValues = make("dict_values", object, .notInstantiable, subclassable: false)
        dictItems = make("dict_items", object, .notInstantiable, subclassable: false)
        memoryview = make("memoryview", object, .notInstantiable, subclassable: false)
        complex = make("complex", object, .notInstantiable, subclassable: false)

        var all: [PyType] = []
        let objectType = object
        func exc(_ name: String, _ base: PyType?) -> PyType {
            let t = make(name, base ?? objectType, .exception)
            t.instancesHaveDict = true
            all.append(t)
            return t
        }
        BaseException = exc("BaseException", nil)
        SystemExit = exc("SystemExit", BaseException)
        KeyboardInterrupt = exc("KeyboardInterrupt", BaseException)
        GeneratorExit = exc("GeneratorExit", BaseException)
        Exception = exc("Exception", BaseException)
        StopIteration = exc("StopIteration", Exception)
        StopAsyncIteration = exc("StopAsyncIteration", Exception)
        ArithmeticError = exc("ArithmeticError", Exception)
        OverflowError = exc("OverflowError", ArithmeticError)
        ZeroDivisionError = exc("ZeroDivisionError", ArithmeticError)
        AssertionError = exc("AssertionError", Exception)
        AttributeError = exc("AttributeError", Exception)
        EOFError = exc("EOFError", Exception)
        ImportError = exc("ImportError", Exception)
        LookupError = exc("LookupError", Exception)
        IndexError = exc("IndexError", LookupError)
        KeyError = exc("KeyError", LookupError)
        MemoryError = exc("MemoryError", Exception)
        NameError = exc("NameError", Exception)
        UnboundLocalError = exc("UnboundLocalError", NameError)
        OSError = exc("OSError", Exception)
        RuntimeError = exc("RuntimeError", Exception)
        NotImplementedError = exc("NotImplementedError", RuntimeError)
        RecursionError = exc("RecursionError", RuntimeError)
        SyntaxError = exc("SyntaxError", Exception)
        IndentationError = exc("IndentationError", SyntaxError)
        TypeError = exc("TypeError", Exception)
        ValueError = exc("ValueError", Exception)
        UnicodeError = exc("UnicodeError", ValueError)
        ViperTypeError = exc("ViperTypeError", Exception)
        exceptionTypes = all
        let kinds: [(PyType, InstanceKind)] = [
            (type, .type), (object, .instance), (str, .str), (bytes, .bytes), (bytearray, .bytes),
            (list, .list), (tuple, .tuple), (dict, .dict), (set, .set), (frozenset, .set),
            (function, .function), (builtinFunction, .nativeFunction), (boundMethod, .boundMethod),
            (module, .module), (superType, .superObject), (generator, .generator), (coroutine, .generator),
            (property, .property),
        ]
        for (t, k) in kinds { t.instanceKind = k }
        for t in all { t.instanceKind = .exception }
    }

    /// Every type made here, for the heap's permanent set.
    var all: [PyType] {
        [type, object, int, bool, float, str, bytes, bytearray, list, tuple, dict, set, frozenset,
         range, slice, NoneType, ellipsis, notImplementedType, function, builtinFunction, boundMethod,
         cell, code, module, generator, coroutine, property, classmethod, staticmethod, superType,
         iterator, dictKeys, dictValues, dictItems, memoryview, complex] + exceptionTypes
    }
}
