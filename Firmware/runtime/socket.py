# socket (also usocket): the Python type over the native calls of _socket (SocketModule.swift).
# The constants and getaddrinfo's answer are each port's own: the unix port's
# (the host's values), the rp2 port's (extmod/modlwip.c) and the ESP32's
# (ports/esp32/modsocket.c, lwIP's values).
import sys
from _socket import (_resolve, _open, _close, _fileno, _connect, _bind, _listen, _accept,
                     _send, _sendto, _recv, _recvfrom, _setopt, _ready)

_PORT = sys.platform
AF_INET = 2
AF_INET6 = 10
SOCK_STREAM = 1
SOCK_DGRAM = 2
IPPROTO_IP = 0
IPPROTO_TCP = 6
TCP_NODELAY = 1
if _PORT == 'rp2':
    SOL_SOCKET = 1
    SO_REUSEADDR = 4
    SO_BROADCAST = 32
    IP_ADD_MEMBERSHIP = 3
    IP_DROP_MEMBERSHIP = 4
elif _PORT == 'esp32':
    SOCK_RAW = 3
    IPPROTO_UDP = 17
    SOL_SOCKET = 4095
    SO_REUSEADDR = 4
    SO_BROADCAST = 32
    SO_BINDTODEVICE = 4107
    IP_ADD_MEMBERSHIP = 3
    MSG_PEEK = 1
    MSG_DONTWAIT = 8
else:
    SOCK_RAW = 3
    IPPROTO_UDP = 17
    SOL_SOCKET = 1
    SO_REUSEADDR = 2
    SO_BROADCAST = 6
    SO_KEEPALIVE = 9

def _addr(addr):
    if isinstance(addr, (bytes, bytearray)):
        if len(addr) < 8:
            raise OSError(22)
        return AF_INET, '.'.join([str(b) for b in addr[4:8]]), addr[2] << 8 | addr[3]
    host, port = addr[0], addr[1]
    return (AF_INET6 if ':' in host else AF_INET), host, port


def getaddrinfo(host, port, af=0, type=0, proto=0, flags=0):
    port = int(port)
    out = []
    for fam, ip in _resolve('' if host is None else host, port, af):
        if _PORT == 'rp2':
            # lwIP's own lookup: one stream entry, whatever was asked.
            return [(fam, SOCK_STREAM, 0, '', (ip, port))]
        if _PORT == 'esp32':
            # lwip_getaddrinfo echoes the type and protocol asked, and the name as canonname.
            out.append((fam, type or SOCK_STREAM, proto, host or '0.0.0.0', (ip, port)))
            continue
        if type == SOCK_DGRAM:
            t, p = SOCK_DGRAM, IPPROTO_UDP
        else:
            t, p = SOCK_STREAM, IPPROTO_TCP
        out.append((fam, t, proto or p, '', (ip, port)))
    return out

class socket:
    def __init__(self, af=AF_INET, type=SOCK_STREAM, proto=0, _handle=None):
        if type not in (1, 2):
            raise OSError(22)
        self._af = af
        self._type = type
        self._h = _open(af, type) if _handle is None else _handle
        self._timeout = -1

    def __repr__(self):
        return '<socket>'

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def _handle(self):
        if self._h is None:
            raise OSError(9)
        return self._h

    def fileno(self):
        return _fileno(self._handle())

    def close(self):
        if self._h is not None:
            _close(self._h)
            self._h = None

    def settimeout(self, value):
        if value is None:
            self._timeout = -1
        elif value < 0:
            raise ValueError('timeout must be non-negative')
        else:
            self._timeout = int(value * 1000000000)

    def setblocking(self, flag):
        self._timeout = -1 if flag else 0

    def setsockopt(self, level, option, value):
        if isinstance(value, int):
            _setopt(self._handle(), level, option, value)

    def connect(self, address):
        fam, host, port = _addr(address)
        _connect(self._handle(), fam, host, port, self._timeout)

    def bind(self, address):
        fam, host, port = _addr(address)
        _bind(self._handle(), fam, host, port)

    def listen(self, backlog=2):
        _listen(self._handle(), backlog)

    def accept(self):
        h, fam, host, port = _accept(self._handle(), self._timeout)
        return socket(fam, self._type, 0, h), (host, port)

    def send(self, data):
        return _send(self._handle(), data, self._timeout)

    def sendall(self, data):
        h = self._handle()
        n = len(data)
        sent = _send(h, data, self._timeout)
        while sent < n:
            sent += _send(h, data[sent:], self._timeout)

    def write(self, data, length=-1):
        if length >= 0:
            data = data[:length]
        self.sendall(data)
        return len(data)

    def sendto(self, data, address):
        fam, host, port = _addr(address)
        return _sendto(self._handle(), data, fam, host, port, self._timeout)

    def recv(self, bufsize, flags=0):
        return _recv(self._handle(), bufsize, self._timeout)

    def recvfrom(self, bufsize):
        data, fam, host, port = _recvfrom(self._handle(), bufsize, self._timeout)
        return data, (host, port)

    def read(self, size=-1):
        h = self._handle()
        chunks = []
        got = 0
        while size < 0 or got < size:
            try:
                chunk = _recv(h, 4096 if size < 0 else size - got, self._timeout)
            except OSError as e:
                if self._timeout == 0 and e.errno == 11:
                    if not chunks:
                        return None
                    break
                raise
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        return b''.join(chunks)

    def readinto(self, buf, nbytes=-1):
        n = len(buf) if nbytes < 0 else min(nbytes, len(buf))
        data = self.read(n)
        if data is None:
            return None
        for i in range(len(data)):
            buf[i] = data[i]
        return len(data)

    def readline(self):
        h = self._handle()
        line = bytearray()
        while True:
            c = _recv(h, 1, self._timeout)
            if not c:
                break
            line += c
            if c == b'\n':
                break
        return bytes(line)

    def makefile(self, mode='rb', buffering=0):
        return self

    def ioctl(self, request, arg):
        if request != 3:
            raise OSError(22)
        return _ready(self._handle(), arg)
