"""Talks to a serial port the way a tool does, one connection per session.

Usage: pyserial_sessions.py URL SESSIONS_JSON
SESSIONS_JSON is a list of sessions, each a list of [send, wanted, seconds]
steps: the step writes `send`, then reads until the regular expression
`wanted` matches or `seconds` pass. Prints, as JSON, what each step read.
"""
import json, re, sys, time
import serial
url, sessions = sys.argv[1], json.loads(sys.argv[2])
transcripts = []
for steps in sessions:
    port = serial.serial_for_url(url, timeout=0.1)
    got = []
    for send, wanted, seconds in steps:
        port.write(send.encode())
        data = b''
        end = time.monotonic() + seconds
        while not re.search(wanted.encode(), data) and time.monotonic() < end:
            data += port.read(port.in_waiting or 1)
        got.append(data.decode('utf-8', 'replace'))
    port.close()
    transcripts.append(got)
print(json.dumps(transcripts))
