/// The `tls` module (MicroPython's extmod/modtls_mbedtls.c): SSLContext and
/// SSLSocket, Python (Firmware/runtime/tls.py) over two natives that hand the
/// handshake to the `RuntimeNetwork`, which speaks TLS with OpenSSL.
/// Heap a TLS session holds (mbedTLS's record buffers and state) while it lives.
final class PyTLSMemory: PyObject {
    let size: Int
    init(type: PyType, size: Int) {
        self.size = size
        super.init(type: type)
    }
    override var accountedSize: Int { size }
}

extension Runtime {
    func installTLSModule() {
        let memoryType = makeNativeType("tls_session_memory", module: "tls")
        registerNativeModule("_tls") { rt, m throws(PyError) in
            // _start(handle, server_hostname, verify_mode, cadata, cert, key, timeout_ns)
            rt.moduleFunction(m, "_start") { rt, args throws(PyError) in
                try args.expect(rt, "_start", 7, 7)
                let h = try rt.socketHandle(args[0])
                func bytes(_ v: Value) throws(PyError) -> [UInt8]? { v.isNone ? nil : try rt.bytesLike(v) }
                let settings = TLSSettings(serverName: args[1].isNone ? nil : try rt.strArg(args[1]).value,
                                           verifyMode: try rt.intArg(args[2]), caCertificates: try bytes(args[3]),
                                           certificate: try bytes(args[4]), privateKey: try bytes(args[5]))
                let timeout = try rt.intArg(args[6])
                rt.reportPendingInstructions()
                let net = try rt.network(h)
                let owner = args[0].as(PySocketHandle.self)
                let bytes = net.tlsSessionHeapBytes
                if bytes > 0, let owner, owner.tlsMemory == nil {
                    try rt.reserve(bytes)
                    owner.tlsMemory = rt.track(PyTLSMemory(type: memoryType, size: bytes))
                }
                do throws(PyError) {
                    try rt.networkCall(net, h, writable: false, timeout: timeout) { () throws(NetworkError) in
                        try net.startTLS(h, settings)
                    }
                } catch {
                    // A failed handshake frees the session (a timeout on a non-blocking one does not).
                    if !(error.exception.type.isSubtype(of: rt.types.OSError) && timeout == 0) { owner?.tlsMemory = nil }
                    throw error
                }
                return .none
            }
            // _peer(handle) -> (certificate DER or None, (suite, version)), or None before TLS is up
            rt.moduleFunction(m, "_peer") { rt, args throws(PyError) in
                try args.expect(rt, "_peer", 1, 1)
                let h = try rt.socketHandle(args[0])
                guard let net = rt.host.network, h >= 0, let peer = net.tlsPeer(h) else { return .none }
                return rt.tuple([peer.certificate.map { Value(rt.newBytes($0)) } ?? .none,
                                 rt.tuple([rt.str(peer.cipher), rt.str(peer.version)])])
            }
        }
        registerPythonModule("tls")
    }
}
