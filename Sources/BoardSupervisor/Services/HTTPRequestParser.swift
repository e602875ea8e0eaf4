/// One header line of a request, as the client wrote its name.
struct HTTPHeader: Equatable {
    var name: String
    var value: String
}

/// A request's method, path and headers.
struct HTTPRequestHead: Equatable {
    var method = ""
    var path = ""
    var headers: [HTTPHeader] = []

    /// The value of the last header called `name` (any case), as CircuitPython
    /// keeps it: a repeated header overwrites the earlier one.
    func value(_ name: String) -> String? {
        headers.last { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// Reads a request head byte by byte as CircuitPython's web workflow does
/// (`_process_request` in supervisor/shared/web_workflow/web_workflow.c,
/// 9.1.4): the method up to a space, the path up to a space, then exactly
/// `HTTP/1.1\r`; header lines of `Name: value` whose value must start with one
/// space; a line starting with `\r` ends the head once its `\n` is read.
/// Anything else (another HTTP version, a missing space) is malformed, which
/// the workflow answers with 501. Over-long fields are cut to the firmware's
/// buffers, not refused. Pure: the caller feeds what the socket gave.
struct HTTPRequestParser {
    enum Outcome: Equatable {
        /// The head is complete; the body (if any) starts after it.
        case complete(HTTPRequestHead)
        case malformed
    }

    /// The firmware's buffers (`_request` in web_workflow.c): characters
    /// beyond them are dropped.
    static let methodLimit = 8, pathLimit = 256, keyLimit = 64, valueLimit = 255
    private static let version = Array("HTTP/1.1\r".utf8)

    private enum State { case method, path, version, headerKey, headerValue, body }
    private var state = State.method
    private var head = HTTPRequestHead()
    private var field: [UInt8] = []
    private var key: [UInt8] = []
    private var versionOffset = 0
    /// Whether the value's first character (the space after the colon) was read.
    private var valueStarted = false
    private var finished = false

    /// Whether any byte has been read (the firmware's `in_progress`).
    private(set) var started = false

    /// Feeds `bytes` until the head ends or is found malformed; returns how
    /// many were read and the outcome, if there is one yet. After an outcome
    /// the parser reads nothing more.
    mutating func feed<C: Collection>(_ bytes: C) -> (consumed: Int, outcome: Outcome?) where C.Element == UInt8 {
        var consumed = 0
        for b in bytes {
            if finished { break }
            consumed += 1
            if let outcome = feed(byte: b) {
                finished = true
                return (consumed, outcome)
            }
        }
        return (consumed, nil)
    }

    private mutating func feed(byte c: UInt8) -> Outcome? {
        started = true
        switch state {
        case .method:
            if c == 0x20 {
                head.method = text(field)
                field = []
                state = .path
            } else if field.count < Self.methodLimit {
                field.append(c)
            }
        case .path:
            if c == 0x20 {
                head.path = text(field)
                field = []
                state = .version
            } else if field.count < Self.pathLimit {
                field.append(c)
            }
        case .version:
            guard Self.version[versionOffset] == c else { return .malformed }
            versionOffset += 1
            if versionOffset == Self.version.count { state = .headerKey }
        case .headerKey:
            if c == 0x0D {
                state = .body
            } else if c == 0x0A {
                // The previous line's \n.
            } else if c == 0x3A {
                key = field
                field = []
                valueStarted = false
                state = .headerValue
            } else if field.count < Self.keyLimit {
                field.append(c)
            }
        case .headerValue:
            if !valueStarted {
                guard c == 0x20 else { return .malformed }
                valueStarted = true
            } else if c == 0x0D {
                head.headers.append(HTTPHeader(name: text(key), value: text(field)))
                field = []
                state = .headerKey
            } else if field.count < Self.valueLimit {
                field.append(c)
            }
        case .body:
            // The \n of the empty line.
            return .complete(head)
        }
        return nil
    }

    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
