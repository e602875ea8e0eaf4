#!/usr/bin/env python3
"""A WebREPL file-transfer client written for the tests from the protocol of
MicroPython's extmod/modwebrepl.c (v1.24.0), with the same command line and the
same bytes on the wire as webrepl_cli.py of https://github.com/micropython/webrepl
(commit 1e09d9a1d90fe52aba11d1e659afbc95a50cf088): the simplified client
handshake, unmasked binary frames, the password sent after "Password: ", the
82-byte "WA" request (a put's header split in two frames, as webrepl_cli sends
it), "WB" responses, a get's chunks requested one zero byte at a time. The
tests run webrepl_cli.py itself when it can be downloaded, and this otherwise.

    webrepl_client.py -p PASSWORD LOCAL HOST:PORT:/REMOTE   # put
    webrepl_client.py -p PASSWORD HOST:PORT:/REMOTE LOCAL   # get

Exit status 0 on success; a refused password or a failed transfer ends with an
AssertionError (status 1), as webrepl_cli.py's asserts do.
"""
import os
import socket
import struct
import sys

REQ = "<2sBBQLH64s"
PUT, GET, VERSION = 1, 2, 3


class WebSocket:
    def __init__(self, sock):
        self.s = sock
        self.buf = b""

    def write(self, data, frame=0x82):
        if len(data) < 126:
            hdr = struct.pack(">BB", frame, len(data))
        else:
            hdr = struct.pack(">BBH", frame, 126, len(data))
        self.s.send(hdr)
        self.s.send(data)

    def exactly(self, n):
        out = b""
        while n:
            d = self.s.recv(n)
            if not d:
                break
            out += d
            n -= len(d)
        return out

    def read(self, size, text_ok=False):
        if not self.buf:
            while True:
                hdr = self.exactly(2)
                assert len(hdr) == 2, "connection closed"
                fl, sz = struct.unpack(">BB", hdr)
                if sz == 126:
                    (sz,) = struct.unpack(">H", self.exactly(2))
                if fl == 0x82 or (text_ok and fl == 0x81):
                    break
                self.exactly(sz)  # another frame type: skipped
            data = self.exactly(sz)
            assert len(data) == sz
            self.buf = data
        d, self.buf = self.buf[:size], self.buf[size:]
        assert len(d) == size, len(d)
        return d


def response(ws):
    sig, code = struct.unpack("<2sH", ws.read(4))
    assert sig == b"WB"
    return code


def main():
    args = sys.argv[1:]
    password = None
    if "-p" in args:
        i = args.index("-p")
        password = args[i + 1]
        del args[i:i + 2]
    assert len(args) == 2 and password is not None, __doc__
    if ":" in args[0]:
        op, remote, local = "get", args[0], args[1]
    else:
        op, local, remote = "put", args[0], args[1]
    host, port, name = remote.split(":", 2)
    s = socket.create_connection((host, int(port)), timeout=20)
    f = s.makefile("rwb", 0)
    f.write(b"GET / HTTP/1.1\r\nHost: echo.websocket.org\r\nConnection: Upgrade\r\n"
            b"Upgrade: websocket\r\nSec-WebSocket-Key: foo\r\n\r\n")
    f.readline()
    while f.readline() != b"\r\n":
        pass
    ws = WebSocket(s)
    while ws.read(1, text_ok=True) != b":":
        pass
    assert ws.read(1, text_ok=True) == b" "
    ws.write(password.encode() + b"\r")
    ws.write(struct.pack(REQ, b"WA", VERSION, 0, 0, 0, 0, b""))
    print("Remote WebREPL version:", struct.unpack("<BBB", ws.read(3)))
    fname = name.encode()
    if op == "put":
        size = os.stat(local).st_size
        rec = struct.pack(REQ, b"WA", PUT, 0, 0, size, len(fname), fname)
        ws.write(rec[:10])
        ws.write(rec[10:])
        assert response(ws) == 0
        with open(local, "rb") as src:
            while True:
                chunk = src.read(1024)
                if not chunk:
                    break
                ws.write(chunk)
        assert response(ws) == 0
    else:
        ws.write(struct.pack(REQ, b"WA", GET, 0, 0, 0, len(fname), fname))
        assert response(ws) == 0
        with open(local, "wb") as dst:
            while True:
                ws.write(b"\0")
                (sz,) = struct.unpack("<H", ws.read(2))
                if sz == 0:
                    break
                while sz:
                    chunk = ws.read(sz)
                    dst.write(chunk)
                    sz -= len(chunk)
        assert response(ws) == 0
    s.close()


if __name__ == "__main__":
    main()
