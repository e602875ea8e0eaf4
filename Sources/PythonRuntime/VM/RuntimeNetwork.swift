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
    /// Starts, or carries on, TLS as the client on a connected stream socket;
    /// throws `.wouldBlock` while the handshake waits on the network (wait for
    /// readable, then call again). From then on `send`/`receive` carry plaintext.
    func startTLS(_ handle: Int, _ settings: TLSSettings) throws(NetworkError)
    /// The peer's certificate (DER), the cipher suite (mbedTLS's name) and the
    /// protocol version ("TLSv1.2"), once TLS is up.
    func tlsPeer(_ handle: Int) -> TLSPeer?
    func close(_ handle: Int)
    /// Bytes of the runtime's heap a TLS session takes (mbedTLS allocates from
    /// MicroPython's heap on the rp2 port); 0 where TLS lives elsewhere.
    var tlsSessionHeapBytes: Int { get }
}

extension RuntimeNetwork {
    public var tlsSessionHeapBytes: Int { 0 }
}

/// What a TLS client knows of its server once connected.
public struct TLSPeer: Equatable, Sendable {
    public var certificate: [UInt8]?
    public var cipher: String
    public var version: String
    public init(certificate: [UInt8]?, cipher: String, version: String) {
        self.certificate = certificate
        self.cipher = cipher
        self.version = version
    }
}

/// How a TLS client checks its server, as MicroPython's `SSLContext` says it.
public struct TLSSettings: Equatable, Sendable {
    /// SNI and the name the certificate must carry.
    public var serverName: String?
    /// CERT_NONE 0, CERT_OPTIONAL 1, CERT_REQUIRED 2.
    public var verifyMode: Int
    /// CA certificates the firmware loaded (PEM or DER); nil: the host's trust.
    public var caCertificates: [UInt8]?
    /// The client's own certificate and key (PEM or DER).
    public var certificate: [UInt8]?
    public var privateKey: [UInt8]?

    public init(serverName: String? = nil, verifyMode: Int = 0, caCertificates: [UInt8]? = nil,
                certificate: [UInt8]? = nil, privateKey: [UInt8]? = nil) {
        self.serverName = serverName
        self.verifyMode = verifyMode
        self.caCertificates = caCertificates
        self.certificate = certificate
        self.privateKey = privateKey
    }
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
    /// OSError's second argument (mbedTLS's error name), when there is one.
    public var message: String?
    /// Raised as ValueError(message) instead (mbedTLS's certificate verdicts).
    public var isValueError = false
    public init(_ errno: Int, _ message: String? = nil) {
        self.errno = errno
        self.message = message
    }
    public static func valueError(_ text: String) -> NetworkError {
        var e = NetworkError(0, text)
        e.isValueError = true
        return e
    }
    /// Equal errnos are the same failure (`error == .wouldBlock`).
    public static func == (a: NetworkError, b: NetworkError) -> Bool {
        a.errno == b.errno && a.isValueError == b.isValueError
    }
    /// EAGAIN: the operation cannot complete without waiting.
    public static let wouldBlock = NetworkError(11)
    public static let badHandle = NetworkError(9)
    public static let invalid = NetworkError(22)
    /// What `getaddrinfo` raises for a name it cannot resolve (EAI_NONAME).
    public static let unknownHost = NetworkError(-2)
    public static let timedOut = NetworkError(110)
    public static let hostUnreachable = NetworkError(113)
    public static let notConnected = NetworkError(107)
    public static let alreadyConnected = NetworkError(106)
    public static let familyNotSupported = NetworkError(97)
    public static let connectionRefused = NetworkError(111)
    public static let connectionReset = NetworkError(104)
    public static let connectionAborted = NetworkError(103)
}
