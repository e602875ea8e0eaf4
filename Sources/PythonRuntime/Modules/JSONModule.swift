import BigInt

/// The `json` module: dumps/dump (with `separators`, as MicroPython 1.2x) and
/// loads/load. Output is CPython's (`ensure_ascii` escaping); invalid input
/// raises ValueError("syntax error in JSON"), MicroPython's message.
extension Runtime {
    func installJSONModule() {
        registerNativeModule("json") { rt, module throws(PyError) in
            rt.installJSONFunctions(module)
        }
    }

    /// The item and key separators of a `separators=` argument (None: defaults).
    func jsonSeparators(_ args: CallArguments, name: String, positional: Int) throws(PyError) -> (String, String) {
        for k in args.keywordNames where k.value != "separators" {
            throw typeError("\(name)() got an unexpected keyword argument '\(k.value)'")
        }
        let v = args.argument(positional, "separators")
        if v.isNull || v.isNone { return (", ", ": ") }
        let parts = try iterateToArray(v)
        guard parts.count == 2, parts[0].isObject, let a = parts[0].object as? PyStr,
              parts[1].isObject, let b = parts[1].object as? PyStr else {
            throw typeError("separators must be a pair of strings")
        }
        return (a.value, b.value)
    }

    func jsonString(_ s: String, into out: inout String) {
        out.append("\"")
        // Printable ASCII without quotes or backslashes (most keys and values)
        // is copied whole.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            out += s
            out.append("\"")
            return
        }
        for u in s.unicodeScalars {
            if let e = whitespaceEscape(u) {
                out += e
                continue
            }
            switch u {
            case "\"": out += "\\\""
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if u.value >= 0x20 && u.value < 0x7F {
                    out.unicodeScalars.append(u)
                } else if u.value > 0xFFFF {
                    let v = u.value - 0x10000
                    out += jsonHex(0xD800 + (v >> 10)) + jsonHex(0xDC00 + (v & 0x3FF))
                } else {
                    out += jsonHex(u.value)
                }
            }
        }
        out.append("\"")
    }

    private func jsonHex(_ v: UInt32) -> String {
        let h = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - h.count) + h
    }

    func jsonFloat(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
        return floatRepr(d)
    }

    func jsonEncode(_ v: Value, _ seps: (String, String), _ active: inout Set<ObjectIdentifier>, into out: inout String) throws(PyError) {
        if v.isNone { out += "null"; return }
        if v.bits == Value.true.bits { out += "true"; return }
        if v.bits == Value.false.bits { out += "false"; return }
        if v.isSmallInt { out += String(v.asSmallInt); return }
        if v.isFloat { out += jsonFloat(v.asFloat); return }
        guard v.isObject else { throw typeError("Object of type \(typeName(v)) is not JSON serializable") }
        let o = v.object
        if let s = o as? PyStr { jsonString(s.value, into: &out); return }
        if let i = o as? PyBigInt { out += String(i.value); return }
        if let f = o as? PyBoxedFloat { out += jsonFloat(f.value); return }
        let items: ContiguousArray<Value>
        if let l = o as? PyList { items = l.items }
        else if let t = o as? PyTuple { items = t.items }
        else if let d = o as? PyDict {
            let id = ObjectIdentifier(d)
            if active.contains(id) { throw valueError("Circular reference detected") }
            active.insert(id)
            defer { active.remove(id) }
            try enterNested()
            defer { leaveNested() }
            out += "{"
            var first = true
            for e in 0..<d.entryCount {
                guard let (k, value) = d.entry(at: e) else { continue }
                if !first { out += seps.0 }
                first = false
                if k.isObject, let s = k.object as? PyStr { jsonString(s.value, into: &out) }
                else if k.isNone || k.isBool || isIntLike(k) || isFloatLike(k) {
                    var text = ""
                    try jsonEncode(k, seps, &active, into: &text)
                    jsonString(text, into: &out)
                } else {
                    throw typeError("keys must be str, int, float, bool or None, not \(typeName(k))")
                }
                out += seps.1
                try jsonEncode(value, seps, &active, into: &out)
            }
            out += "}"
            return
        } else {
            throw typeError("Object of type \(typeName(v)) is not JSON serializable")
        }
        let id = ObjectIdentifier(o)
        if active.contains(id) { throw valueError("Circular reference detected") }
        active.insert(id)
        defer { active.remove(id) }
        try enterNested()
        defer { leaveNested() }
        out += "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += seps.0 }
            try jsonEncode(item, seps, &active, into: &out)
        }
        out += "]"
    }

    func jsonDumps(_ v: Value, _ seps: (String, String)) throws(PyError) -> String {
        var active = Set<ObjectIdentifier>()
        var out = ""
        try jsonEncode(v, seps, &active, into: &out)
        return out
    }

    func jsonLoads(_ v: Value) throws(PyError) -> Value {
        let bytes: [UInt8]
        if v.isObject, let s = v.object as? PyStr { bytes = Array(s.value.utf8) }
        else if v.isObject, let b = v.object as? PyBytes { bytes = b.bytes }
        else { throw typeError("the JSON object must be str, bytes or bytearray, not \(typeName(v))") }
        var parser = JSONParser(bytes: bytes, rt: self)
        parser.skipSpace()
        let result = try parser.value()
        parser.skipSpace()
        if parser.i != bytes.count { throw parser.fail() }
        return result
    }

    func installJSONFunctions(_ m: PyModule) {
        moduleFunction(m, "dumps") { rt, args throws(PyError) in
            try args.expect(rt, "dumps", 1, 2, keywords: true)
            let seps = try rt.jsonSeparators(args, name: "dumps", positional: 1)
            return rt.str(try rt.jsonDumps(args[0], seps))
        }
        moduleFunction(m, "dump") { rt, args throws(PyError) in
            try args.expect(rt, "dump", 2, 3, keywords: true)
            let seps = try rt.jsonSeparators(args, name: "dump", positional: 2)
            let text = try rt.jsonDumps(args[0], seps)
            _ = try rt.callMethod(args[1], "write", [rt.str(text)])
            return .none
        }
        moduleFunction(m, "loads") { rt, args throws(PyError) in
            try args.expect(rt, "loads", 1, 1)
            return try rt.jsonLoads(args[0])
        }
        moduleFunction(m, "load") { rt, args throws(PyError) in
            try args.expect(rt, "load", 1, 1)
            // A stream without read() is read a byte at a time, as extmod/modjson.c does.
            return try rt.jsonLoads(try rt.readWholeStream(args[0], chunk: 1))
        }
    }
}

/// A recursive-descent JSON parser over UTF-8 bytes.
struct JSONParser {
    let bytes: [UInt8]
    unowned let rt: Runtime
    var i = 0

    init(bytes: [UInt8], rt: Runtime) {
        self.bytes = bytes
        self.rt = rt
    }

    func fail() -> PyError { rt.valueError("syntax error in JSON") }

    mutating func skipSpace() {
        while i < bytes.count {
            let c = bytes[i]
            guard c == 32 || c == 9 || c == 10 || c == 13 else { return }
            i += 1
        }
    }

    mutating func literal(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { return false }
        i += w.count
        return true
    }

    mutating func value() throws(PyError) -> Value {
        guard i < bytes.count else { throw fail() }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            try rt.enterNested()
            defer { rt.leaveNested() }
            let d = rt.newDict()
            skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return Value(d) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail() }
                let key = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail() }
                i += 1
                skipSpace()
                let v = try value()
                try d.set(key, v, rt)
                skipSpace()
                guard i < bytes.count else { throw fail() }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return Value(d) }
                throw fail()
            }
        case UInt8(ascii: "["):
            i += 1
            try rt.enterNested()
            defer { rt.leaveNested() }
            let l = rt.newList()
            skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return Value(l) }
            while true {
                skipSpace()
                l.items.append(try value())
                skipSpace()
                guard i < bytes.count else { throw fail() }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return Value(l) }
                throw fail()
            }
        case UInt8(ascii: "\""):
            return try string()
        case UInt8(ascii: "t"):
            if literal("true") { return .true }
        case UInt8(ascii: "f"):
            if literal("false") { return .false }
        case UInt8(ascii: "n"):
            if literal("null") { return .none }
        case UInt8(ascii: "N"):
            if literal("NaN") { return Value(float: .nan) }
        case UInt8(ascii: "I"):
            if literal("Infinity") { return Value(float: .infinity) }
        default:
            if literal("-Infinity") { return Value(float: -.infinity) }
            return try number()
        }
        throw fail()
    }

    mutating func digits() -> Int {
        let start = i
        while i < bytes.count, (48...57).contains(bytes[i]) { i += 1 }
        return i - start
    }

    mutating func number() throws(PyError) -> Value {
        let start = i
        if i < bytes.count && bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, (48...57).contains(bytes[i]) else { throw fail() }
        if bytes[i] == 48 { i += 1 } else { _ = digits() }
        var isFloat = false
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { throw fail() }
            isFloat = true
        }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            if digits() == 0 { throw fail() }
            isFloat = true
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if isFloat {
            guard let d = Double(text) else { throw fail() }
            return Value(float: d)
        }
        if let n = Int(text) { return rt.int(n) }
        guard let b = BigInt(text) else { throw fail() }
        return rt.newInt(b)
    }

    mutating func hex4() throws(PyError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail() }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 97...102: d = UInt32(c - 87)
            case 65...70: d = UInt32(c - 55)
            default: throw fail()
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    mutating func string() throws(PyError) -> Value {
        i += 1  // opening quote
        var out: [UInt8] = []
        func append(_ scalar: UInt32) {
            let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            out += Array(String(Character(u)).utf8)
        }
        while true {
            guard i < bytes.count else { throw fail() }
            let c = bytes[i]
            i += 1
            if c == UInt8(ascii: "\"") { break }
            if c < 0x20 { throw fail() }
            if c != UInt8(ascii: "\\") { out.append(c); continue }
            guard i < bytes.count else { throw fail() }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(34)
            case UInt8(ascii: "\\"): out.append(92)
            case UInt8(ascii: "/"): out.append(47)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "u"):
                var v = try hex4()
                if (0xD800..<0xDC00).contains(v), i + 6 <= bytes.count,
                   bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    let save = i
                    i += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        i = save
                    }
                }
                append(v)
            default: throw fail()
            }
        }
        return rt.str(String(decoding: out, as: UTF8.self))
    }
}
