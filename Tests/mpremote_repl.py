"""Runs `mpremote connect URL repl` in a pseudo-terminal as a person would:
types each line, waits for what it expects, then leaves with Ctrl-].

Usage: mpremote_repl.py URL SEND EXPECT [SEND EXPECT ...]
Prints everything mpremote showed; exits 1 when an expected text did not
appear within 10 seconds, 0 otherwise.
"""
import os, pty, select, sys, time

url, steps = sys.argv[1], sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp("mpremote", ["mpremote", "connect", url, "repl"])

seen = b""


def read_until(text, seconds):
    global seen
    end = time.monotonic() + seconds
    while text.encode() not in seen and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                seen += os.read(fd, 4096)
            except OSError:
                break
    return text.encode() in seen


ok = read_until("to exit this shell", 10)
# mpremote puts its terminal in raw mode after that line; typed before, a CR
# would reach the board as LF (the line discipline's ICRNL).
time.sleep(0.5)
for i in range(0, len(steps), 2):
    if not ok:
        break
    os.write(fd, steps[i].encode().decode("unicode_escape").encode("latin-1"))
    ok = read_until(steps[i + 1], 10)
os.write(fd, b"\x1d")
deadline = time.monotonic() + 5
while time.monotonic() < deadline:
    done, _ = os.waitpid(pid, os.WNOHANG)
    if done:
        break
    read_until("\0never\0", 0.1)
else:
    os.kill(pid, 9)
sys.stdout.write(seen.decode("utf-8", "replace"))
sys.exit(0 if ok else 1)
