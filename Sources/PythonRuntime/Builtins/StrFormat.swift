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
        // Unicode scalars, not Characters: no grapheme breaking on the way.
        let chars = Array(template.unicodeScalars)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "}" {
                if i + 1 < chars.count && chars[i + 1] == "}" { out.unicodeScalars.append("}"); i += 2; continue }
                throw valueError("Single '}' encountered in format string")
            }
            if c != "{" {
                // Copy the literal run up to the next brace in one go.
                var j = i + 1
                while j < chars.count && chars[j] != "{" && chars[j] != "}" { j += 1 }
                out.unicodeScalars.append(contentsOf: chars[i..<j])
                i = j
                continue
            }
            if i + 1 < chars.count && chars[i + 1] == "{" { out.unicodeScalars.append("{"); i += 2; continue }
            // Find the matching close brace, allowing nesting in the spec.
            var depth = 1
            var j = i + 1
            while j < chars.count && depth > 0 {
                if chars[j] == "{" { depth += 1 } else if chars[j] == "}" { depth -= 1 }
                if depth > 0 { j += 1 }
            }
            guard j < chars.count else { throw valueError("Single '{' encountered in format string") }
            let field = String(String.UnicodeScalarView(chars[(i + 1)..<j]))
            i = j + 1
            // Split field into name, conversion and spec.
            var name = field, conversion: Character? = nil, spec = ""
            if let colon = topLevelIndex(of: ":", in: field) {
                name = String(field[..<colon])
                spec = String(field[field.index(after: colon)...])
            }
            if let bang = name.firstIndex(of: "!") {
                let conv = name[name.index(after: bang)...]
                guard conv.count == 1 else { throw valueError("end of string while looking for conversion specifier") }
                conversion = conv.first
                name = String(name[..<bang])
            }
            // The first part of the name selects the argument.
            var head = name
            var rest = ""
            if let k = name.firstIndex(where: { $0 == "." || $0 == "[" }) {
                head = String(name[..<k])
                rest = String(name[k...])
            }
            var value: Value
            if head.isEmpty {
                if numbering.usedManual { throw valueError("cannot switch from manual field specification to automatic field numbering") }
                numbering.usedAuto = true
                guard numbering.next < args.count - 1 else { throw indexError("tuple index out of range") }
                value = args[numbering.next + 1]
                numbering.next += 1
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
            if spec.contains("{") { spec = try formatMethod(spec, args, &numbering) }
            out += try format(value, spec: spec)
        }
        return out
    }

    private func topLevelIndex(of ch: Character, in s: String) -> String.Index? {
        var bracket = false
        var idx = s.startIndex
        while idx < s.endIndex {
            let c = s[idx]
            if c == "[" { bracket = true } else if c == "]" { bracket = false } else if c == ch && !bracket { return idx }
            idx = s.index(after: idx)
        }
        return nil
    }
}
