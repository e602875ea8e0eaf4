import BigInt

/// A `.mpy` file as py/persistentcode.c reads it (format version 6): the
/// header, the qstr table, the constant table and the tree of raw code. Only
/// bytecode is kept; a file with native code is refused at the header, as a
/// port without a native emitter refuses it.
struct MpyFile {
    /// What a firmware accepts: its magic byte ('M' for MicroPython, 'C' for
    /// CircuitPython, whose py/persistentcode.c changes only that byte), and
    /// the native architecture of the port (py/persistentcode.h MP_NATIVE_ARCH_*).
    struct Acceptance {
        var magic: UInt8
        /// MPY_SUB_VERSION: a native file must match it.
        var subVersion: Int
        var arch: Int
        /// MP_SMALL_INT_BITS: a file may not assume wider small ints.
        var smallIntBits: UInt8
    }

    /// The loader's refusal, worded as py/persistentcode.c raises it (a ValueError).
    struct Refusal: Error {
        var message: String
    }

    /// One constant of the object table (py/persistentcode.h MP_PERSISTENT_OBJ_*).
    indirect enum Constant {
        case none, bool(Bool), ellipsis
        case str(String), bytes([UInt8]), int(BigInt), float(Double), complex(Double)
        case tuple([Constant])
    }

    /// One function, class body or module: its bytecode (prelude included) and children.
    struct RawCode {
        var bytecode: [UInt8]
        var children: [RawCode]
    }

    static let version: UInt8 = 6

    var qstrs: [String]
    var constants: [Constant]
    var module: RawCode

    init(bytes: [UInt8], accepting: Acceptance) throws(Refusal) {
        var r = Reader(bytes: bytes)
        let header = try r.bytes(4)
        let arch = Int(header[2] >> 2)
        // py/persistentcode.c mp_raw_code_load: the header check, then the arch check.
        if header[0] != accepting.magic || header[1] != MpyFile.version
            || (arch != 0 && Int(header[2] & 3) != accepting.subVersion)
            || header[3] > accepting.smallIntBits {
            throw Refusal(message: "incompatible .mpy file")
        }
        if arch != 0 {
            // Native code never runs here: one for the port's own architecture (or
            // any, on a port without native emitters) is refused as a port without
            // the native emitter refuses it.
            let ours = arch == accepting.arch || accepting.arch == 0
            throw Refusal(message: ours ? "native code in .mpy unsupported" : "incompatible .mpy arch")
        }
        let qstrCount = try r.uint()
        let objectCount = try r.uint()
        var qstrs: [String] = []
        for _ in 0..<qstrCount { qstrs.append(try r.qstr()) }
        var constants: [Constant] = []
        for _ in 0..<objectCount { constants.append(try r.object()) }
        self.qstrs = qstrs
        self.constants = constants
        self.module = try r.rawCode()
    }

    /// Reads the encodings of py/persistentcode.c; running out of bytes is a refusal.
    struct Reader {
        let bytes: [UInt8]
        var at = 0

        mutating func byte() throws(Refusal) -> UInt8 {
            guard at < bytes.count else { throw Refusal(message: "incompatible .mpy file") }
            defer { at += 1 }
            return bytes[at]
        }

        mutating func bytes(_ n: Int) throws(Refusal) -> [UInt8] {
            guard n >= 0, at + n <= bytes.count else { throw Refusal(message: "incompatible .mpy file") }
            defer { at += n }
            return Array(bytes[at..<at + n])
        }

        /// read_uint: 7 bits a byte, most significant first, high bit = more.
        mutating func uint() throws(Refusal) -> Int {
            var value = 0
            while true {
                let b = try byte()
                guard value < (1 << 48) else { throw Refusal(message: "incompatible .mpy file") }
                value = value << 7 | Int(b & 0x7F)
                if b & 0x80 == 0 { return value }
            }
        }

        /// load_qstr: an odd length names a static qstr; an even one spells the
        /// string (length >> 1 bytes and a NUL).
        mutating func qstr() throws(Refusal) -> String {
            let len = try uint()
            if len & 1 != 0 {
                let n = len >> 1
                guard n >= 1, n <= MpyStaticQstrs.table.count else { throw Refusal(message: "incompatible .mpy file") }
                return MpyStaticQstrs.table[n - 1]
            }
            let text = try bytes(len >> 1)
            _ = try byte()
            return String(decoding: text, as: UTF8.self)
        }

        /// load_obj.
        mutating func object() throws(Refusal) -> Constant {
            let kind = try byte()
            switch kind {
            case 1: return .none
            case 2: return .bool(false)
            case 3: return .bool(true)
            case 4: return .ellipsis
            case 5, 6, 7, 8, 9, 10:
                let len = try uint()
                if kind == 10 {
                    var items: [Constant] = []
                    for _ in 0..<len { items.append(try object()) }
                    return .tuple(items)
                }
                let data = try bytes(len)
                if kind == 5 || kind == 6 { _ = try byte() }
                let text = String(decoding: data, as: UTF8.self)
                switch kind {
                case 5: return .str(text)
                case 6: return .bytes(data)
                case 7:
                    guard let v = BigInt(text, radix: 10) else { throw Refusal(message: "incompatible .mpy file") }
                    return .int(v)
                default:
                    // Floats are written with repr (e.g. "1.5", "1e+100", "inf"); a complex
                    // constant is an imaginary literal such as "2j".
                    let digits = kind == 9 && text.hasSuffix("j") ? String(text.dropLast()) : text
                    guard let v = Double(digits) else { throw Refusal(message: "incompatible .mpy file") }
                    return kind == 8 ? .float(v) : .complex(v)
                }
            default:
                // 0 is the native function table, which only native code refers to.
                throw Refusal(message: "incompatible .mpy file")
            }
        }

        /// load_raw_code: kind and length, the bytecode, then the children.
        mutating func rawCode() throws(Refusal) -> RawCode {
            let kindLength = try uint()
            guard kindLength & 3 == 0 else { throw Refusal(message: "incompatible .mpy file") }
            let code = try bytes(kindLength >> 3)
            var children: [RawCode] = []
            if kindLength & 4 != 0 {
                let n = try uint()
                for _ in 0..<n { children.append(try rawCode()) }
            }
            return RawCode(bytecode: code, children: children)
        }
    }
}
