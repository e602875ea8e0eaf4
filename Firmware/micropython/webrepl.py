# webrepl: MicroPython's WebREPL (micropython-lib micropython/net/webrepl/
# webrepl.py, which v1.24.0 freezes into the Pico W and ESP32 builds through
# bundle-networking). The texts it prints and its reading of webrepl_cfg.py
# are upstream's; the server (the listening socket, the WebSocket handshake,
# the password prompt, the REPL and the file transfers of extmod/modwebrepl.c)
# is the board's WebREPL service, reached through _webreplserver.
# setup_conn and accept_conn, which pass a listening socket and an accept
# callback (socket option 20) to os.dupterm, have no counterpart here and are
# not offered; nor is start's accept_handler argument.
import network
import time
import _webreplserver

_DEFAULT_STATIC_HOST = "https://micropython.org/webrepl/"
static_host = _DEFAULT_STATIC_HOST


def stop():
    _webreplserver.stop()


def _start(port, password, foreground):
    global static_host
    stop()
    webrepl_pass = password
    if webrepl_pass is None:
        try:
            import webrepl_cfg

            webrepl_pass = webrepl_cfg.PASS
            if hasattr(webrepl_cfg, "BASE"):
                static_host = webrepl_cfg.BASE
        except:
            print("WebREPL is not configured, run 'import webrepl_setup'")

    _webreplserver.password(webrepl_pass)
    _webreplserver.listen(port, static_host)
    for i in (network.AP_IF, network.STA_IF):
        iface = network.WLAN(i)
        if iface.active():
            print("WebREPL server started on http://%s:%d/" % (iface.ifconfig()[0], port))

    if foreground:
        print("Starting webrepl in foreground mode")
        # Upstream serves the page until a WebSocket client comes; the service does that meanwhile.
        while not _webreplserver.attached():
            time.sleep_ms(10)
    elif password is None:
        print("Started webrepl in normal mode")
    else:
        print("Started webrepl in manual override mode")


def start(port=8266, password=None):
    _start(port, password, False)


def start_foreground(port=8266, password=None):
    _start(port, password, True)
