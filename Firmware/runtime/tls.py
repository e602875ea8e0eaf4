# tls: MicroPython's TLS module (extmod/modtls_mbedtls.c) over the natives of
# _tls (TLSModule.swift): _start hands the handshake to the runtime's network
# (OpenSSL underneath), after which the socket carries plaintext.
from _tls import _start, _peer
PROTOCOL_TLS_CLIENT = 0
PROTOCOL_TLS_SERVER = 1
CERT_NONE = 0
CERT_OPTIONAL = 1
CERT_REQUIRED = 2
MBEDTLS_VERSION = 'Mbed TLS 3.5.1'


def _data(value):
    # Certificates and keys: bytes-like or str (PEM text), as asn1_get_data takes them.
    if isinstance(value, str):
        return value.encode()
    return bytes(value)


class SSLContext:
    def __init__(self, protocol):
        if not isinstance(protocol, int):
            raise TypeError("can't convert %s to int" % type(protocol).__name__)
        self._server = protocol == PROTOCOL_TLS_SERVER
        self.verify_mode = CERT_NONE if self._server else CERT_REQUIRED
        self._cadata = None
        self._cert = None
        self._key = None

    def load_cert_chain(self, certfile, keyfile):
        self._cert = _data(certfile)
        self._key = _data(keyfile)

    def load_verify_locations(self, cadata):
        cadata = _data(cadata)
        self._cadata = cadata if self._cadata is None else self._cadata + b'\n' + cadata

    def wrap_socket(self, sock, *, server_side=False, do_handshake_on_connect=True, server_hostname=None):
        if server_side or self._server:
            raise OSError(95)  # EOPNOTSUPP: boards here serve TLS only through the host
        if server_hostname is None and self.verify_mode == CERT_REQUIRED:
            raise ValueError('CERT_REQUIRED requires server_hostname')
        return SSLSocket(sock, self, server_hostname, do_handshake_on_connect)


class SSLSocket:
    def __init__(self, sock, context, server_hostname, handshake):
        self._sock = sock
        self._context = context
        self._hostname = server_hostname
        self._done = False
        if handshake:
            self._handshake()

    def __repr__(self):
        return '<SSLSocket>'

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def _handshake(self):
        c = self._context
        _start(self._sock._handle(), self._hostname, c.verify_mode, c._cadata, c._cert, c._key, self._sock._timeout)
        self._done = True

    def _ready(self):
        # A handshake left for later (do_handshake_on_connect=False) happens on first use;
        # on a non-blocking socket it may not be finished yet (None, as a read that would block).
        if self._done:
            return True
        try:
            self._handshake()
        except OSError as e:
            if e.errno == 11 and self._sock._timeout == 0:
                return False
            raise
        return True

    def read(self, size=-1):
        return self._sock.read(size) if self._ready() else None

    def readinto(self, buf, nbytes=-1):
        return self._sock.readinto(buf, nbytes) if self._ready() else None

    def readline(self):
        return self._sock.readline() if self._ready() else None

    def write(self, data):
        return self._sock.write(data) if self._ready() else None

    def setblocking(self, flag):
        self._sock.setblocking(flag)

    def settimeout(self, value):
        self._sock.settimeout(value)

    def fileno(self):
        return self._sock.fileno()

    def ioctl(self, request, arg):
        return self._sock.ioctl(request, arg)

    def close(self):
        self._sock.close()

    def getpeercert(self, binary_form=False):
        if not binary_form:
            raise NotImplementedError
        peer = _peer(self._sock._handle())
        return None if peer is None else peer[0]

    def cipher(self):
        peer = _peer(self._sock._handle())
        if peer is None:
            raise OSError(107)  # ENOTCONN: no session yet
        return peer[1]
