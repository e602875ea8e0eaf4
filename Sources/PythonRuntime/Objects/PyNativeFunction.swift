
public typealias NativeFunction = (Runtime, CallArguments) throws(PyError) -> Value

/// The arguments of a call from Python into Swift.
public struct CallArguments {
    public let positional: UnsafeBufferPointer<Value>
    /// Names of the keyword arguments, parallel to `keywordValues`.
    public let keywordNames: [PyStr]
    public let keywordValues: UnsafeBufferPointer<Value>

    public init(positional: UnsafeBufferPointer<Value>, keywordNames: [PyStr] = [], keywordValues: UnsafeBufferPointer<Value> = UnsafeBufferPointer(start: nil, count: 0)) {
        self.positional = positional
        self.keywordNames = keywordNames
        self.keywordValues = keywordValues
    }

    @inline(__always) public var count: Int { positional.count }
    @inline(__always) public subscript(i: Int) -> Value { positional[i] }
    public var hasKeywords: Bool { !keywordNames.isEmpty }

    /// The keyword argument named `name`, or `.null`.
    public func keyword(_ name: String) -> Value {
        for (i, k) in keywordNames.enumerated() where k.value == name { return keywordValues[i] }
        return .null
    }
}

/// A function implemented in Swift (`len`, `list.append`...). When found in a
/// type's dict it behaves as a method: the receiver is passed as the first argument.
public final class PyNativeFunction: PyObject {
    public let name: String
    public let body: NativeFunction
    /// For methods: the type whose dict holds it (for repr and `self` checks).
    public unowned(unsafe) var owner: PyType?
    /// True for functions that are not methods even when stored in a type dict
    /// (static natives such as `str.maketrans`, `dict.fromkeys` use a classmethod wrapper instead).
    public var isStatic = false
    /// The object the function is bound to as a module function (e.g. a module), or `.null`.
    public var boundSelf: Value = .null
    /// The type the first argument must be an instance of: a method's owner.
    /// Bodies take their receiver's storage for granted, so a call with
    /// another receiver (`int.__repr__(x)`, `bytearray.__getitem__(1, 1)`, a
    /// method stored in another class) is refused before the body runs. Nil
    /// for functions, classmethods (they get the class) and `__new__`.
    public unowned(unsafe) var receiverType: PyType? {
        didSet { receiverAddress = receiverType.map { UInt(bitPattern: ObjectIdentifier($0)) } ?? 0 }
    }
    /// `receiverType`'s address (0: none), which the call path compares with
    /// the first argument's type without taking a reference to either.
    private(set) var receiverAddress: UInt = 0

    /// True when the call needs no receiver check, or the first argument is
    /// exactly of the receiver type.
    @inline(__always) func receiverIsExact(_ args: UnsafeBufferPointer<Value>) -> Bool {
        if receiverAddress == 0 || isStatic { return true }
        guard let first = args.first, first.isObject else { return false }
        return unsafeBitCast(first.object.type, to: UInt.self) == receiverAddress
    }

    public init(type: PyType, name: String, owner: PyType?, body: @escaping NativeFunction) {
        self.name = name
        self.body = body
        self.owner = owner
        receiverType = name == "__new__" ? nil : owner
        receiverAddress = receiverType.map { UInt(bitPattern: ObjectIdentifier($0)) } ?? 0
        // A built-in function that is no type's method (abs, a module's function)
        // stored in a class behaves as a staticmethod: it never binds self
        // (py/runtime.c, mp_convert_member_lookup).
        isStatic = owner == nil
        super.init(type: type)
    }
    public override func traceReferences(_ visit: (Value) -> Void) {
        if let owner { visit(Value(owner)) }
        visit(boundSelf)
    }
}
