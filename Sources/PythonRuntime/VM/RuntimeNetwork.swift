/// The network a runtime's `socket` module reaches: the host's own sockets for
/// `breadbox python` (`HostNetwork`), a board's emulated Wi-Fi later, or none.
///
/// Handles are small integers the service hands out. Every operation is
/// non-blocking: one that cannot go on now throws `NetworkError.wouldBlock`, and
/// the runtime waits with `wait` in short slices, so that Ctrl-C, the program's
/// time limit and the socket's own timeout all stay in the runtime's hands.
public protocol RuntimeNetwork: AnyObject {
    /// The addresses of `host` (a name or a numeric address) for `port`;
    /// `family` 0 means any, else `NetworkAddress.inet` / `.inet6`.
    func resolve(host: String, port: Int, family: Int) throws(NetworkError) -> [NetworkAddress]
    /// A new TCP (`.stream`) or UDP (`.datagram`) socket.
    func open(family: Int, kind: SocketKind) throws(NetworkError) -> Int
    /// Starts connecting; throws `.wouldBlock` while the connection is under way
    /// (wait for writable, then call `finishConnect`).
    func connect(_ handle: Int, to address: NetworkAddress) throws(NetworkError)
    /// The outcome of a connection `connect` left under way (throws its error).
    func finishConnect(_ handle: Int) throws(NetworkError)
    func bind(_ handle: Int, to address: NetworkAddress) throws(NetworkError)
    func listen(_ handle: Int, backlog: Int) throws(NetworkError)
    /// A waiting connection and its peer's address.
    func accept(_ handle: Int) throws(NetworkError) -> (handle: Int, peer: NetworkAddress)
    /// Sends what it can of `bytes` now; returns how many went.
    func send(_ handle: Int, _ bytes: [UInt8]) throws(NetworkError) -> Int
    func send(_ handle: Int, _ bytes: [UInt8], to address: NetworkAddress) throws(NetworkError) -> Int
    /// Up to `maxCount` bytes; empty at end of stream.
    func receive(_ handle: Int, maxCount: Int) throws(NetworkError) -> [UInt8]
    func receiveFrom(_ handle: Int, maxCount: Int) throws(NetworkError) -> (bytes: [UInt8], from: NetworkAddress)
    /// Waits up to `nanoseconds` for the socket to become readable (or writable);
    /// true when it is (or has an error or hang-up to report).
    func wait(_ handle: Int, writable: Bool, nanoseconds: UInt64) -> Bool
    /// `setsockopt(level, option, value)` with an integer value; options the
    /// service does not know are accepted and ignored.
    func setOption(_ handle: Int, level: Int, option: Int, value: Int) throws(NetworkError)
    func close(_ handle: Int)
}

/// TCP or UDP.
public enum SocketKind: Int, Sendable {
    case stream = 1
    case datagram = 2
}

/// An IP address and port.
public struct NetworkAddress: Equatable, Sendable {
    public static let inet = 2
    public static let inet6 = 10
    /// `inet` or `inet6` (the values MicroPython's AF_INET / AF_INET6 have).
    public var family: Int
    /// The numeric address: "127.0.0.1", "::1".
    public var host: String
    public var port: Int
    public init(family: Int, host: String, port: Int) {
        self.family = family
        self.host = host
        self.port = port
    }
}

/// A failed network operation, with the errno Python code sees.
public struct NetworkError: Error, Equatable, Sendable {
    public var errno: Int
    public init(_ errno: Int) { self.errno = errno }
    /// EAGAIN: the operation cannot complete without waiting.
    public static let wouldBlock = NetworkError(11)
    public static let badHandle = NetworkError(9)
    public static let invalid = NetworkError(22)
    /// What `getaddrinfo` raises for a name it cannot resolve (EAI_NONAME).
    public static let unknownHost = NetworkError(-2)
    public static let timedOut = NetworkError(110)
    public static let hostUnreachable = NetworkError(113)
}
