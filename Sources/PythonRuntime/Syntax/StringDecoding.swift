// Backslash-escape processing for string and bytes literal bodies.

struct EscapeError: Error {
    var message: String
}

private func hexValue(_ c: Unicode.Scalar) -> UInt32? {
    switch c {
    case "0"..."9": return c.value - 48
    case "a"..."f": return c.value - 97 + 10
    case "A"..."F": return c.value - 65 + 10
    default: return nil
    }
}

private func simpleEscape(_ e: Unicode.Scalar) -> UInt32? {
    switch e {
    case "\\": return 0x5C
    case "'": return 0x27
    case "\"": return 0x22
    case "a": return 0x07
    case "b": return 0x08
    case "f": return 0x0C
    case "n": return 0x0A
    case "r": return 0x0D
    case "t": return 0x09
    case "v": return 0x0B
    default: return nil
    }
}

/// Reads up to `count` (exactly `count` when `exact`) hex digits at `i`.
private func readHex(_ body: ArraySlice<Unicode.Scalar>, _ i: inout Int, _ count: Int) -> UInt32? {
    var value: UInt32 = 0
    for _ in 0..<count {
        guard i < body.endIndex, let d = hexValue(body[i]) else { return nil }
        value = value &* 16 &+ d
        i += 1
    }
    return value
}

private func readOctal(_ body: ArraySlice<Unicode.Scalar>, _ i: inout Int, first: Unicode.Scalar) -> UInt32 {
    var value = first.value - 48
    var n = 1
    while n < 3, i < body.endIndex, ("0"..."7").contains(body[i]) {
        value = value * 8 + body[i].value - 48
        i += 1
        n += 1
    }
    return value
}

private func unicodeError(_ pos: Int, _ end: Int, _ what: String) -> EscapeError {
    EscapeError(message: "(unicode error) 'unicodeescape' codec can't decode bytes in position \(pos)-\(end): \(what)")
}

/// One piece of a literal's body: a plain character, a backslash-newline, an
/// escape with a fixed value (`\n`, `\t`...), or another escape's letter and the
/// offset of its backslash, for the decoder to finish.
private enum BodyPiece {
    case plain(Unicode.Scalar)
    case lineContinuation
    case simple(UInt32)
    case escape(Unicode.Scalar, start: Int)
}

/// Reads the piece at `i` and moves past it (past the letter, for an escape).
private func readPiece(_ body: ArraySlice<Unicode.Scalar>, _ i: inout Int) -> BodyPiece {
    let c = body[i]
    if c != "\\" || i + 1 >= body.endIndex {
        i += 1
        return .plain(c)
    }
    let start = i - body.startIndex
    let e = body[i + 1]
    i += 2
    if e == "\n" { return .lineContinuation }
    if let v = simpleEscape(e) { return .simple(v) }
    return .escape(e, start: start)
}

/// Decodes the body of a str literal (or a literal piece of an f-string).
func decodeStringBody(_ body: ArraySlice<Unicode.Scalar>, raw: Bool) throws(EscapeError) -> String {
    var out = String.UnicodeScalarView()
    if raw {
        out.append(contentsOf: body)
        return String(out)
    }
    var i = body.startIndex
    while i < body.endIndex {
        let piece = readPiece(body, &i)
        let (e, escStart): (Unicode.Scalar, Int)
        switch piece {
        case .plain(let c): out.append(c); continue
        case .lineContinuation: continue
        case .simple(let v): out.append(Unicode.Scalar(v)!); continue
        case .escape(let letter, let start): (e, escStart) = (letter, start)
        }
        switch e {
        case "0"..."7":
            out.append(Unicode.Scalar(readOctal(body, &i, first: e)) ?? "\u{FFFD}")
        case "x", "u", "U":
            let width = e == "x" ? 2 : (e == "u" ? 4 : 8)
            guard let v = readHex(body, &i, width) else {
                let name = e == "x" ? "truncated \\xXX escape" : (e == "u" ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape")
                throw unicodeError(escStart, i - body.startIndex - 1, name)
            }
            guard v <= 0x10FFFF else { throw unicodeError(escStart, i - body.startIndex - 1, "illegal Unicode character") }
            // Swift strings cannot hold lone surrogates.
            out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        case "N":
            guard i < body.endIndex, body[i] == "{", let close = body[i...].firstIndex(of: "}") else {
                throw unicodeError(escStart, i - body.startIndex - 1, "malformed \\N character escape")
            }
            let name = String(String.UnicodeScalarView(body[(i + 1)..<close]))
            guard let s = lookupUnicodeName(name) else {
                throw unicodeError(escStart, close - body.startIndex, "unknown Unicode character name")
            }
            out.append(s)
            i = close + 1
        default:
            // Unknown escapes keep their backslash (CPython warns).
            out.append("\\")
            out.append(e)
        }
    }
    return String(out)
}

/// Decodes the body of a bytes literal; only ASCII characters may appear in it.
func decodeBytesBody(_ body: ArraySlice<Unicode.Scalar>, raw: Bool) throws(EscapeError) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(body.count)
    var i = body.startIndex
    while i < body.endIndex {
        guard body[i].value < 128 else { throw EscapeError(message: "bytes can only contain ASCII literal characters") }
        if raw {
            out.append(UInt8(body[i].value))
            i += 1
            continue
        }
        let (e, escStart): (Unicode.Scalar, Int)
        switch readPiece(body, &i) {
        case .plain(let c): out.append(UInt8(c.value)); continue
        case .lineContinuation: continue
        case .simple(let v): out.append(UInt8(v)); continue
        case .escape(let letter, let start): (e, escStart) = (letter, start)
        }
        switch e {
        case "0"..."7":
            out.append(UInt8(readOctal(body, &i, first: e) & 0xFF))
        case "x":
            guard let v = readHex(body, &i, 2) else {
                throw EscapeError(message: "(value error) invalid \\x escape at position \(escStart)")
            }
            out.append(UInt8(v))
        default:
            guard e.value < 128 else { throw EscapeError(message: "bytes can only contain ASCII literal characters") }
            out.append(0x5C)
            out.append(UInt8(e.value))
        }
    }
    return out
}

/// `\N{name}` lookup by scanning the scalar tables; slow but only paid when used.
func lookupUnicodeName(_ name: String) -> Unicode.Scalar? {
    let target = name.uppercased()
    for range in [0...0x323AF, 0xE0000...0xE01EF] {
        for v in range {
            guard let s = Unicode.Scalar(UInt32(v)) else { continue }
            let props = s.properties
            if props.name == target || props.nameAlias == target { return s }
        }
    }
    return nil
}
