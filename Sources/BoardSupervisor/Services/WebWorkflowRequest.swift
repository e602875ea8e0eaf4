/// What CircuitPython's web workflow takes from a request's headers
/// (`_process_request` in web_workflow.c, 9.1.4), and its checks of them. Pure.
struct WebWorkflowRequest: Equatable {
    var method: String
    /// The path as sent (percent-encoded).
    var path: String
    /// The `Authorization` header was `Basic ` and the password's encoding.
    var authenticated = false
    /// `Host` was circuitpython.local (with or without a port): redirected to the board's own name.
    var redirect = false
    var host = ""
    var origin = ""
    var contentLength = 0
    var expectsContinue = false
    /// `Accept: application/json`.
    var json = false
    /// Milliseconds since 1970 (`X-Timestamp`), 0 when not given.
    var timestamp: UInt64 = 0
    var webSocket = false
    var webSocketKey = ""
    var destination = ""

    /// `authorization`: the header value a right password gives ("Basic " and
    /// base64 of ":password").
    init(_ head: HTTPRequestHead, authorization: String) {
        method = head.method
        path = head.path
        // Each header as the firmware handles it; a repeated one overwrites.
        for h in head.headers {
            let v = h.value
            switch h.name.lowercased() {
            case "authorization":
                authenticated = v == authorization
            case "host":
                // A prefix check so a port is ignored.
                let local = "circuitpython.local"
                redirect = v.hasPrefix(local) && (v.count == local.count || v.dropFirst(local.count).first == ":")
                host = String(v.prefix(63))
            case "content-length": contentLength = Int(Self.leadingDigits(v).prefix(18)) ?? 0
            case "expect": expectsContinue = v == "100-continue"
            case "accept": json = v.lowercased() == "application/json"
            case "origin": origin = String(v.prefix(63))
            case "x-timestamp": timestamp = UInt64(Self.leadingDigits(v).prefix(19)) ?? 0
            case "upgrade": webSocket = v == "websocket"
            case "sec-websocket-key": if v.count == 24 { webSocketKey = v }
            case "x-destination": destination = v
            default: break
            }
        }
    }

    /// `_origin_ok`: no origin, or one that is not http://, passes (the latter
    /// then answered with `*`); an http:// origin must match the Host header or
    /// be localhost on any port.
    mutating func originAllowed() -> Bool {
        if origin.isEmpty { return true }
        let scheme = "http://"
        guard origin.hasPrefix(scheme) else {
            origin = ""
            return true
        }
        guard !host.isEmpty else { return false }
        let rest = origin.dropFirst(scheme.count)
        if rest == host { return true }
        return rest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first == "localhost"
    }

    /// `strtoul`'s reading: the digits at the start (after blanks).
    private static func leadingDigits(_ s: String) -> Substring {
        let t = s.drop { $0 == " " || $0 == "\t" }
        return t.prefix { $0.isASCII && $0.isNumber }
    }

    /// `_decode_percents`: %XX to the byte (hex digits read leniently, as the
    /// firmware's `_hex2nibble` does), the rest as is.
    static func decodePercents(_ s: String) -> String {
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        func nibble(_ c: UInt8) -> UInt8 {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x41...0x46: return c - 0x41 + 10
            default: return c &- 0x61 &+ 10
            }
        }
        while i < bytes.count {
            if bytes[i] == 0x25, i + 2 < bytes.count {
                out.append(nibble(bytes[i + 1]) << 4 | (nibble(bytes[i + 2]) & 0x0F))
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
