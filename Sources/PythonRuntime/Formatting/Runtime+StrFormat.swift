/// `str.format`: replacement fields `{name!conversion:spec}` with automatic or
/// explicit numbering, attribute and index lookups, and nested fields in specs.
extension Runtime {
    func formatMethod(_ template: String, _ args: CallArguments) throws(PyError) -> String {
        var state = FieldNumbering()
        return try formatMethod(template, args, &state)
    }

    /// How fields have been numbered so far (shared with nested fields in specs).
    struct FieldNumbering {
        var next = 0
        var usedManual = false
        var usedAuto = false
    }

    private func formatMethod(_ template: String, _ args: CallArguments, _ numbering: inout FieldNumbering) throws(PyError) -> String {
        try withUTF8Bytes(template) { bytes throws(PyError) in try formatFields(bytes, args, &numbering) }
    }

    private func formatFields(_ bytes: ByteBuf, _ args: CallArguments, _ numbering: inout FieldNumbering) throws(PyError) -> String {
        // Scan UTF-8 bytes: braces are ASCII, so they never fall inside a
        // multi-byte character, and literal runs are copied as whole substrings.
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var out = ""
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == close {
                if i + 1 < bytes.count && bytes[i + 1] == close { out += "}"; i += 2; continue }
                throw valueError("Single '}' encountered in format string")
            }
            if c != open {
                var j = i + 1
                while j < bytes.count && bytes[j] != open && bytes[j] != close { j += 1 }
                out += String(decoding: bytes[i..<j], as: UTF8.self)
                i = j
                continue
            }
            if i + 1 < bytes.count && bytes[i + 1] == open { out += "{"; i += 2; continue }
            if i + 1 < bytes.count && bytes[i + 1] == close {
                // "{}", the commonest field: the next argument, formatted plainly,
                // without splitting a field into name, conversion and spec.
                out += try plainAutomaticField(&numbering, args)
                i += 2
                continue
            }
            // Find the matching close brace, allowing nesting in the spec.
            var depth = 1
            var j = i + 1
            while j < bytes.count && depth > 0 {
                if bytes[j] == open { depth += 1 } else if bytes[j] == close { depth -= 1 }
                if depth > 0 { j += 1 }
            }
            guard j < bytes.count else { throw valueError("Single '{' encountered in format string") }
            // Split the field into name, conversion and spec, on its bytes: the
            // first ':' outside brackets ends the name, a '!' in the name starts
            // the conversion.
            let fieldStart = i + 1, fieldEnd = j
            i = j + 1
            var colon = fieldEnd
            var inBracket = false
            for k in fieldStart..<fieldEnd {
                let b = bytes[k]
                if b == UInt8(ascii: "[") { inBracket = true } else if b == UInt8(ascii: "]") { inBracket = false }
                else if b == UInt8(ascii: ":") && !inBracket { colon = k; break }
            }
            var spec = colon < fieldEnd ? String(decoding: bytes[(colon + 1)..<fieldEnd], as: UTF8.self) : ""
            var nameEnd = colon
            var conversion: Character? = nil
            if let bang = bytes[fieldStart..<colon].firstIndex(of: UInt8(ascii: "!")) {
                let text = String(decoding: bytes[(bang + 1)..<colon], as: UTF8.self)
                guard text.count == 1 else { throw valueError("end of string while looking for conversion specifier") }
                conversion = text.first
                nameEnd = bang
            }
            // The first part of the name selects the argument.
            let headEnd = bytes[fieldStart..<nameEnd].firstIndex { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "[") } ?? nameEnd
            let head = String(decoding: bytes[fieldStart..<headEnd], as: UTF8.self)
            let rest = headEnd < nameEnd ? String(decoding: bytes[headEnd..<nameEnd], as: UTF8.self) : ""
            var value: Value
            if head.isEmpty {
                value = try nextAutomaticField(&numbering, args)
            } else if let n = Int(head) {
                if numbering.usedAuto { throw valueError("cannot switch from automatic field numbering to manual field specification") }
                numbering.usedManual = true
                guard n + 1 < args.count else { throw indexError("tuple index out of range") }
                value = args[n + 1]
            } else {
                value = args.keyword(head)
                if value.isNull { throw keyError(str(head)) }
            }
            // Attribute and index lookups.
            var r = Substring(rest)
            while !r.isEmpty {
                if r.first == "." {
                    r = r.dropFirst()
                    let end = r.firstIndex(where: { $0 == "." || $0 == "[" }) ?? r.endIndex
                    value = try getAttribute(value, intern(String(r[..<end])))
                    r = r[end...]
                } else if r.first == "[" {
                    guard let close = r.firstIndex(of: "]") else { throw valueError("Missing ']' in format string") }
                    let key = String(r[r.index(after: r.startIndex)..<close])
                    value = try getItem(value, Int(key).map { int($0) } ?? str(key))
                    r = r[r.index(after: close)...]
                } else {
                    throw valueError("Only '.' or '[' may follow ']' in format field specifier")
                }
            }
            switch conversion {
            case "r": value = str(try repr(value))
            case "s": value = str(try toStr(value))
            case "a": value = str(asciiEscaped(try repr(value)))
            case nil: break
            default: throw valueError("Unknown conversion specifier \(conversion!)")
            }
            if spec.utf8.contains(UInt8(ascii: "{")) { spec = try formatMethod(spec, args, &numbering) }
            out += try format(value, spec: spec)
        }
        return out
    }

    /// The argument an automatically numbered field takes.
    private func nextAutomaticField(_ numbering: inout FieldNumbering, _ args: CallArguments) throws(PyError) -> Value {
        if numbering.usedManual { throw valueError("cannot switch from manual field specification to automatic field numbering") }
        numbering.usedAuto = true
        guard numbering.next < args.count - 1 else { throw indexError("tuple index out of range") }
        numbering.next += 1
        return args[numbering.next]
    }

    /// The text of a plain "{}" field.
    private func plainAutomaticField(_ numbering: inout FieldNumbering, _ args: CallArguments) throws(PyError) -> String {
        let value = try nextAutomaticField(&numbering, args)
        if value.isObject, value.object.type === types.str {
            return unsafeDowncast(value.object, to: PyStr.self).value
        }
        if value.isSmallInt { return String(value.asSmallInt) }
        return try format(value, spec: "")
    }
}
