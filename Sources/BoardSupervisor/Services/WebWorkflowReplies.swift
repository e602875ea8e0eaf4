/// The replies of CircuitPython's web workflow, byte for byte as 9.1.4's
/// supervisor/shared/web_workflow/web_workflow.c writes them (its `_reply_*`
/// functions): status lines, the CORS headers every reply but the static
/// pages carries, and the chunked JSON documents. Pure.
enum WebWorkflowReplies {
    /// What version.json tells about the board.
    struct Identity: Equatable {
        var instanceName: String
        var mcuName: String
        var boardID: String
        var creatorID: Int
        var creationID: Int
        var hostname: String
        var port: Int
        var uid: [UInt8]
        var ip: String
    }

    /// One entry of a directory listing.
    struct Entry: Equatable {
        var name: String
        var isDirectory: Bool
        /// Seconds since 1970, at FAT's 2-second resolution.
        var modified: Int
        var size: Int
    }

    /// Cluster counts of the volume (`f_getfree`, `n_fatent - 2`) and whether it can be written.
    struct Space: Equatable {
        var free: Int
        var total: Int
        var blockSize: Int
        var writable: Bool
    }

    /// `_cors_header`: the request's Origin echoed (`*` when it sent none).
    static func cors(_ origin: String) -> String {
        "Access-Control-Allow-Credentials: true\r\nVary: Origin, Accept, Upgrade\r\nAccess-Control-Allow-Origin: "
            + (origin.isEmpty ? "*" : origin) + "\r\n"
    }

    /// A reply with no body (`Content-Length: 0`) and CORS.
    static func empty(_ status: String, origin: String, extra: String = "") -> String {
        "HTTP/1.1 \(status)\r\nContent-Length: 0\r\n\(extra)" + cors(origin) + "\r\n"
    }

    static func created(origin: String) -> String { empty("201 Created", origin: origin) }
    static func noContent(origin: String) -> String { empty("204 No Content", origin: origin) }
    static func missing(origin: String) -> String { empty("404 Not Found", origin: origin) }
    static func methodNotAllowed(origin: String) -> String { empty("405 Method Not Allowed", origin: origin) }
    static func forbidden(origin: String) -> String { empty("403 Forbidden", origin: origin) }
    static func preconditionFailed(origin: String) -> String { empty("412 Precondition Failed", origin: origin) }
    static func payloadTooLarge(origin: String) -> String { empty("413 Payload Too Large", origin: origin) }
    static func expectationFailed(origin: String) -> String { empty("417 Expectation Failed", origin: origin) }
    static func serverError(origin: String) -> String { empty("500 Internal Server Error", origin: origin) }
    static func unauthorized(origin: String) -> String {
        empty("401 Unauthorized", origin: origin, extra: "WWW-Authenticate: Basic realm=\"CircuitPython\"\r\n")
    }

    /// 409, which the firmware gives while USB holds the drive.
    static func conflict(origin: String) -> String {
        "HTTP/1.1 409 Conflict\r\nContent-Length: 19\r\n" + cors(origin) + "\r\nUSB storage active."
    }

    static func continueReply(origin: String) -> String { "HTTP/1.1 100 Continue\r\n" + cors(origin) + "\r\n" }

    /// The CORS preflight answer (OPTIONS on /fs/ and /cp/), its methods line without a space as written.
    static func accessControl(origin: String) -> String {
        "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n"
            + "Access-Control-Expose-Headers: Access-Control-Allow-Methods\r\n"
            + "Access-Control-Allow-Headers: X-Timestamp, X-Destination, Content-Type, Authorization\r\n"
            + "Access-Control-Allow-Methods:GET, OPTIONS, PUT, DELETE, MOVE\r\n" + cors(origin) + "\r\n"
    }

    /// A malformed request (another HTTP version, a header without its space).
    static let notImplemented = "HTTP/1.1 501 Not Implemented\r\n\r\n"

    /// `_reply_redirect`: circuitpython.local sends the client to the board's own mDNS name.
    static func redirect(origin: String, webSocket: Bool, hostname: String, port: Int, path: String) -> String {
        "HTTP/1.1 307 Temporary Redirect\r\nConnection: close\r\nContent-Length: 0\r\nLocation: "
            + (webSocket ? "ws" : "http") + "://\(hostname).local" + (port != 80 ? ":\(port)" : "") + path + "\r\n"
            + cors(origin) + "\r\n"
    }

    static func webSocketUpgrade(accept: String) -> String {
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: \(accept)\r\n\r\n"
    }

    /// `_reply_with_file`'s head: the type by extension, as the firmware's table has it.
    static func fileHead(name: String, length: Int, origin: String) -> String {
        let type: String
        if name.hasSuffix(".txt") || name.hasSuffix(".py") || name.hasSuffix(".toml") {
            type = "text/plain;charset=UTF-8"
        } else if name.hasSuffix(".js") {
            type = "text/javascript;charset=UTF-8"
        } else if name.hasSuffix(".html") {
            type = "text/html;charset=UTF-8"
        } else if name.hasSuffix(".json") {
            type = "application/json;charset=UTF-8"
        } else {
            type = "application/octet-stream"
        }
        return "HTTP/1.1 200 OK\r\nContent-Length: \(length)\r\nContent-Type:\(type)\r\n" + cors(origin) + "\r\n"
    }

    /// `_reply_static`: a page stored gzipped, without CORS.
    static func staticHead(length: Int, contentType: String) -> String {
        "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: \(length)\r\nContent-Type: \(contentType)\r\n\r\n"
    }

    // MARK: JSON documents, chunked

    /// The head of every JSON reply (`OK_JSON` and CORS).
    static func jsonHead(origin: String) -> String {
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n" + cors(origin) + "\r\n"
    }

    /// Pieces as chunks (hex length as `%X` prints it), then the empty chunk.
    static func chunked(_ pieces: [String]) -> String {
        var out = ""
        for p in pieces where !p.isEmpty {
            out += String(p.utf8.count, radix: 16, uppercase: true) + "\r\n" + p + "\r\n"
        }
        return out + "0\r\n\r\n"
    }

    static func version(_ id: Identity, origin: String) -> String {
        let uid = id.uid.map { byte in
            let h = String(byte, radix: 16, uppercase: true)
            return h.count == 1 ? "0" + h : h
        }.joined()
        let json = "{\"web_api_version\": 4, \"version\": \"\(SupervisorTexts.circuitpythonVersion)\", "
            + "\"build_date\": \"\(SupervisorTexts.circuitpythonDate)\", \"board_name\": \"\(id.instanceName)\", "
            + "\"mcu_name\": \"\(id.mcuName)\", \"board_id\": \"\(id.boardID)\", \"creator_id\": \(id.creatorID), "
            + "\"creation_id\": \(id.creationID), \"hostname\": \"\(id.hostname)\", \"port\": \(id.port), "
            + "\"UID\": \"\(uid)\", \"ip\": \"\(id.ip)\"}"
        return jsonHead(origin: origin) + chunked([json])
    }

    /// devices.json: the other boards mDNS found (none answer on the simulated network).
    static func devices(origin: String) -> String {
        jsonHead(origin: origin) + chunked(["{\"total\": 0, \"devices\": [", "]}"])
    }

    static func diskInfo(_ space: Space, origin: String) -> String {
        jsonHead(origin: origin) + chunked([
            "[",
            "{\"root\": \"/\", \"free\": \(space.free), \"total\": \(space.total), "
                + "\"block_size\": \(space.blockSize), \"writable\": \(space.writable)}",
            "]",
        ])
    }

    /// `_reply_directory_json`: names as FAT holds them (not escaped), times
    /// in nanoseconds as whole seconds with nine zeros appended.
    static func directory(_ entries: [Entry], space: Space, origin: String) -> String {
        var pieces = ["{\"free\": \(space.free), \"total\": \(space.total), \"block_size\": \(space.blockSize), "
                      + "\"writable\": \(space.writable), ", "\"files\": ["]
        for (i, e) in entries.enumerated() {
            if i > 0 { pieces.append(",") }
            pieces.append("{\"name\": \"\(e.name)\",\"directory\": ")
            pieces.append(e.isDirectory ? "true" : "false")
            pieces.append(", ")
            pieces.append("\"modified_ns\": \(e.modified)000000000, ")
            pieces.append("\"file_size\": \(e.isDirectory ? 0 : e.size) }")
        }
        pieces.append("]}")
        return jsonHead(origin: origin) + chunked(pieces)
    }
}
