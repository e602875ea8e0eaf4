/// `str` case mapping (per code point, full mappings: 'ß'.upper() == 'SS') and
/// the character-class predicates (isalpha, isdigit...). ASCII text takes byte paths.
/// Maps ASCII text byte by byte, straight into the new string's storage.
@inline(__always)
func mapASCII(_ s: String, _ f: (UInt8) -> UInt8) -> String {
    var s = s
    return s.withUTF8 { source in
        String(unsafeUninitializedCapacity: source.count) { target in
            for i in 0..<source.count { target[i] = f(source[i]) }
            return source.count
        }
    }
}

extension Runtime {

    func installStrCaseMethods(_ t: PyType) {
        func unary(_ name: String, _ f: @escaping (PyStr) -> String) {
            method(t, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 1, 1)
                let s = try rt.selfArg(args, PyStr.self, name)
                // Case mappings of ASCII text are ASCII, of the same length.
                if s.isASCII { return rt.strValue(f(s), count: s.count, isASCII: true) }
                return rt.str(f(s))
            }
        }
        unary("upper") { s in
            s.isASCII ? mapASCII(s.value, asciiUpper) : s.value.uppercased()
        }
        unary("lower") { s in
            if s.isASCII { return mapASCII(s.value, asciiLower) }
            let u = s.scalars
            var out = ""
            for i in 0..<u.count { out += lowerScalar(u, i) }
            return out
        }
        unary("casefold") { s in
            if s.isASCII { return mapASCII(s.value, asciiLower) }
            var out = ""
            for u in s.value.unicodeScalars {
                if u.value < 0x80 { out.unicodeScalars.append(Unicode.Scalar(asciiLower(UInt8(u.value)))); continue }
                // Case folding ≈ lower(upper(c)): ß→ss, ς→σ, µ→μ, ﬁ→fi.
                switch u.value {
                case 0x131, 0x13A0...0x13F5: out.unicodeScalars.append(u)   // dotless i, Cherokee capitals
                case 0x1E9E: out += "ss"
                case 0x13F8...0x13FD, 0xAB70...0xABBF: out += u.properties.uppercaseMapping  // Cherokee folds to upper
                default: out += u.properties.uppercaseMapping.lowercased()
                }
            }
            return out
        }
        unary("swapcase") { s in
            if s.isASCII {
                return mapASCII(s.value) { b in
                    (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) ? b ^ 0x20 : b
                }
            }
            var out = ""
            for u in s.value.unicodeScalars {
                let p = u.properties
                if p.isUppercase { out += p.lowercaseMapping }
                else if p.isLowercase { out += p.uppercaseMapping }
                else { out.unicodeScalars.append(u) }
            }
            return out
        }
        unary("title") { s in
            if s.isASCII {
                var previousCased = false
                return mapASCII(s.value) { b in
                    let upper = b >= 0x41 && b <= 0x5A, lower = b >= 0x61 && b <= 0x7A
                    defer { previousCased = upper || lower }
                    if previousCased { return upper ? b | 0x20 : b }
                    return lower ? b & ~0x20 : b
                }
            }
            var out = ""
            var previousCased = false
            let scalars = s.scalars
            for (i, u) in scalars.enumerated() {
                let p = u.properties
                if previousCased { out += lowerScalar(scalars, i) } else { out += p.titlecaseMapping }
                previousCased = p.isCased || p.generalCategory == .titlecaseLetter
            }
            return out
        }
        unary("capitalize") { s in
            if s.value.isEmpty { return "" }
            if s.isASCII {
                var first = true
                return mapASCII(s.value) { b in
                    defer { first = false }
                    return first ? asciiUpper(b) : asciiLower(b)
                }
            }
            var out = ""
            let scalars = s.scalars
            for (i, u) in scalars.enumerated() {
                out += i == 0 ? u.properties.titlecaseMapping : lowerScalar(scalars, i)
            }
            return out
        }

        func predicate(_ name: String, empty: Bool, ascii: @escaping (UInt8) -> Bool,
                       unicode: @escaping (Unicode.Scalar) -> Bool) {
            method(t, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 1, 1)
                let s = try rt.selfArg(args, PyStr.self, name)
                if s.value.isEmpty { return Value(bool: empty) }
                if s.isASCII {
                    for b in s.value.utf8 where !ascii(b) { return .false }
                    return .true
                }
                for u in s.value.unicodeScalars where !unicode(u) { return .false }
                return .true
            }
        }
        predicate("isascii", empty: true, ascii: { _ in true }, unicode: { $0.value < 0x80 })
        predicate("isalpha", empty: false, ascii: isASCIIAlpha, unicode: isUnicodeAlpha)
        predicate("isdecimal", empty: false, ascii: isASCIIDigit, unicode: { $0.properties.generalCategory == .decimalNumber })
        predicate("isdigit", empty: false, ascii: isASCIIDigit, unicode: isUnicodeDigit)
        predicate("isnumeric", empty: false, ascii: isASCIIDigit, unicode: { $0.properties.numericType != nil })
        predicate("isalnum", empty: false, ascii: { isASCIIAlpha($0) || isASCIIDigit($0) },
                  unicode: { isUnicodeAlpha($0) || $0.properties.numericType != nil })
        predicate("isspace", empty: false, ascii: { ByteAlg.isStrSpace(UInt32($0)) },
                  unicode: { ByteAlg.isStrSpace($0.value) })
        predicate("isprintable", empty: true, ascii: { $0 >= 0x20 && $0 < 0x7F }, unicode: isUnicodePrintable)

        func cased(_ name: String, _ wanted: @escaping (Unicode.Scalar.Properties) -> Bool,
                   _ other: @escaping (Unicode.Scalar.Properties) -> Bool) {
            method(t, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 1, 1)
                let s = try rt.selfArg(args, PyStr.self, name)
                var sawCased = false
                if s.isASCII {
                    let upper = name == "isupper"
                    for b in s.value.utf8 {
                        if b >= 0x41 && b <= 0x5A { if !upper { return .false }; sawCased = true }
                        else if b >= 0x61 && b <= 0x7A { if upper { return .false }; sawCased = true }
                    }
                    return Value(bool: sawCased)
                }
                for u in s.value.unicodeScalars {
                    let p = u.properties
                    if other(p) || p.generalCategory == .titlecaseLetter { return .false }
                    if wanted(p) { sawCased = true }
                }
                return Value(bool: sawCased)
            }
        }
        cased("islower", { $0.isLowercase }, { $0.isUppercase })
        cased("isupper", { $0.isUppercase }, { $0.isLowercase })

        method(t, "istitle") { rt, args throws(PyError) in
            try args.expect(rt, "istitle", 1, 1)
            let s = try rt.selfArg(args, PyStr.self, "istitle")
            var cased = false, previousCased = false
            for u in s.value.unicodeScalars {
                let p = u.properties
                if p.isUppercase || p.generalCategory == .titlecaseLetter {
                    if previousCased { return .false }
                    previousCased = true
                    cased = true
                } else if p.isLowercase {
                    if !previousCased { return .false }
                    previousCased = true
                    cased = true
                } else {
                    previousCased = false
                }
            }
            return Value(bool: cased)
        }
        method(t, "isidentifier") { rt, args throws(PyError) in
            try args.expect(rt, "isidentifier", 1, 1)
            let s = try rt.selfArg(args, PyStr.self, "isidentifier")
            var first = true
            for u in s.value.unicodeScalars {
                let ok: Bool
                if u.value < 0x80 {
                    let b = UInt8(u.value)
                    ok = isASCIIAlpha(b) || b == UInt8(ascii: "_") || (!first && isASCIIDigit(b))
                } else {
                    ok = first ? u.properties.isXIDStart : u.properties.isXIDContinue
                }
                if !ok { return .false }
                first = false
            }
            return Value(bool: !first)
        }
    }
}

/// The lowercase mapping of `u[i]`, with Greek final sigma: Σ becomes ς when a
/// cased letter precedes it and none follows (case-ignorable characters skipped).
func lowerScalar(_ u: [Unicode.Scalar], _ i: Int) -> String {
    let c = u[i]
    guard c.value == 0x3A3 else { return c.properties.lowercaseMapping }
    var j = i - 1
    while j >= 0 && u[j].properties.isCaseIgnorable { j -= 1 }
    let before = j >= 0 && u[j].properties.isCased
    var k = i + 1
    while k < u.count && u[k].properties.isCaseIgnorable { k += 1 }
    let after = k < u.count && u[k].properties.isCased
    return before && !after ? "\u{3C2}" : "\u{3C3}"
}

@inline(__always) func asciiUpper(_ b: UInt8) -> UInt8 { b >= 0x61 && b <= 0x7A ? b - 0x20 : b }
@inline(__always) func asciiLower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
@inline(__always) func isASCIIAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
@inline(__always) func isASCIIDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

/// Python's isalpha: general categories Lu, Ll, Lt, Lm, Lo.
func isUnicodeAlpha(_ u: Unicode.Scalar) -> Bool {
    switch u.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
    default: return false
    }
}

/// Python's isdigit: Numeric_Type Digit or Decimal.
func isUnicodeDigit(_ u: Unicode.Scalar) -> Bool {
    guard let t = u.properties.numericType else { return false }
    return t == .decimal || t == .digit
}

/// Python's isprintable: not Other (Cc, Cf, Cs, Co, Cn) and not a separator other than ' '.
func isUnicodePrintable(_ u: Unicode.Scalar) -> Bool {
    if u.value == 0x20 { return true }
    switch u.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned,
         .lineSeparator, .paragraphSeparator, .spaceSeparator: return false
    default: return true
    }
}
