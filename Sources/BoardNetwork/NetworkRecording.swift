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
/// connections instead of the network, each recording used once, in file order;
/// once all of a server's are used, they answer again (a long run that polls an
/// API keeps getting its recorded answers).
///
/// A recorded name resolves to an address of the replay's own in 198.19.0.0/16
/// (the upper half of the benchmarking range), so it never collides with the
/// addresses `--host` names get in 198.18.0.0/16.
public final class NetworkReplay: @unchecked Sendable {
    private let lock = NSLock()
    private var unused: [RecordedConnection]
    private let all: [RecordedConnection]
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
        var names: [String: String] = [:]
        for name in Set(all.filter { $0.name != $0.address }.map { $0.name.lowercased() }).sorted() {
            let n = names.count + 1
            names[name] = "198.19.\(n / 256).\(n % 256)"
        }
        for i in all.indices where all[i].name != all[i].address {
            all[i].address = names[all[i].name.lowercased()]!
        }
        self.names = names
        self.all = all
        unused = all
    }

    /// Whether some recording is to `address`:`port` over `transport` (and, if
    /// `tls` is given, with or without TLS).
    public func has(address: String, port: Int, transport: String, tls: Bool? = nil) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return all.contains { $0.address == address && $0.port == port && $0.transport == transport && (tls == nil || $0.tls == tls) }
    }

    /// Takes the recording that best fits a connection whose first bytes sent
    /// are `firstSend`: the same bytes, else the same first line (an HTTP
    /// request line), else the first in order.
    func take(address: String, port: Int, transport: String, tls: Bool, firstSend: [UInt8]) -> RecordedConnection? {
        lock.lock()
        defer { lock.unlock() }
        if let i = NetworkReplay.best(in: unused, address: address, port: port, transport: transport, tls: tls, firstSend: firstSend) {
            return unused.remove(at: i)
        }
        return NetworkReplay.best(in: all, address: address, port: port, transport: transport, tls: tls, firstSend: firstSend)
            .map { all[$0] }
    }

    private static func best(in list: [RecordedConnection], address: String, port: Int, transport: String, tls: Bool,
                             firstSend: [UInt8]) -> Int? {
        let fits = list.indices.filter {
            list[$0].address == address && list[$0].port == port && list[$0].transport == transport && list[$0].tls == tls
        }
        func firstSent(_ i: Int) -> [UInt8] { list[i].events.first(where: \.sent)?.bytes ?? [] }
        func firstLine(_ b: [UInt8]) -> ArraySlice<UInt8> { b.prefix { $0 != 0x0A } }
        return fits.first { firstSent($0).starts(with: firstSend) && firstSend.count > 0 }
            ?? fits.first { firstLine(firstSent($0)) == firstLine(firstSend) && !firstSend.isEmpty }
            ?? fits.first
    }
}
