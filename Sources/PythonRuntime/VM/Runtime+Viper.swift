import BigInt

/// What viper's instructions do (the `viper…` opcodes; py/emitnative.c and
/// py/nativeglue.c). A viper machine word is held as a Python int: the word's
/// bits read as a signed number of `wordBits` bits, for `int` and `uint` alike
/// (a `uint` is converted to its unsigned value only when it becomes an object).
/// A viper `bool` is any word, True when nonzero; a pointer is an address in
/// `viperMemory`.
extension Runtime {
    var viperWordBits: Int { configuration.nativeEmitter?.wordBits ?? 64 }

    /// The word in `v`: an int truncated to the word (mp_obj_get_int_truncated),
    /// a bool as 0 or 1 (viper's `None` never gets here: the compiler makes it 0).
    func viperWord(_ v: Value) throws(PyError) -> Int64 {
        if v.isSmallInt { return Int64(v.asSmallInt) }
        if v.bits == Value.true.bits { return 1 }
        if v.bits == Value.false.bits { return 0 }
        if v.isObject, let b = v.object as? PyBigInt {
            // Two's-complement truncation to 64 bits (the low word of the magnitude, negated if needed).
            let low = UInt64(truncatingIfNeeded: b.value.magnitude.words.first ?? 0)
            return Int64(bitPattern: b.value.sign == .minus ? 0 &- low : low)
        }
        throw error(types.TypeError, "can't convert \(typeName(v)) to int")
    }

    /// A word as a value: its low `wordBits` bits, sign-extended.
    func viperValue(_ w: Int64) -> Value {
        let shift = Int64(64 - viperWordBits)
        return int(Int((w << shift) >> shift))
    }

    /// `mp_native_from_obj`: an argument or `int(x)`-style cast of an object to a viper type.
    func viperToNative(_ v: Value, _ type: ViperType) throws(PyError) -> Value {
        switch type {
        case .object: return v
        case .bool: return Value(bool: try isTruthy(v))
        case .int, .uint: return viperValue(try viperWord(v))
        default:
            // A pointer: a buffer's address, else the object is an address as an int.
            if v.isObject {
                let o = v.object
                if let b = o as? PyBytes { return int(viperMemory.address(of: b, byteCount: b.bytes.count)) }
                if let m = o as? PyMemoryView {
                    return int(viperMemory.address(of: m.base, byteCount: m.base.bytes.count) + m.start)
                }
                // An array's items are packed in its bytearray (Firmware/runtime/array.py):
                // the pointer is that buffer's address.
                if let (buf, _) = arrayBuffer(o) {
                    return int(viperMemory.address(of: buf, byteCount: buf.bytes.count))
                }
            }
            return viperValue(try viperWord(v))
        }
    }

    /// `mp_native_to_obj`: a viper value as an object.
    func viperToObject(_ v: Value, _ type: ViperType) throws(PyError) -> Value {
        switch type {
        case .object, .int: return v
        case .bool: return Value(bool: try viperWord(v) != 0)
        default:
            // uint and pointers: the word read unsigned.
            let w = try viperWord(v)
            if viperWordBits == 64 { return newInt(BigInt(UInt64(bitPattern: w))) }
            return int(Int(UInt32(truncatingIfNeeded: w)))
        }
    }

    /// `viperBinary`: an arithmetic or bitwise operator on two words.
    func viperBinary(_ a: Value, _ b: Value, _ arg: Int) throws(PyError) -> Value {
        let x = try viperWord(a), y = try viperWord(b)
        let unsigned = arg & ViperOperand.unsigned != 0
        guard let op = BinaryOperator(rawValue: arg & 0xFF) else { return viperValue(0) }
        let bits = Int64(viperWordBits)
        switch op {
        case .add: return viperValue(x &+ y)
        case .sub: return viperValue(x &- y)
        case .mul: return viperValue(x &* y)
        case .bitand: return viperValue(x & y)
        case .bitor: return viperValue(x | y)
        case .bitxor: return viperValue(x ^ y)
        case .lshift, .rshift:
            // The shift instruction's own rule for large counts: x86-64 masks the
            // count to 6 bits; Thumb's LSLS/ASRS/LSRS use the bottom byte (32 or
            // more shifts everything out); Xtensa's SSL/SSR take 5 bits.
            var n = y
            switch configuration.nativeEmitter?.architecture ?? .x64 {
            case .x64: n &= 63
            case .xtensawin: n &= 31
            case .armv6m: n &= 0xFF
            }
            if n >= bits {
                if op == .lshift || unsigned { return viperValue(0) }
                return viperValue(x < 0 ? -1 : 0)
            }
            if op == .lshift { return viperValue(x << n) }
            if unsigned {
                let mask: UInt64 = bits == 64 ? .max : (1 << UInt64(bits)) - 1
                return viperValue(Int64(bitPattern: (UInt64(bitPattern: x) & mask) >> UInt64(n)))
            }
            return viperValue(x >> n)
        case .floordiv, .mod:
            // mp_small_int_floor_divide / mp_small_int_modulo: Python's rounding.
            // Dividing by zero has no defined result on the board; here it is the error Python gives.
            if y == 0 { throw error(types.ZeroDivisionError, "divide by zero") }
            if x == .min && y == -1 { return viperValue(op == .floordiv ? x : 0) }
            var q = x / y, r = x % y
            if r != 0 && ((r < 0) != (y < 0)) { q -= 1; r += y }
            return viperValue(op == .floordiv ? q : r)
        default:
            return viperValue(0)
        }
    }

    /// `viperCompare`: a comparison of two words, signed or unsigned.
    func viperCompare(_ a: Value, _ b: Value, _ arg: Int) throws(PyError) -> Value {
        let x = try viperWord(a), y = try viperWord(b)
        let c: Int
        if arg & ViperOperand.unsigned != 0 {
            let shift = UInt64(64 - viperWordBits)
            let ux = UInt64(bitPattern: x) << shift, uy = UInt64(bitPattern: y) << shift
            c = ux < uy ? -1 : ux == uy ? 0 : 1
        } else {
            c = x < y ? -1 : x == y ? 0 : 1
        }
        switch ComparisonKind(rawValue: UInt32(arg & 0xFF)) ?? .eq {
        case .lt: return Value(bool: c < 0)
        case .le: return Value(bool: c <= 0)
        case .eq: return Value(bool: c == 0)
        case .ne: return Value(bool: c != 0)
        case .gt: return Value(bool: c > 0)
        case .ge: return Value(bool: c >= 0)
        }
    }

    /// `viperUnary`: 0 negates, 1 inverts.
    func viperUnary(_ a: Value, _ arg: Int) throws(PyError) -> Value {
        let x = try viperWord(a)
        return viperValue(arg == 0 ? 0 &- x : ~x)
    }

    /// The bytes a buffer the address space knows holds now.
    func viperByteCount(_ o: PyObject) -> Int {
        if let b = o as? PyBytes { return b.bytes.count }
        return 0
    }

    /// Reads `size` bytes at `offset` of a buffer, little-endian.
    private func viperRead(_ o: PyObject, _ offset: Int, _ size: Int) -> UInt64 {
        var w: UInt64 = 0
        if let b = o as? PyBytes {
            for k in 0..<size { w |= UInt64(b.bytes[offset + k]) << UInt64(8 * k) }
        }
        return w
    }

    /// Writes the low `size` bytes of `w` at `offset` of a buffer.
    private func viperWrite(_ o: PyObject, _ offset: Int, _ size: Int, _ w: UInt64) throws(PyError) {
        if let b = o as? PyBytes {
            guard b.isMutable else {
                throw error(types.NotImplementedError, "viper store into a bytes object: it is read-only here")
            }
            for k in 0..<size { b.bytes[offset + k] = UInt8(truncatingIfNeeded: w >> UInt64(8 * k)) }
        }
    }

    /// The buffer and offset of element `index` of a pointer, checking the
    /// element lies inside a buffer the address space knows.
    private func viperElement(_ pointer: Value, _ index: Value, _ size: Int) throws(PyError) -> (PyObject, Int) {
        let base = Int(try viperWord(pointer)), i = Int(try viperWord(index))
        let address = (viperWordBits == 64 ? base : Int(UInt32(truncatingIfNeeded: base))) &+ i &* size
        guard let (buffer, offset) = viperMemory.resolve(address, byteCount: viperByteCount),
              offset + size <= viperByteCount(buffer) else {
            let hex = String(UInt64(bitPattern: Int64(address)), radix: 16)
            throw error(types.NotImplementedError,
                        "viper access to address 0x\(hex): no emulated memory there (only the buffers viper took pointers to)")
        }
        return (buffer, offset)
    }

    /// `viperLoad`: [pointer, index] → the little-endian element, zero-extended.
    func viperLoad(_ pointer: Value, _ index: Value, _ size: Int) throws(PyError) -> Value {
        let (buffer, offset) = try viperElement(pointer, index, size)
        // A 32-bit load into a 32-bit word is the word itself (negative when bit 31 is set).
        return viperValue(Int64(bitPattern: viperRead(buffer, offset, size)))
    }

    /// `viperStore`: the low bytes of the value's word into the element.
    func viperStore(_ value: Value, _ pointer: Value, _ index: Value, _ size: Int) throws(PyError) {
        let w = UInt64(bitPattern: try viperWord(value))
        let (buffer, offset) = try viperElement(pointer, index, size)
        try viperWrite(buffer, offset, size, w)
    }
}

/// Flags in the argument of `viperBinary` and `viperCompare`.
enum ViperOperand {
    /// The left operand is a `uint`: unsigned comparison and right shift.
    static let unsigned = 0x100
}
