import COpenSSL
import Foundation
import PythonRuntime

/// A TLS client over a non-blocking socket, by OpenSSL, failing the way
/// MicroPython's mbedTLS build does: a certificate it does not trust is a
/// ValueError with mbedTLS's verdict lines, anything else an
/// `OSError(code, "MBEDTLS_ERR_...")` with mbedTLS's code.
///
/// Trust: the CA certificates the firmware loaded (`load_verify_locations`);
/// without any, the `--ca-file` given (`defaultCAFile`), else the host's store.
/// A real board trusts only what it was given; the host's store lets firmware
/// that turns verification on talk to public servers, as users expect.
final class TLSSession {
    /// A CA bundle used when the firmware loads none (`--ca-file`).
    nonisolated(unsafe) static var defaultCAFile: String?

    private let ssl: OpaquePointer
    private let context: OpaquePointer
    private let settings: TLSSettings
    private(set) var established = false
    /// The handshake (or a read) needs the socket writable rather than readable.
    private(set) var wantsWrite = false

    init(fd: Int32, settings: TLSSettings) throws(NetworkError) {
        self.settings = settings
        guard let ctx = SSL_CTX_new(TLS_client_method()) else { throw TLSSession.failure(-0x7F00) }
        context = ctx
        breadbox_ssl_ctx_tls12_only(ctx)
        if let ca = settings.caCertificates {
            guard TLSSession.addCertificates(ca, to: ctx) else {
                SSL_CTX_free(ctx)
                throw .valueError("invalid cert")
            }
        } else if let file = TLSSession.defaultCAFile {
            SSL_CTX_load_verify_locations(ctx, file, nil)
        } else {
            SSL_CTX_set_default_verify_paths(ctx)
        }
        if settings.certificate != nil || settings.privateKey != nil {
            guard let key = settings.privateKey, TLSSession.usePrivateKey(key, in: ctx) else {
                SSL_CTX_free(ctx)
                throw .valueError("invalid key")
            }
            guard let cert = settings.certificate, TLSSession.useCertificate(cert, in: ctx) else {
                SSL_CTX_free(ctx)
                throw .valueError("invalid cert")
            }
        }
        // Verification decides after the handshake (mbedTLS's CERT_OPTIONAL goes on regardless).
        SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nil)
        guard let s = SSL_new(ctx) else {
            SSL_CTX_free(ctx)
            throw TLSSession.failure(-0x7F00)
        }
        ssl = s
        SSL_set_fd(s, fd)
        if let name = settings.serverName, !name.isEmpty {
            _ = breadbox_ssl_set_sni(s, name)
            if settings.verifyMode == 2 { SSL_set1_host(s, name) }
        }
    }

    deinit {
        SSL_free(ssl)
        SSL_CTX_free(context)
    }

    /// Carries the handshake on; true once it is done.
    func handshake() throws(NetworkError) -> Bool {
        if established { return true }
        ERR_clear_error()
        let r = SSL_connect(ssl)
        if r != 1 {
            try pending(r, during: true)
            return false
        }
        if settings.verifyMode == 2 {
            let verdict = SSL_get_verify_result(ssl)
            if verdict != X509_V_OK { throw .valueError(TLSSession.mbedTLSVerdict(Int32(verdict))) }
        }
        established = true
        return true
    }

    /// Decrypted bytes, up to `maxCount`; empty at the end of the stream.
    func read(maxCount: Int) throws(NetworkError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: max(1, maxCount))
        ERR_clear_error()
        let n = buffer.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32(clamping: $0.count)) }
        if n > 0 { return Array(buffer.prefix(Int(n))) }
        let e = SSL_get_error(ssl, n)
        if e == SSL_ERROR_ZERO_RETURN { return [] }
        if e == SSL_ERROR_SYSCALL && ERR_peek_error() == 0 { return [] }  // closed without close_notify
        try pending(n, during: false)
        return []
    }

    func write(_ bytes: [UInt8]) throws(NetworkError) -> Int {
        if bytes.isEmpty { return 0 }
        ERR_clear_error()
        let n = bytes.withUnsafeBytes { SSL_write(ssl, $0.baseAddress, Int32(clamping: $0.count)) }
        if n > 0 { return Int(n) }
        try pending(n, during: false)
        return 0
    }

    /// Decrypted bytes already waiting (no need to poll the socket for them).
    var hasPendingPlaintext: Bool { SSL_pending(ssl) > 0 }

    func shutdown() { _ = SSL_shutdown(ssl) }

    var peerCertificate: [UInt8]? {
        guard let cert = SSL_get1_peer_certificate(ssl) else { return nil }
        defer { X509_free(cert) }
        var out: UnsafeMutablePointer<UInt8>?
        let n = i2d_X509(cert, &out)
        guard n > 0, let p = out else { return nil }
        defer { CRYPTO_free(p, #file, #line) }
        return Array(UnsafeBufferPointer(start: p, count: Int(n)))
    }

    /// The suite as mbedTLS names it: the IANA name with dashes
    /// ("TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256").
    var cipherName: String {
        guard let c = SSL_get_current_cipher(ssl), let name = SSL_CIPHER_standard_name(c) else { return "unknown" }
        return String(cString: name).replacingOccurrences(of: "_", with: "-")
    }

    var version: String { String(cString: SSL_get_version(ssl)) }

    /// Throws `.wouldBlock` for a result that only needs the socket again,
    /// else the failure as mbedTLS names it.
    private func pending(_ result: Int32, during handshake: Bool) throws(NetworkError) {
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ:
            wantsWrite = false
            throw .wouldBlock
        case SSL_ERROR_WANT_WRITE:
            wantsWrite = true
            throw .wouldBlock
        case SSL_ERROR_SYSCALL:
            let e = Int(errno)
            if e != 0 && e != Int(EAGAIN) { throw NetworkError(e) }
            throw TLSSession.failure(-0x7280)  // MBEDTLS_ERR_SSL_CONN_EOF
        default:
            if handshake, SSL_get_verify_result(ssl) != X509_V_OK, settings.verifyMode == 2 {
                throw .valueError(TLSSession.mbedTLSVerdict(Int32(SSL_get_verify_result(ssl))))
            }
            // The server sent an alert or something that is not TLS.
            let reason = ERR_GET_REASON(ERR_peek_error())
            if reason == SSL_R_UNEXPECTED_EOF_WHILE_READING {
                throw TLSSession.failure(-0x7280)  // closed without close_notify: MBEDTLS_ERR_SSL_CONN_EOF
            }
            if reason == SSL_R_WRONG_VERSION_NUMBER || reason == SSL_R_PACKET_LENGTH_TOO_LONG {
                throw TLSSession.failure(-0x7200)  // MBEDTLS_ERR_SSL_INVALID_RECORD
            }
            throw TLSSession.failure(-0x7780)  // MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE
        }
    }

    /// mbedTLS's codes by the names MicroPython's error table gives them.
    static let mbedTLSNames: [Int: String] = [
        -0x7280: "MBEDTLS_ERR_SSL_CONN_EOF",
        -0x7780: "MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE",
        -0x7200: "MBEDTLS_ERR_SSL_INVALID_RECORD",
        -0x7F00: "MBEDTLS_ERR_SSL_ALLOC_FAILED",
    ]

    static func failure(_ code: Int) -> NetworkError { .mbedTLS(code) }

    /// mbedtls_x509_crt_verify_info's text for an OpenSSL verdict: each reason
    /// after a newline, as MicroPython raises it.
    static func mbedTLSVerdict(_ verdict: Int32) -> String {
        let reason: String
        switch verdict {
        case X509_V_ERR_CERT_HAS_EXPIRED: reason = "The certificate validity has expired"
        case X509_V_ERR_CERT_NOT_YET_VALID: reason = "The certificate validity starts in the future"
        case X509_V_ERR_HOSTNAME_MISMATCH: reason = "The certificate Common Name (CN) does not match with the expected CN"
        case X509_V_ERR_CERT_REVOKED: reason = "The certificate has been revoked (is on a CRL)"
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN,
             X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE,
             X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, X509_V_ERR_CERT_SIGNATURE_FAILURE, X509_V_ERR_CERT_UNTRUSTED:
            reason = "The certificate is not correctly signed by the trusted CA"
        default: reason = "Other reason (can be used by verify callback)"
        }
        return "\n" + reason + "\n"
    }

    // MARK: Loading certificates and keys (PEM or DER, as mbedTLS accepts)

    private static func withBIO<T>(_ bytes: [UInt8], _ body: (OpaquePointer) -> T) -> T? {
        bytes.withUnsafeBytes { raw -> T? in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(clamping: raw.count)) else { return nil }
            defer { BIO_free(bio) }
            return body(bio)
        }
    }

    private static func isPEM(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: Array("-----BEGIN".utf8)) || String(decoding: bytes.prefix(200), as: UTF8.self).contains("-----BEGIN")
    }

    static func certificates(_ bytes: [UInt8]) -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        if isPEM(bytes) {
            _ = withBIO(bytes) { bio in
                while let c = PEM_read_bio_X509(bio, nil, nil, nil) { out.append(c) }
            }
        } else {
            bytes.withUnsafeBytes { raw in
                var p: UnsafePointer<UInt8>? = raw.baseAddress?.assumingMemoryBound(to: UInt8.self)
                if let c = d2i_X509(nil, &p, raw.count) { out.append(c) }
            }
        }
        return out
    }

    private static func addCertificates(_ bytes: [UInt8], to ctx: OpaquePointer) -> Bool {
        let certs = certificates(bytes)
        guard !certs.isEmpty, let store = SSL_CTX_get_cert_store(ctx) else { return false }
        for c in certs {
            X509_STORE_add_cert(store, c)
            X509_free(c)
        }
        return true
    }

    private static func useCertificate(_ bytes: [UInt8], in ctx: OpaquePointer) -> Bool {
        guard let c = certificates(bytes).first else { return false }
        defer { X509_free(c) }
        return SSL_CTX_use_certificate(ctx, c) == 1
    }

    private static func usePrivateKey(_ bytes: [UInt8], in ctx: OpaquePointer) -> Bool {
        let key: OpaquePointer?
        if isPEM(bytes) {
            key = withBIO(bytes) { PEM_read_bio_PrivateKey($0, nil, nil, nil) } ?? nil
        } else {
            key = bytes.withUnsafeBytes { raw -> OpaquePointer? in
                var p: UnsafePointer<UInt8>? = raw.baseAddress?.assumingMemoryBound(to: UInt8.self)
                return d2i_AutoPrivateKey(nil, &p, raw.count)
            }
        }
        guard let k = key else { return false }
        defer { EVP_PKEY_free(k) }
        return SSL_CTX_use_PrivateKey(ctx, k) == 1
    }
}

extension NetworkError {
    /// mbedTLS's error `code` as MicroPython raises it: OSError(code, "MBEDTLS_ERR_...").
    public static func mbedTLS(_ code: Int) -> NetworkError { NetworkError(code, TLSSession.mbedTLSNames[code]) }
    public static let tlsConnectionEOF = NetworkError.mbedTLS(-0x7280)
}
