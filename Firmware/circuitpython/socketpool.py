# socketpool: CircuitPython 9.1.4's module (shared-bindings/socketpool) over the
# natives of _socket (SocketModule.swift), as the raspberrypi port
# (common-hal/socketpool, lwIP's raw API) and the espressif port (lwIP sockets)
# behave: errno numbers are newlib's on both (CircuitPython builds without
# MICROPY_USE_INTERNAL_ERRNO, so ETIMEDOUT is 116, as its errno module says), getaddrinfo's one-entry
# answer, gaierror for names that do not resolve, and 8 sockets at most
# (raspberrypi MAX_SOCKETS 8; espressif CONFIG_LWIP_MAX_SOCKETS=8 in
# esp-idf-config/sdkconfig.defaults) beyond which socket() raises
# RuntimeError('Out of sockets'). The Pico W's lwIP has lwIP's default 5 TCP
# and 4 UDP control blocks (ports/raspberrypi/lwip_inc/lwipopts.h sets neither
# MEMP_NUM_TCP_PCB nor MEMP_NUM_UDP_PCB): a sixth TCP or fifth UDP socket raises
# ENOMEM first.
import _network
from _socket import (_resolve, _open, _close, _connect, _bind, _listen, _accept,
                     _send, _sendto, _recv, _recvfrom, _setopt)

_RP2 = _network.port == 'rp2'
_MAX_SOCKETS = 8
# The natives raise Linux numbers (MicroPython's); these are the ones that differ in newlib.
_ETIMEDOUT, _EINPROGRESS, _ECONNREFUSED, _ECONNRESET = 110, 115, 111, 104
_ERRNO = {110: 116, 113: 118, 115: 119, 107: 128, 106: 127, 114: 120, 98: 112, 103: 113}


def _raise(e):
    n = e.errno
    if n in _ERRNO:
        raise OSError(_ERRNO[n]) from None
    raise e


class gaierror(OSError):
    pass


_open_sockets = []


def _resolve_ipv4(host):
    # The stack answers a dotted-quad address itself, without a lookup.
    try:
        found = _resolve(host, 0, 2)
    except OSError:
        found = None
    if not found:
        raise gaierror(-2, 'Name or service not known')
    return found[0][1]


class Socket:
    def __init__(self, pool, family, type, proto):
        self._pool = pool
        self._type = type
        self._timeout = -1
        self._connected = False
        self._h = _open(family, type)
        _open_sockets.append(self)

    @property
    def type(self):
        return self._type

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __hash__(self):
        return id(self)

    def __eq__(self, other):
        return self is other

    def _handle(self):
        if self._h is None:
            raise OSError(9)  # EBADF
        return self._h

    def close(self):
        if self._h is not None:
            _close(self._h)
            self._h = None
            self._connected = False
            if self in _open_sockets:
                _open_sockets.remove(self)

    def settimeout(self, value):
        if value is None:
            self._timeout = -1
        else:
            # The ports keep whole milliseconds.
            self._timeout = int(value * 1000) * 1000000

    def setblocking(self, flag):
        self._timeout = -1 if flag else 0

    def setsockopt(self, level, optname, value):
        if isinstance(value, int):
            try:
                _setopt(self._handle(), level, optname, value)
            except OSError as e:
                _raise(e)

    def connect(self, address):
        host, port = address
        if port < 0:
            raise ValueError('port must be >= 0')
        h = self._handle()
        ip = _resolve_ipv4(host)
        timeout = self._timeout
        if _RP2 and timeout > 0:
            # The rp2 port waits in 100 ms steps and gives up with EINPROGRESS.
            timeout = timeout // 100000000 * 100000000
        try:
            if _RP2 and timeout == 0:
                raise OSError(_ERRNO[_EINPROGRESS])
            _connect(h, 2, ip, port, timeout)
        except OSError as e:
            if _RP2 and e.errno == _ETIMEDOUT:
                raise OSError(_ERRNO[_EINPROGRESS]) from None
            if _RP2 and e.errno == _ECONNREFUSED:
                # lwIP's tcp_err callback hands over ERR_RST for a refused connection.
                raise OSError(_ECONNRESET) from None
            _raise(e)
        self._connected = True

    def bind(self, address):
        host, port = address
        if port < 0:
            raise ValueError('port must be >= 0')
        try:
            _bind(self._handle(), 2, host or '0.0.0.0', port)
        except OSError as e:
            _raise(e)

    def listen(self, backlog):
        try:
            _listen(self._handle(), backlog)
        except OSError as e:
            _raise(e)

    def accept(self):
        if len(_open_sockets) >= _MAX_SOCKETS:
            raise RuntimeError('Out of sockets')
        try:
            h, fam, host, port = _accept(self._handle(), self._timeout)
        except OSError as e:
            _raise(e)
        s = Socket.__new__(Socket)
        s._pool = self._pool
        s._type = self._type
        s._timeout = -1
        s._connected = True
        s._h = h
        _open_sockets.append(s)
        return s, (host, port)

    def send(self, data):
        h = self._handle()
        if not self._connected:
            raise BrokenPipeError
        try:
            return _send(h, data, self._timeout)
        except OSError as e:
            if e.errno in (11, _ETIMEDOUT):
                _raise(e)
            raise BrokenPipeError from None

    def sendall(self, data):
        h = self._handle()
        if not self._connected:
            raise BrokenPipeError
        view = memoryview(data)
        sent = 0
        while sent < len(view):
            try:
                sent += _send(h, view[sent:], self._timeout)
            except OSError as e:
                if e.errno in (11, _ETIMEDOUT):
                    _raise(e)
                raise BrokenPipeError from None

    def recv_into(self, buffer, bufsize=0):
        h = self._handle()
        n = len(buffer)
        if bufsize > n:
            raise ValueError('buffer too small for requested bytes')
        if 0 < bufsize < n:
            n = bufsize
        if n == 0:
            return 0
        try:
            data = _recv(h, n, self._timeout)
        except OSError as e:
            _raise(e)
        got = len(data)
        buffer[:got] = data
        return got

    def sendto(self, data, address):
        host, port = address
        if port < 0:
            raise ValueError('port must be >= 0')
        ip = _resolve_ipv4(host)
        try:
            return _sendto(self._handle(), data, 2, ip, port, self._timeout)
        except OSError as e:
            _raise(e)

    def recvfrom_into(self, buffer):
        try:
            data, fam, host, port = _recvfrom(self._handle(), len(buffer), self._timeout)
        except OSError as e:
            _raise(e)
        buffer[:len(data)] = data
        return len(data), (host, port)


class SocketPool:
    AF_INET = 2
    AF_INET6 = 10
    SOCK_STREAM = 1
    SOCK_DGRAM = 2
    SOCK_RAW = 3
    SOL_SOCKET = 0xfff
    SO_REUSEADDR = 0x0004
    TCP_NODELAY = 1
    IPPROTO_IP = 0
    IPPROTO_ICMP = 1
    IPPROTO_TCP = 6
    IPPROTO_UDP = 17
    IPPROTO_IPV6 = 41
    IPPROTO_RAW = 255
    IP_MULTICAST_TTL = 5
    EAI_NONAME = -2
    gaierror = gaierror

    def __init__(self, radio):
        import wifi
        if radio is not wifi.radio:
            raise ValueError('SocketPool can only be used with wifi.radio')
        self._radio = radio

    def socket(self, family=2, type=1, proto=0):
        if family != 2:
            raise NotImplementedError('Only IPv4 sockets supported')
        if type not in (1, 2, 3):
            raise ValueError('Invalid %s' % 'type')
        if len(_open_sockets) >= _MAX_SOCKETS:
            raise RuntimeError('Out of sockets')
        return Socket(self, family, type, proto)

    def getaddrinfo(self, host, port, family=0, type=0, proto=0, flags=0):
        if not isinstance(host, str):
            raise TypeError("can't convert to str implicitly")
        ip = _resolve_ipv4(host)
        return [(2, 1, 0, '', (ip, port))]
