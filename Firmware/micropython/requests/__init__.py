# requests: HTTP/1.1 client, as micropython-lib's `requests` (1.1.x) behaves.
# One request per connection (`Connection: close`); the body is streamed from
# the socket through `Response.raw`.
import socket


class BodyStream:
    # Reads a body of known length (`remaining` >= 0) or a chunked body
    # (`remaining` < 0: the next chunk's size line is still to be read).
    def __init__(self, sock, remaining):
        self._sock = sock
        self._chunk = remaining < 0
        self._remaining = remaining

    def read(self, n=-1):
        buf = bytearray(256 if n < 0 else n)
        if n >= 0:
            got = self.readinto(buf)
            if not got:
                return b""
            return buf[:got]
        out = b""
        while True:
            got = self.readinto(buf)
            if not got:
                return out
            out += buf[:got]

    def readinto(self, buf):
        sock = self._sock
        if self._remaining <= 0:
            if self._remaining == 0:
                return 0
            # Chunk size in hex, perhaps followed by ";extensions".
            self._remaining = int(sock.readline().split(b";")[0], 16)
            if self._remaining == 0:
                # Last chunk: skip the trailer up to its blank line.
                while True:
                    line = sock.readline()
                    if not line or line == b"\r\n":
                        return 0
        if len(buf) > self._remaining:
            buf = memoryview(buf)[: self._remaining]
        got = sock.readinto(buf)
        if not got:
            raise ValueError("Connection closed before body complete")
        self._remaining -= got
        if self._remaining == 0 and self._chunk:
            sock.readline()  # the CRLF after the chunk's data
            self._remaining = -1
        return got

    def close(self):
        self._sock.close()


class Response:
    def __init__(self, f):
        self.raw = f
        self.encoding = "utf-8"
        self._cached = None

    def close(self):
        if self.raw:
            self.raw.close()
            self.raw = None
        self._cached = None

    @property
    def content(self):
        if self._cached is None:
            try:
                self._cached = self.raw.read()
            finally:
                self.raw.close()
                self.raw = None
        return self._cached

    @property
    def text(self):
        return str(self.content, self.encoding)

    def json(self):
        import json

        return json.loads(self.content)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()


def request(
    method,
    url,
    data=None,
    json=None,
    headers=None,
    stream=None,
    auth=None,
    timeout=None,
    parse_headers=True,
):
    # The caller's dict is left as it was (a redirect reuses the copy).
    headers = {} if headers is None else headers.copy()
    redirect = None
    # An iterator without a length is sent chunk by chunk.
    chunked_data = data and getattr(data, "__next__", None) and not getattr(data, "__len__", None)

    if auth is not None:
        import binascii

        user, password = auth
        token = binascii.b2a_base64(b"{}:{}".format(user, password))[:-1]
        headers["Authorization"] = "Basic {}".format(str(token, "ascii"))

    try:
        proto, _, host, path = url.split("/", 3)
    except ValueError:
        proto, _, host = url.split("/", 2)
        path = ""
    if proto == "http:":
        port = 80
    elif proto == "https:":
        import tls

        port = 443
    else:
        raise ValueError("Unsupported protocol: " + proto)

    # A query or fragment straight after the host ("http://h?q") belongs to the path.
    for mark in "?#":
        if mark in host:
            host, rest = host.split(mark, 1)
            path = mark + rest + path

    if ":" in host:
        host, port = host.split(":", 1)
        port = int(port)

    ai = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)[0]

    resp_d = None if parse_headers is False else {}

    s = socket.socket(ai[0], socket.SOCK_STREAM, ai[2])
    if timeout is not None:
        s.settimeout(timeout)

    try:
        s.connect(ai[-1])
        if proto == "https:":
            context = tls.SSLContext(tls.PROTOCOL_TLS_CLIENT)
            context.verify_mode = tls.CERT_NONE
            s = context.wrap_socket(s, server_hostname=host)
        s.write(b"%s /%s HTTP/1.1\r\n" % (method, path))

        if "Host" not in headers:
            headers["Host"] = host

        if json is not None:
            assert data is None
            from json import dumps

            data = dumps(json)
            if "Content-Type" not in headers:
                headers["Content-Type"] = "application/json"

        if data:
            if chunked_data:
                if "Transfer-Encoding" not in headers and "Content-Length" not in headers:
                    headers["Transfer-Encoding"] = "chunked"
            else:
                if isinstance(data, str):
                    data = bytes(data, "utf-8")
                if "Content-Length" not in headers:
                    headers["Content-Length"] = str(len(data))

        if "Connection" not in headers:
            headers["Connection"] = "close"

        for k in headers:
            s.write(k)
            s.write(b": ")
            s.write(headers[k])
            s.write(b"\r\n")
        s.write(b"\r\n")

        if data:
            if not chunked_data:
                s.write(data)
            elif headers.get("Transfer-Encoding", None) == "chunked":
                for chunk in data:
                    s.write(b"%x\r\n" % len(chunk))
                    s.write(chunk)
                    s.write(b"\r\n")
                s.write("0\r\n\r\n")
            else:
                for chunk in data:
                    s.write(chunk)

        line = s.readline().split(None, 2)
        if len(line) < 2:
            raise ValueError("HTTP error: BadStatusLine:\n%s" % line)
        status = int(line[1])
        reason = line[2].rstrip() if len(line) > 2 else ""
        remaining = None
        chunked = False
        while True:
            line = s.readline()
            if not line or line == b"\r\n":
                break
            lower = line.lower()
            if lower.startswith(b"transfer-encoding:"):
                if b"chunked" in line:
                    chunked = True
            elif lower.startswith(b"location:") and not 200 <= status <= 299:
                if status in (301, 302, 303, 307, 308):
                    redirect = str(line[10:-2], "utf-8")
                    if redirect.startswith("/"):
                        redirect = proto + "//" + host + ":" + str(port) + redirect
                else:
                    raise NotImplementedError("Redirect %d not yet supported" % status)
            if parse_headers is True:
                k, v = str(line, "utf-8").split(":", 1)
                v = v.strip()
                resp_d[k] = v
                if lower.startswith(b"content-length:"):
                    remaining = int(v)
            elif parse_headers is not False:
                parse_headers(line, resp_d)
    except OSError:
        s.close()
        raise

    if redirect:
        s.close()
        # The new URL names its own host.
        headers.pop("Host", None)
        if status in (301, 302, 303):
            return request("GET", redirect, None, None, headers, stream)
        return request(method, redirect, data, json, headers, stream)

    if chunked:
        resp = Response(BodyStream(s, -1))
    elif remaining is not None:
        resp = Response(BodyStream(s, remaining))
    else:
        resp = Response(s)
    resp.status_code = status
    resp.reason = reason
    if resp_d is not None:
        resp.headers = resp_d
    return resp


def head(url, **kw):
    return request("HEAD", url, **kw)


def get(url, **kw):
    return request("GET", url, **kw)


def post(url, **kw):
    return request("POST", url, **kw)


def put(url, **kw):
    return request("PUT", url, **kw)


def patch(url, **kw):
    return request("PATCH", url, **kw)


def delete(url, **kw):
    return request("DELETE", url, **kw)
