/// Reads the HTTP request that opens a WebREPL connection as MicroPython's
/// `webrepl.server_handshake` does (micropython-lib micropython/net/webrepl/
/// webrepl.py, frozen into v1.24.0): the request line is skipped, then each
/// line up to an empty `\r\n` is split at its first colon and stripped;
/// `Sec-WebSocket-Key` gives the key, `Connection` must contain `Upgrade` and
/// `Upgrade` must be `websocket` (names and values compared exactly). Without
/// all three the client gets the page that loads the WebREPL client instead.
/// Pure: the caller feeds what the socket gave.
struct WebREPLHandshake {
    enum Outcome: Equatable {
        case webSocket(key: String)
        /// Not a WebSocket request (a browser asking for the page).
        case page
        /// A header line without a colon: upstream's unpacking raises
        /// ValueError and the connection is left unanswered.
        case malformed
    }

    /// Bytes of request head read at most; beyond it the request is malformed
    /// (upstream reads lines without bound; a board has little memory).
    static let limit = 8192

    private var line: [UInt8] = []
    private var readRequestLine = false
    private var total = 0
    private var key: String?
    private var upgrade = false
    private var webSocket = false
    private var finished = false

    /// Feeds `bytes` until the head ends; returns how many were read and the
    /// outcome, if there is one yet.
    mutating func feed<C: Collection>(_ bytes: C) -> (consumed: Int, outcome: Outcome?) where C.Element == UInt8 {
        var consumed = 0
        for b in bytes {
            if finished { break }
            consumed += 1
            total += 1
            line.append(b)
            if total > Self.limit { finished = true; return (consumed, .malformed) }
            guard b == 0x0A else { continue }
            let l = line
            line = []
            if !readRequestLine { readRequestLine = true; continue }
            if l == [0x0D, 0x0A] {
                finished = true
                if let key, upgrade, webSocket, !key.isEmpty { return (consumed, .webSocket(key: key)) }
                return (consumed, .page)
            }
            guard let colon = l.firstIndex(of: 0x3A) else { finished = true; return (consumed, .malformed) }
            let name = Self.stripped(l[..<colon]), value = Self.stripped(l[(colon + 1)...])
            if name == "Sec-WebSocket-Key" {
                key = value
            } else if name == "Connection" && value.contains("Upgrade") {
                upgrade = true
            } else if name == "Upgrade" && value == "websocket" {
                webSocket = true
            }
        }
        return (consumed, nil)
    }

    /// The end of input before the empty line: upstream's handshake fails and
    /// the page is sent.
    static let endOfInput = Outcome.page

    /// Python's `bytes.strip()`: ASCII whitespace off both ends.
    private static func stripped(_ bytes: ArraySlice<UInt8>) -> String {
        let space: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C]
        var s = bytes[...]
        while let f = s.first, space.contains(f) { s = s.dropFirst() }
        while let l = s.last, space.contains(l) { s = s.dropLast() }
        return String(decoding: s, as: UTF8.self)
    }
}
