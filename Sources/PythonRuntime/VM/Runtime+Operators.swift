import BigInt

/// The data model's operators: truth, hashing, equality, ordering, arithmetic
/// and membership. Built-in types take fast native paths; everything else goes
/// through the special methods found on the type.
extension Runtime {
    // MARK: truth

    func isTruthy(_ v: Value) throws(PyError) -> Bool {
        if v.isSingleton { return v.bits == Value.true.bits || v.bits == Value.ellipsis.bits || v.bits == Value.notImplemented.bits }
        if v.isSmallInt { return v.asSmallInt != 0 }
        if v.isFloat { return v.asFloat != 0 }
        let o = v.object
        if o.type.isBuiltin, let truth = try builtinTruth(o) { return truth }
        let boolMethod = o.type.lookup(names.__bool__)
        if !boolMethod.isNull {
            let r = try call(boolMethod, [v])
            guard r.isBool else { throw typeError("__bool__ should return bool, returned \(typeName(r))") }
            return r.bits == Value.true.bits
        }
        let lenMethod = o.type.lookup(names.__len__)
        if !lenMethod.isNull {
            let r = try call(lenMethod, [v])
            return (smallInt(r) ?? 1) != 0
        }
        return true
    }

    // MARK: hashing and equality

    func hash(_ v: Value) throws(PyError) -> Int {
        if v.isObject {
            // Borrowed: a strong `let` cost a retain/release pair per dict lookup.
            if v.object.type === types.str {
                return v.withBorrowed(PyStr.self) { s in s.strHash }
            }
            let o = v.object
            if o.type.isBuiltin || o.type.solidBase !== types.object {
                // Subclasses of built-ins hash by content unless they define __hash__.
                let own = o.type.isBuiltin ? Value.null : o.type.lookup(names.__hash__)
                let inherited = !own.isNone && !(own.isObject && own.object is PyFunction)
                switch o {
                case let s as PyStr where inherited:
                    return s.strHash
                case is PyBigInt where inherited, is PyBoxedFloat where inherited: return numberHash(v)!
                case let c as PyComplex: return complexHash(c)
                case let t as PyTuple where inherited:
                    try enterNested()
                    defer { leaveNested() }
                    var h: UInt64 = 0x345678
                    for item in t.items {
                        h = (h ^ UInt64(bitPattern: Int64(try hash(item)))) &* 1_000_003
                    }
                    return Int(truncatingIfNeeded: h >> 1)
                case let b as PyBytes where !b.isMutable && inherited:
                    var h: UInt64 = 0xcbf2_9ce4_8422_2325
                    for x in b.bytes { h = (h ^ UInt64(x)) &* 0x100_0000_01b3 }
                    return Int(truncatingIfNeeded: h >> 1)
                case let s as PySet where inherited && s.type.isSubtype(of: types.frozenset):
                    var h: UInt64 = 0
                    for k in heldKeys(s.storage) { h ^= UInt64(bitPattern: Int64(try hash(k))) &* 0x9E37_79B9_7F4A_7C15 }
                    return Int(truncatingIfNeeded: h >> 1)
                case is PyDictView where o.type === types.dictValues:
                    // values views hash by identity, as in py/objdict.c and CPython.
                    break
                case let m as PyBoundMethod:
                    // py/objboundmeth.c: equal bound methods hash alike.
                    return Int(truncatingIfNeeded: (m.function.bits ^ m.receiver.bits) >> 3)
                case is PyList, is PyDict, is PySet, is PySlice, is PyDictView:
                    if o.type.isBuiltin { throw typeError("unhashable type: '\(o.type.name)'") }
                case let b as PyBytes where b.isMutable:
                    throw typeError("unhashable type: '\(o.type.name)'")
                default: break
                }
            }
            let method = o.type.lookup(names.__hash__)
            if method.isNone { throw typeError("unhashable type: '\(o.type.name)'") }
            if !method.isNull, !(method.isObject && method.object is PyNativeFunction) {
                let r = try call(method, [v])
                guard let h = bigInt(r) else { throw typeError("__hash__ should return an int") }
                return Int(truncatingIfNeeded: h)
            }
            // A class that defines __eq__ without __hash__ is unhashable.
            if !o.type.isBuiltin {
                let eq = o.type.lookup(names.__eq__)
                if !eq.isNull, eq.isObject, eq.object is PyFunction {
                    throw typeError("unhashable type: '\(o.type.name)'")
                }
            }
            return Int(truncatingIfNeeded: UInt(bitPattern: ObjectIdentifier(o).hashValue) >> 4)
        }
        if let h = numberHash(v) { return h }
        return Int(truncatingIfNeeded: v.bits >> 3)
    }

    /// `a == b` as a Swift Bool (dict keys, `in`, list.index...).
    func equals(_ a: Value, _ b: Value) throws(PyError) -> Bool {
        if a.bits == b.bits && !a.isFloat { return true }
        if a.isSmallInt && b.isSmallInt { return false }
        if a.isFloat && b.isFloat { return a.asFloat == b.asFloat }
        // Borrowed: strong references cost a retain/release pair per dict
        // probe that meets an equal key which is another object.
        if a.isObject && b.isObject && a.object.type === types.str && b.object.type === types.str {
            return a.withBorrowed(PyStr.self) { x in b.withBorrowed(PyStr.self) { y in x.equals(y) } }
        }
        return try isTruthy(try richCompare(a, b, .eq))
    }

    // MARK: ordering

    static let reflectedComparison: [ComparisonKind] = [.gt, .ge, .eq, .ne, .lt, .le]

    func comparisonName(_ op: ComparisonKind) -> PyStr {
        switch op {
        case .lt: return names.__lt__
        case .le: return names.__le__
        case .eq: return names.__eq__
        case .ne: return names.__ne__
        case .gt: return names.__gt__
        case .ge: return names.__ge__
        }
    }

    @inline(__always) func applyOrder(_ c: Int, _ op: ComparisonKind) -> Bool {
        switch op {
        case .lt: return c < 0
        case .le: return c <= 0
        case .eq: return c == 0
        case .ne: return c != 0
        case .gt: return c > 0
        case .ge: return c >= 0
        }
    }

    /// `a op b` for the six comparisons, with Python's reflection rules.
    func richCompare(_ a: Value, _ b: Value, _ op: ComparisonKind) throws(PyError) -> Value {
        if let r = fastCompare(a, b, Int(op.rawValue)) { return Value(bool: r) }
        if !a.isObject || a.object.type === types.int, !b.isObject || b.object.type === types.int,
           let x = smallInt(a), let y = smallInt(b) {
            // Ints up to 64 bits (a subclass's own comparisons go the general way).
            return Value(bool: applyOrder(x < y ? -1 : (x == y ? 0 : 1), op))
        }
        // Numbers.
        let aNum = a.isSmallInt || a.isFloat || a.isBool || (a.isObject && a.object is PyBigInt)
        let bNum = b.isSmallInt || b.isFloat || b.isBool || (b.isObject && b.object is PyBigInt)
        if aNum && bNum && (!a.isObject || a.object.type.isBuiltin) && (!b.isObject || b.object.type.isBuiltin) {
            guard let c = compareNumbers(a, b) else { return Value(bool: op == .ne) }  // NaN
            return Value(bool: applyOrder(c, op))
        }
        if let r = try builtinCompare(a, b, op) { return r }
        if op == .eq || op == .ne, let r = try userEquality(a, b, op) { return r }
        // User-defined comparisons: try the reflected method first when b's type is a subclass of a's.
        let ta = typeOf(a), tb = typeOf(b)
        let name = comparisonName(op)
        let reflectedName = comparisonName(Runtime.reflectedComparison[Int(op.rawValue)])
        let reflectFirst = ta !== tb && tb.isSubtype(of: ta)
        if reflectFirst {
            let m = tb.lookup(reflectedName)
            if !m.isNull, !(m.isObject && m.object is PyNativeFunction && !tb.isBuiltin) {
                let r = try callSpecial(m, [b, a])
                if r.bits != Value.notImplemented.bits { return r }
            }
        }
        let m = ta.lookup(name)
        if !m.isNull && !(m.isObject && m.object is PyNativeFunction) {
            let r = try callSpecial(m, [a, b])
            if r.bits != Value.notImplemented.bits { return r }
        }
        if !reflectFirst {
            let rm = tb.lookup(reflectedName)
            if !rm.isNull && !(rm.isObject && rm.object is PyNativeFunction) {
                let r = try callSpecial(rm, [b, a])
                if r.bits != Value.notImplemented.bits { return r }
            }
        }
        // Built-in bases of user subclasses (class X(int), class Y(str)).
        if (isIntLike(a) || isFloatLike(a)) && (isIntLike(b) || isFloatLike(b)) {
            guard let c = compareNumbers(a, b) else { return Value(bool: op == .ne) }
            return Value(bool: applyOrder(c, op))
        }
        if let r = try builtinCompare(a, b, op, allowSubclasses: true) { return r }
        switch op {
        case .eq: return Value(bool: a.bits == b.bits)
        case .ne:
            // __ne__ defaults to the inverse of __eq__.
            let eqm = ta.lookup(names.__eq__)
            if !eqm.isNull, eqm.isObject, eqm.object is PyFunction {
                let r = try call(eqm, [a, b])
                if r.bits != Value.notImplemented.bits { return Value(bool: !(try isTruthy(r))) }
            }
            return Value(bool: a.bits != b.bits)
        default:
            throw typeError("unsupported types for \(name.value): '\(ta.name)', '\(tb.name)'")
        }
    }

    /// Comparisons between built-in containers and strings; nil when not applicable.
    /// `==` and `!=` with a class that defines `__eq__` or `__ne__`, as MicroPython
    /// does it (py/obj.c, mp_obj_equal_not_equal): the left operand's `__ne__` (for
    /// `!=`), then its `__eq__` (negated for `!=`), then the same on the right
    /// operand; nil when no class defines either.
    func userEquality(_ a: Value, _ b: Value, _ op: ComparisonKind) throws(PyError) -> Value? {
        var o1 = a, o2 = b
        for _ in 0..<2 {
            let t = typeOf(o1)
            if !t.isBuiltin {
                if op == .ne {
                    let m = t.lookup(names.__ne__)
                    if m.isObject, !(m.object is PyNativeFunction) {
                        let r = try callSpecial(m, [o1, o2])
                        if r.bits != Value.notImplemented.bits { return r }
                    }
                }
                let m = t.lookup(names.__eq__)
                if m.isObject, !(m.object is PyNativeFunction) {
                    let r = try callSpecial(m, [o1, o2])
                    if r.bits != Value.notImplemented.bits {
                        return op == .eq ? r : Value(bool: !(try isTruthy(r)))
                    }
                }
            }
            swap(&o1, &o2)
        }
        return nil
    }

    func builtinCompare(_ a: Value, _ b: Value, _ op: ComparisonKind, allowSubclasses: Bool = false) throws(PyError) -> Value? {
        guard a.isObject || b.isObject else { return nil }
        if op == .eq || op == .ne {
            if let r = complexEquals(a, b) { return Value(bool: (op == .eq) == r) }
            if let r = try memoryViewEquals(a, b) { return Value(bool: (op == .eq) == r) }
        }
        try enterNested()
        defer { leaveNested() }
        if a.isObject && b.isObject {
            let x = a.object, y = b.object
            if !allowSubclasses && (!x.type.isBuiltin || !y.type.isBuiltin) { return nil }
            switch (x, y) {
            case let (s as PyBoundMethod, t as PyBoundMethod):
                // py/objboundmeth.c, bound_meth_binary_op: same self and same function.
                guard op == .eq || op == .ne else { return nil }
                let same = s.function.bits == t.function.bits && s.receiver.bits == t.receiver.bits
                return Value(bool: (op == .eq) == same)
            case let (s as PyStr, t as PyStr):
                if op == .eq { return Value(bool: s.equals(t)) }
                if op == .ne { return Value(bool: !s.equals(t)) }
                return Value(bool: applyOrder(compareCodePoints(s.value, t.value), op))
            case let (s as PyTuple, t as PyTuple):
                // An __eq__ may empty either list and collect: hold what is compared.
                let x = Array(s.items), y = Array(t.items)
                heap.hold(x)
                heap.hold(y)
                return try compareSequences(x, y, op)
            case let (s as PyList, t as PyList):
                // An __eq__ may empty either list and collect: hold what is compared.
                let x = Array(s.items), y = Array(t.items)
                heap.hold(x)
                heap.hold(y)
                return try compareSequences(x, y, op)
            case let (s as PyBytes, t as PyBytes):
                let c = s.bytes.lexicographicallyPrecedes(t.bytes) ? -1 : (s.bytes == t.bytes ? 0 : 1)
                return Value(bool: applyOrder(c, op))
            case let (s as PyDict, t as PyDict):
                guard op == .eq || op == .ne else { return nil }
                var same = s.count == t.count
                if same {
                    for (k, v) in heldItems(s) {
                        let w = try t.get(k, self)
                        if w.isNull { same = false; break }
                        if !(try equals(v, w)) { same = false; break }
                    }
                }
                return Value(bool: op == .eq ? same : !same)
            case let (s as PySet, t as PySet):
                let sub = try isSubset(s, t), sup = try isSubset(t, s)
                switch op {
                case .eq: return Value(bool: sub && sup)
                case .ne: return Value(bool: !(sub && sup))
                case .le: return Value(bool: sub)
                case .ge: return Value(bool: sup)
                case .lt: return Value(bool: sub && !sup)
                case .gt: return Value(bool: sup && !sub)
                }
            case let (r as PyRange, s as PyRange):
                guard op == .eq || op == .ne else { return nil }
                let same = r.count == s.count && (r.count == 0 || (r.start == s.start && (r.count == 1 || r.step == s.step)))
                return Value(bool: op == .eq ? same : !same)
            default:
                break
            }
        }
        return nil
    }

    func isSubset(_ a: PySet, _ b: PySet) throws(PyError) -> Bool {
        if a.storage.count > b.storage.count { return false }
        for k in heldKeys(a.storage) where !(try b.storage.contains(k, self)) { return false }
        return true
    }

    func compareSequences(_ a: [Value], _ b: [Value], _ op: ComparisonKind) throws(PyError) -> Value {
        let n = min(a.count, b.count)
        var i = 0
        while i < n {
            if !(try equals(a[i], b[i])) { break }
            i += 1
        }
        if i >= n {
            return Value(bool: applyOrder(a.count < b.count ? -1 : (a.count == b.count ? 0 : 1), op))
        }
        if op == .eq { return .false }
        if op == .ne { return .true }
        return try richCompare(a[i], b[i], op)
    }

    // MARK: arithmetic

    static let operatorSymbols = ["+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "|", "^", "&"]

    /// `a op b` (or `a op= b` when `inplace`).
    func binaryOperation(_ a: Value, _ b: Value, _ op: BinaryOperator, inplace: Bool) throws(PyError) -> Value {
        let fast = fastBinary(a, b, op.rawValue)
        if !fast.isNull { return fast }
        // Exact strs, borrowed: `s + t` and `s % args` are the commonest
        // operations on objects, and strong operands cost retain/release pairs.
        if a.isObject, a.object.type === types.str {
            if op == .add, b.isObject, b.object.type === types.str { return try concatenate(a, b) }
            if op == .mod {
                return str(try a.withBorrowed(PyStr.self) { s throws(PyError) in
                    // A template in the code (interned, kept for good) keeps its
                    // decoded code points, instead of decoding them on every use.
                    try percentFormat(s.value, b, scalars: s.isInterned ? s.scalars : nil)
                })
            }
        }
        let ta = typeOf(a), tb = typeOf(b)
        if inplace && !ta.isBuiltin {
            let m = ta.lookup(names.inplace[op.rawValue])
            if !m.isNull {
                let r = try callSpecial(m, [a, b])
                if r.bits != Value.notImplemented.bits { return r }
            }
        }
        if ta.isBuiltin && tb.isBuiltin {
            let r = try builtinBinary(a, b, op, inplace: inplace)
            if !r.isNull { return r }
            throw unsupportedOperands(op, ta, tb)
        }
        let reflectFirst = ta !== tb && tb.isSubtype(of: ta) && !tb.isBuiltin
        if reflectFirst {
            let m = tb.lookup(names.reflected[op.rawValue])
            if !m.isNull {
                let r = try callSpecial(m, [b, a])
                if r.bits != Value.notImplemented.bits { return r }
            }
        }
        let m = ta.lookup(names.binary[op.rawValue])
        if !m.isNull && !(m.isObject && m.object is PyNativeFunction) {
            let r = try callSpecial(m, [a, b])
            if r.bits != Value.notImplemented.bits { return r }
        }
        if !reflectFirst && ta !== tb {
            let rm = tb.lookup(names.reflected[op.rawValue])
            if !rm.isNull && !(rm.isObject && rm.object is PyNativeFunction) {
                let r = try callSpecial(rm, [b, a])
                if r.bits != Value.notImplemented.bits { return r }
            }
        }
        let r = try builtinBinary(a, b, op, inplace: inplace)
        if !r.isNull { return r }
        throw unsupportedOperands(op, ta, tb)
    }

    /// `a + b` of two strs (or str subclasses), giving a str.
    func concatenate(_ a: Value, _ b: Value) throws(PyError) -> Value {
        try a.withBorrowed(PyStr.self) { s throws(PyError) in
            try b.withBorrowed(PyStr.self) { t throws(PyError) in
                try reserve(s.utf8Count + t.utf8Count)
                if s.count + t.count <= 1 {
                    return strValue(s.value + t.value, count: s.count + t.count, isASCII: s.isASCII && t.isASCII)
                }
                return adopt(PyStr.concatenation(type: types.str, s, t))
            }
        }
    }

    func unsupportedOperands(_ op: BinaryOperator, _ ta: PyType, _ tb: PyType) -> PyError {
        typeError("unsupported types for \(names.binary[op.rawValue].value): '\(ta.name)', '\(tb.name)'")
    }

    /// Operators of built-in types (and the built-in bases of subclasses); `.null` if none applies.
    func builtinBinary(_ a: Value, _ b: Value, _ op: BinaryOperator, inplace: Bool) throws(PyError) -> Value {
        let n = try numericBinary(a, b, op)
        if !n.isNull { return n }
        let c = try complexBinary(a, b, op)
        if !c.isNull { return c }
        guard a.isObject else {
            // int * sequence
            if op == .mul, b.isObject, let count = smallInt(a) { return try repeatSequence(b, count) }
            return .null
        }
        let x = a.object
        if op == .mul, !(x is PyStr || x is PyList || x is PyTuple || x is PyBytes), b.isObject,
           b.object is PyStr || b.object is PyList || b.object is PyTuple || b.object is PyBytes,
           let count = try indexValue(a) {
            return try repeatSequence(b, count)
        }
        switch op {
        case .add:
            guard b.isObject else { return .null }
            let y = b.object
            switch (x, y) {
            case (is PyStr, is PyStr):
                return try concatenate(a, b)
            case let (s as PyList, t as PyList):
                if inplace && x.type === types.list {
                    s.items.append(contentsOf: t.items)
                    return a
                }
                return listValue(s.items + t.items)
            case let (s as PyTuple, t as PyTuple):
                return Value(newTuple(s.items + t.items))
            case let (s as PyBytes, t as PyBytes):
                if inplace && s.isMutable {
                    s.bytes.append(contentsOf: t.bytes)
                    return a
                }
                return Value(newBytes(s.bytes + t.bytes, mutable: s.isMutable))
            case let (s as PyBytes, t as PyMemoryView):
                let tail = Array(try viewBytes(t))
                if inplace && s.isMutable {
                    s.bytes.append(contentsOf: tail)
                    return a
                }
                return Value(newBytes(s.bytes + tail, mutable: s.isMutable))
            case let (s as PyBytes, t) where arrayBuffer(t) != nil:
                // bytes + array takes the array's packed bytes (py/objstr.c uses its buffer).
                let tail = arrayBuffer(t)!.buffer.bytes
                if inplace && s.isMutable {
                    s.bytes.append(contentsOf: tail)
                    return a
                }
                return Value(newBytes(s.bytes + tail, mutable: s.isMutable))
            default:
                if inplace, let s = x as? PyList {
                    s.items.append(contentsOf: try iterateToArray(b))
                    return a
                }
                return .null
            }
        case .mul:
            var count = smallInt(b)
            if count == nil && b.isObject { count = try indexValue(b) }
            guard let count else { return .null }
            if inplace, let l = x as? PyList, x.type === types.list {
                let items = l.items
                l.items.removeAll()
                if count > 0 && !items.isEmpty {
                    try reserve(items.count * 8, times: count)
                    for _ in 0..<count { l.items.append(contentsOf: items) }
                }
                return a
            }
            return try repeatSequence(a, count)
        case .mod:
            if let s = x as? PyStr { return str(try percentFormat(s.value, b)) }
            if let s = x as? PyBytes, !s.isMutable { return Value(newBytes(try percentFormat(bytes: s.bytes, b))) }
            return .null
        case .bitor, .bitand, .bitxor, .sub:
            if let s = x as? PySet, b.isObject, let t = b.object as? PySet {
                return try setOperation(s, t, op, inplace: inplace)
            }
            if op == .bitor, let d = x as? PyDict, b.isObject, let e = b.object as? PyDict {
                if inplace {
                    try mergeMapping(into: d, b, rejectDuplicates: false)
                    return a
                }
                let r = newDict(capacity: d.count + e.count)
                try mergeMapping(into: r, a, rejectDuplicates: false)
                try mergeMapping(into: r, b, rejectDuplicates: false)
                return Value(r)
            }
            return .null
        default:
            return .null
        }
    }

    func repeatSequence(_ seq: Value, _ count: Int) throws(PyError) -> Value {
        // An empty sequence repeated any number of times is empty: no loop of `count` turns.
        let empty: Bool
        switch seq.object {
        case let s as PyStr: empty = s.value.isEmpty
        case let l as PyList: empty = l.items.isEmpty
        case let t as PyTuple: empty = t.items.isEmpty
        case let b as PyBytes: empty = b.bytes.isEmpty
        default: empty = false
        }
        let n = empty ? 0 : max(0, count)
        switch seq.object {
        case let s as PyStr:
            try reserve(s.value.utf8.count, times: n)
            return str(String(repeating: s.value, count: n))
        case let l as PyList:
            try reserve(l.items.count * 8, times: n)
            var out = ContiguousArray<Value>()
            out.reserveCapacity(l.items.count * n)
            for _ in 0..<n { out.append(contentsOf: l.items) }
            return listValue(out)
        case let t as PyTuple:
            try reserve(t.items.count * 8, times: n)
            var out = ContiguousArray<Value>()
            for _ in 0..<n { out.append(contentsOf: t.items) }
            return Value(newTuple(out))
        case let b as PyBytes:
            try reserve(b.bytes.count, times: n)
            var out: [UInt8] = []
            out.reserveCapacity(b.bytes.count * n)
            for _ in 0..<n { out.append(contentsOf: b.bytes) }
            return Value(newBytes(out, mutable: b.isMutable))
        default:
            return .null
        }
    }

    func setOperation(_ s: PySet, _ t: PySet, _ op: BinaryOperator, inplace: Bool) throws(PyError) -> Value {
        let result = inplace ? s : track(PySet(type: s.type.isBuiltin ? s.type : types.set, storage: newDict()))
        let sKeys = heldKeys(s.storage)
        switch op {
        case .bitor:
            if !inplace { for k in sKeys { try result.storage.set(k, .none, self) } }
            for k in heldKeys(t.storage) { try result.storage.set(k, .none, self) }
        case .bitand:
            if inplace {
                for k in sKeys where !(try t.storage.contains(k, self)) { try s.storage.remove(k, self) }
            } else {
                for k in sKeys where try t.storage.contains(k, self) { try result.storage.set(k, .none, self) }
            }
        case .sub:
            if inplace {
                for k in heldKeys(t.storage) { try s.storage.remove(k, self) }
            } else {
                for k in sKeys where !(try t.storage.contains(k, self)) { try result.storage.set(k, .none, self) }
            }
        case .bitxor:
            if inplace {
                for k in heldKeys(t.storage) {
                    if try s.storage.contains(k, self) { try s.storage.remove(k, self) } else { try s.storage.set(k, .none, self) }
                }
            } else {
                for k in sKeys where !(try t.storage.contains(k, self)) { try result.storage.set(k, .none, self) }
                for k in heldKeys(t.storage) where !(try s.storage.contains(k, self)) { try result.storage.set(k, .none, self) }
            }
        default: break
        }
        return Value(result)
    }

    // MARK: unary

    func negate(_ v: Value) throws(PyError) -> Value {
        if v.isSmallInt { return int(-v.asSmallInt) }
        if v.isFloat { return Value(float: -v.asFloat) }
        if let i = bigInt(v), !v.isObject || v.object.type.isBuiltin { return newInt(-i) }
        return try unarySpecial(v, names.__neg__, "-")
    }

    func positive(_ v: Value) throws(PyError) -> Value {
        if v.isSmallInt || v.isFloat { return v }
        if let i = bigInt(v), !v.isObject || v.object.type.isBuiltin { return newInt(i) }
        return try unarySpecial(v, names.__pos__, "+")
    }

    func invert(_ v: Value) throws(PyError) -> Value {
        if v.isSmallInt { return Value(small: ~v.asSmallInt) }
        if let i = bigInt(v), !v.isObject || v.object.type.isBuiltin { return newInt(-i - 1) }
        return try unarySpecial(v, names.__invert__, "~")
    }

    func unarySpecial(_ v: Value, _ name: PyStr, _ symbol: String) throws(PyError) -> Value {
        let m = typeOf(v).lookup(name)
        if !m.isNull && !(m.isObject && m.object is PyNativeFunction) { return try callSpecial(m, [v]) }
        if let i = bigInt(v) {
            switch symbol {
            case "-": return newInt(-i)
            case "+": return newInt(i)
            default: return newInt(-i - 1)
            }
        }
        if symbol != "~", let f = floatValue(v) { return Value(float: symbol == "-" ? -f : f) }
        if let c = v.as(PyComplex.self), symbol != "~" { return newComplex(symbol == "-" ? -c.real : c.real, symbol == "-" ? -c.imag : c.imag) }
        throw typeError("unsupported type for \(name.value): '\(typeName(v))'")
    }

    // MARK: membership

    func contains(_ container: Value, _ item: Value) throws(PyError) -> Bool {
        guard container.isObject else {
            throw typeError("argument of type '\(typeName(container))' is not iterable")
        }
        try enterNested()
        defer { leaveNested() }
        let c = container.object
        if c.type.isBuiltin {
            switch c {
            case let d as PyDict: return try d.contains(item, self)
            case let s as PySet: return try s.storage.contains(item, self)
            case let s as PyStr:
                guard item.isObject, let t = item.object as? PyStr else {
                    throw typeError("can't convert '\(typeName(item))' object to str implicitly")
                }
                if t.value.isEmpty { return true }
                return withUTF8Bytes(s.value) { h in withUTF8Bytes(t.value) { n in ByteAlg.find(h, n, 0, h.count) != nil } }
            case let l as PyList:
                // Over the live list, as CPython's list_contains: an __eq__ may change it.
                var i = 0
                while i < l.items.count {
                    if try equals(l.items[i], item) { return true }
                    i += 1
                }
                return false
            case let t as PyTuple:
                for v in t.items where try equals(v, item) { return true }
                return false
            case let r as PyRange:
                guard let i = smallInt(item) else { return false }
                if r.step > 0 { if i < r.start || i >= r.stop { return false } } else if i > r.start || i <= r.stop { return false }
                return (i - r.start) % r.step == 0
            case let b as PyBytes:
                if let i = smallInt(item) { return b.bytes.contains(UInt8(truncatingIfNeeded: i)) }
                if item.isObject, let sub = item.object as? PyBytes { return bytesFind(b.bytes, sub.bytes, from: 0) != nil }
                if item.isObject, let (sub, _) = arrayBuffer(item.object) { return bytesFind(b.bytes, sub.bytes, from: 0) != nil }
                return false
            default: break
            }
        }
        let m = c.type.lookup(names.__contains__)
        if !m.isNull { return try isTruthy(try callSpecial(m, [container, item])) }
        let iterator = try getIterator(container)
        while true {
            let v = try nextValue(iterator)
            if v.isNull { return false }
            if try equals(v, item) { return true }
        }
    }

    func bytesFind(_ h: [UInt8], _ n: [UInt8], from: Int) -> Int? {
        if n.isEmpty { return from <= h.count ? from : nil }
        if n.count > h.count { return nil }
        var i = max(0, from)
        let first = n[0]
        while i + n.count <= h.count {
            if h[i] == first {
                var j = 1
                while j < n.count && h[i + j] == n[j] { j += 1 }
                if j == n.count { return i }
            }
            i += 1
        }
        return nil
    }
}
