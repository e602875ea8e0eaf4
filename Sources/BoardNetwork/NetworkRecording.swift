import Foundation

/// One connection (or UDP socket) the board had, as `--network-record` saves
/// it and `--network-replay` plays it back: who it talked to and what went
/// each way, in order. TLS connections are recorded as the plaintext inside.
///
///     {"name": "api.open-meteo.com", "address": "198.18.0.1", "port": 443, "transport": "tcp", "tls": true,
///      "events": [{"send": "GET /v1/forecast?... HTTP/1.0\r\n..."}, {"receive": "HTTP/1.0 200 OK\r\n..."}],
///      "closedByServer": true}
///
/// Bytes are kept as text when they are UTF-8 (so a recording can be read
/// and edited), else as base64 (`"sendBase64"`, `"receiveBase64"`).
public struct RecordedConnection: Codable, Equatable, Sendable {
    public var name: String
    public var address: String
    public var port: Int
    /// "tcp" or "udp".
    public var transport: String
    public var tls: Bool
    public var events: [Event]
    /// The server ended the stream (the board saw end of file).
    public var closedByServer: Bool

    public struct Event: Codable, Equatable, Sendable {
        public var sent: Bool
        public var bytes: [UInt8]

        public init(sent: Bool, bytes: [UInt8]) {
            self.sent = sent
            self.bytes = bytes
        }

        private enum CodingKeys: String, CodingKey { case send, receive, sendBase64, receiveBase64 }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if let t = try c.decodeIfPresent(String.self, forKey: .send) {
                self.init(sent: true, bytes: Array(t.utf8))
            } else if let t = try c.decodeIfPresent(String.self, forKey: .receive) {
                self.init(sent: false, bytes: Array(t.utf8))
            } else if let t = try c.decodeIfPresent(String.self, forKey: .sendBase64), let d = Data(base64Encoded: t) {
                self.init(sent: true, bytes: Array(d))
            } else if let t = try c.decodeIfPresent(String.self, forKey: .receiveBase64), let d = Data(base64Encoded: t) {
                self.init(sent: false, bytes: Array(d))
            } else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                        debugDescription: "an event is {\"send\": text} or {\"receive\": text} (or their Base64 forms)"))
            }
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            if let text = String(validating: bytes, as: UTF8.self) {
                try c.encode(text, forKey: sent ? .send : .receive)
            } else {
                try c.encode(Data(bytes).base64EncodedString(), forKey: sent ? .sendBase64 : .receiveBase64)
            }
        }
    }

    public init(name: String, address: String, port: Int, transport: String, tls: Bool = false) {
        self.name = name
        self.address = address
        self.port = port
        self.transport = transport
        self.tls = tls
        events = []
        closedByServer = false
    }

    /// Appends bytes, joining them to the previous event when it went the same way.
    mutating func add(sent: Bool, _ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        if transport == "tcp", let last = events.last, last.sent == sent {
            events[events.count - 1].bytes += bytes
        } else {
            events.append(Event(sent: sent, bytes: bytes))
        }
    }
}

/// `--network-record DIR`: each finished connection becomes `DIR/NNNN-name-port.json`,
/// numbered in the order they were opened. Shared by the boards of a simulation.
public final class NetworkRecorder: @unchecked Sendable {
    public let folder: URL
    private let lock = NSLock()
    private var next = 1

    public init(folder: URL) throws {
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// A number for a connection just opened (its file's order).
    func number() -> Int {
        lock.lock()
        defer { lock.unlock() }
        next += 1
        return next - 1
    }

    func save(_ c: RecordedConnection, number: Int) {
        let safe = String(c.name.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
        let url = folder.appendingPathComponent(String(format: "%04d-%@-%d.json", number, safe, c.port))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if let data = try? encoder.encode(c) { try? data.write(to: url) }
    }
}

/// `--network-replay DIR`: the recordings there answer the board's lookups and
/// connections instead of the network, each recording used once, in file order.
public final class NetworkReplay: @unchecked Sendable {
    private let lock = NSLock()
    private var unused: [RecordedConnection]
    /// Names the recordings resolve, and their addresses.
    public let names: [String: String]

    /// Reads every `*.json` in `folder`; a file that is not a recording is an error naming it.
    public init(folder: URL) throws {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var all: [RecordedConnection] = []
        for f in files {
            do {
                all.append(try JSONDecoder().decode(RecordedConnection.self, from: Data(contentsOf: f)))
            } catch {
                throw NSError(domain: "NetworkReplay", code: 1, userInfo: [NSLocalizedDescriptionKey:
                    "\(f.lastPathComponent) is not a network recording (\(error))"])
            }
        }
        unused = all
        var names: [String: String] = [:]
        for c in all where c.name != c.address { names[c.name.lowercased()] = c.address }
        self.names = names
    }

    /// Whether some recording is to `address`:`port` over `transport` (and, if
    /// `tls` is given, with or without TLS).
    public func has(address: String, port: Int, transport: String, tls: Bool? = nil) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return unused.contains { $0.address == address && $0.port == port && $0.transport == transport && (tls == nil || $0.tls == tls) }
    }

    /// Takes the recording that best fits a connection whose first bytes sent
    /// are `firstSend`: the same bytes, else the same first line (an HTTP
    /// request line), else the first in order.
    func take(address: String, port: Int, transport: String, tls: Bool, firstSend: [UInt8]) -> RecordedConnection? {
        lock.lock()
        defer { lock.unlock() }
        let fits = unused.indices.filter {
            unused[$0].address == address && unused[$0].port == port && unused[$0].transport == transport && unused[$0].tls == tls
        }
        func firstSent(_ i: Int) -> [UInt8] { unused[i].events.first(where: \.sent)?.bytes ?? [] }
        func firstLine(_ b: [UInt8]) -> ArraySlice<UInt8> { b.prefix { $0 != 0x0A } }
        let pick = fits.first { firstSent($0).starts(with: firstSend) && firstSend.count > 0 }
            ?? fits.first { firstLine(firstSent($0)) == firstLine(firstSend) && !firstSend.isEmpty }
            ?? fits.first
        guard let i = pick else { return nil }
        return unused.remove(at: i)
    }
}
