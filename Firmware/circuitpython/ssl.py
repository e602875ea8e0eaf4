# ssl: CircuitPython 9.1.4's module (shared-bindings/ssl, shared-module/ssl over
# mbedTLS) on the board's sockets: the handshake goes to _tls._start (the
# runtime's network, OpenSSL underneath). Certificates are verified by default,
# against the CAs loaded here, else the --ca-file, else the host's store (the
# firmware's built-in roots). SSLSocket has the methods the firmware's has: no
# sendall, no recv; connect() connects and then shakes hands.
from _tls import _start
from socketpool import _raise

_CERT_NONE, _CERT_REQUIRED = 0, 2
# mbedtls_strerror(MBEDTLS_ERR_X509_CERT_VERIFY_FAILED), as mbedtls_raise_error puts it.
_VERIFY_FAILED = (-9984, 'X509 - Certificate verification failed, e.g. CRL, CA or signature check failed')


def _data(value):
    return value.encode() if isinstance(value, str) else bytes(value)


class SSLContext:
    def __init__(self):
        self._cadata = None
        self._cert = None
        self._key = None
        self.check_hostname = True

    def load_verify_locations(self, cafile=None, capath=None, cadata=None):
        if cafile is not None:
            raise NotImplementedError('cafile')
        if capath is not None:
            raise NotImplementedError('capath')
        self._cadata = None if cadata is None else _data(cadata)

    def set_default_verify_paths(self):
        self._cadata = None

    def load_cert_chain(self, certfile, keyfile):
        with open(certfile, 'rb') as f:
            self._cert = f.read()
        with open(keyfile, 'rb') as f:
            self._key = f.read()

    def wrap_socket(self, sock, server_side=False, server_hostname=None):
        if server_side and server_hostname is not None:
            raise ValueError('Server side context cannot have hostname')
        if server_side:
            raise OSError(95)  # EOPNOTSUPP: boards here serve TLS only through the host
        return SSLSocket(self, sock, server_hostname)


def create_default_context():
    return SSLContext()


class SSLSocket:
    def __init__(self, context, sock, server_hostname):
        self._context = context
        self._sock = sock
        self._hostname = server_hostname
        self._closed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __hash__(self):
        return id(self)

    def __eq__(self, other):
        return self is other

    def _handle(self):
        if self._closed:
            raise OSError(9)  # EBADF
        return self._sock._handle()

    def connect(self, address):
        self._sock.connect(address)
        c = self._context
        verify = _CERT_REQUIRED if c.check_hostname else _CERT_NONE
        hostname = self._hostname if c.check_hostname else None
        try:
            _start(self._sock._handle(), hostname, verify, c._cadata, c._cert, c._key, self._sock._timeout)
        except ValueError:
            raise OSError(*_VERIFY_FAILED) from None
        except OSError as e:
            _raise(e)

    def close(self):
        if not self._closed:
            self._closed = True
            self._sock.close()

    def send(self, data):
        self._handle()
        return self._sock.send(data)

    def recv_into(self, buffer, bufsize=0):
        self._handle()
        return self._sock.recv_into(buffer, bufsize)

    def settimeout(self, value):
        self._sock.settimeout(value)

    def setblocking(self, flag):
        self._sock.setblocking(flag)

    def setsockopt(self, level, optname, value):
        self._sock.setsockopt(level, optname, value)

    def bind(self, address):
        self._sock.bind(address)

    def listen(self, backlog):
        self._sock.listen(backlog)

    def accept(self):
        raise OSError(95)  # no TLS server side on the board here
