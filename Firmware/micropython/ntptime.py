# ntptime: the time from an NTP server (one query over UDP), as micropython-lib's.
from time import gmtime
import socket
import struct

# Both may be changed at run time: ntptime.host = "...", ntptime.timeout = 2.
host = "pool.ntp.org"
timeout = 1  # seconds


def time():
    query = bytearray(48)
    query[0] = 0x23  # leap 0, version 4, mode 3 (client)
    addr = socket.getaddrinfo(host, 123)[0][-1]
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        s.settimeout(timeout)
        s.sendto(query, addr)
        msg = s.recv(48)
    finally:
        s.close()
    # The transmit timestamp's seconds since 1900.
    val = struct.unpack("!I", msg[40:44])[0]

    # NTP seconds wrap to 0 in February 2036. Nothing older than 2024-01-01
    # (NTP 3913056000) can be the real time, so a smaller value has wrapped
    # (good until 2160).
    if val < 3913056000:
        val += 0x100000000

    epoch_year = gmtime(0)[0]
    if epoch_year == 2000:
        ntp_delta = 3155673600  # seconds from 1900-01-01 to 2000-01-01
    elif epoch_year == 1970:
        ntp_delta = 2208988800  # seconds from 1900-01-01 to 1970-01-01
    else:
        raise Exception("Unsupported epoch: {}".format(epoch_year))
    return val - ntp_delta


# Sets the RTC to UTC (MicroPython has no time zones).
def settime():
    t = time()
    import machine

    tm = gmtime(t)
    # RTC.datetime wants (year, month, day, weekday, hours, minutes, seconds, subseconds).
    machine.RTC().datetime((tm[0], tm[1], tm[2], tm[6] + 1, tm[3], tm[4], tm[5], 0))
