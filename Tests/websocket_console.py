#!/usr/bin/env python3
"""A WebSocket console client for the boards' serial over Wi-Fi, used by the
tests: CircuitPython's web workflow (/cp/serial/, behind Basic auth) and
MicroPython's WebREPL (/). It performs the RFC 6455 handshake (checking the
server's accept key), sends text frames masked as a browser does, and runs a
script of steps, each bounded in time:

    --send TEXT       send TEXT as one text frame (Python escapes: \\r, \\x03)
    --expect TEXT     wait until the text received so far contains TEXT
    --expect-close    wait until the server closes the connection

Everything received is printed at the end. Exit status 0 when every step
succeeded, 1 otherwise (with the step that failed on stderr).

    python3 Tests/websocket_console.py --port 8080 --path /cp/serial/ \\
        --password passw0rd --expect '' --send '\\r' --expect '>>> '
"""
import argparse
import base64
import hashlib
import os
import socket
import struct
import sys
import time

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class Steps(argparse.Action):
    """Keeps --send/--expect/--expect-close in the order given."""

    def __call__(self, parser, namespace, values, option_string=None):
        steps = getattr(namespace, "steps", None) or []
        kind = option_string.lstrip("-")
        text = values if isinstance(values, str) else ""
        steps.append((kind, text.encode("utf-8").decode("unicode_escape")))
        namespace.steps = steps


def handshake(sock, host, port, path, password, deadline):
    key = base64.b64encode(os.urandom(16)).decode()
    lines = [
        "GET %s HTTP/1.1" % path,
        "Host: %s:%d" % (host, port),
        "Upgrade: websocket",
        "Connection: Upgrade",
        "Sec-WebSocket-Key: " + key,
        "Sec-WebSocket-Version: 13",
    ]
    if password is not None:
        lines.append("Authorization: Basic " + base64.b64encode((":" + password).encode()).decode())
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        if time.monotonic() > deadline:
            raise SystemExit("handshake: no answer in time; got %r" % head)
        chunk = sock.recv(1)
        if not chunk:
            raise SystemExit("handshake: connection closed; got %r" % head)
        head += chunk
    status = head.split(b"\r\n", 1)[0]
    if b" 101 " not in status:
        raise SystemExit("handshake: %s" % status.decode("latin-1"))
    want = base64.b64encode(hashlib.sha1(key.encode() + GUID).digest())
    if b"Sec-WebSocket-Accept: " + want not in head:
        raise SystemExit("handshake: wrong accept key in %r" % head)


def frame(text):
    payload = text.encode("utf-8")
    mask = os.urandom(4)
    n = len(payload)
    if n < 126:
        header = struct.pack(">BB", 0x81, 0x80 | n)
    else:
        header = struct.pack(">BBH", 0x81, 0x80 | 126, n)
    return header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


class Reader:
    def __init__(self, sock):
        self.sock = sock
        self.buf = b""
        self.text = ""
        self.closed = False

    def pump(self, until):
        """Reads frames until `until` (a monotonic time); stops early on close."""
        while not self.closed and time.monotonic() < until:
            self.sock.settimeout(max(0.01, min(0.2, until - time.monotonic())))
            try:
                chunk = self.sock.recv(4096)
            except socket.timeout:
                return
            except OSError:
                self.closed = True
                return
            if not chunk:
                self.closed = True
                return
            self.buf += chunk
            self.parse()
            return

    def parse(self):
        while len(self.buf) >= 2:
            opcode = self.buf[0] & 0x0F
            n = self.buf[1] & 0x7F
            at = 2
            if n == 126:
                if len(self.buf) < 4:
                    return
                n = struct.unpack(">H", self.buf[2:4])[0]
                at = 4
            elif n == 127:
                if len(self.buf) < 10:
                    return
                n = struct.unpack(">Q", self.buf[2:10])[0]
                at = 10
            if len(self.buf) < at + n:
                return
            payload = self.buf[at:at + n]
            self.buf = self.buf[at + n:]
            if opcode in (0x1, 0x0):
                self.text += payload.decode("utf-8", "replace")
            elif opcode == 0x8:
                self.closed = True


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--path", default="/")
    p.add_argument("--password", help="Basic auth with an empty user name (the web workflow)")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds each step may take")
    p.add_argument("--send", action=Steps)
    p.add_argument("--expect", action=Steps)
    p.add_argument("--expect-close", nargs=0, action=Steps)
    args = p.parse_args()
    steps = getattr(args, "steps", None) or []

    sock = socket.create_connection((args.host, args.port), timeout=args.timeout)
    handshake(sock, args.host, args.port, args.path, args.password, time.monotonic() + args.timeout)
    reader = Reader(sock)
    ok = True
    for kind, text in steps:
        deadline = time.monotonic() + args.timeout
        if kind == "send":
            sock.sendall(frame(text))
            continue
        if kind == "expect":
            while text not in reader.text and not reader.closed and time.monotonic() < deadline:
                reader.pump(deadline)
            if text not in reader.text:
                print("step --expect %r failed" % text, file=sys.stderr)
                ok = False
                break
        elif kind == "expect-close":
            while not reader.closed and time.monotonic() < deadline:
                reader.pump(deadline)
            if not reader.closed:
                print("step --expect-close failed", file=sys.stderr)
                ok = False
                break
    sock.close()
    sys.stdout.write(reader.text)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
