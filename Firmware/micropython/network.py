# network: the board's Wi-Fi as MicroPython's rp2 port (extmod/network_cyw43.c,
# the Pico W's CYW43 chip) and ESP32 port (ports/esp32/network_wlan.c) offer it,
# over _network (BoardNetwork's WiFiRadio in Swift). Each port keeps its own
# status codes, scan tuples, config keys, reprs and error texts.
import _network

_RP2 = _network.port == 'rp2'
STA_IF = 0
AP_IF = 1

# The radio's states (WiFiRadio.StationState) as each port reports them.
_IDLE, _JOINING, _CONNECTED, _NO_AP, _BAD_PASSWORD, _LINK_LOST = 0, 1, 2, 3, 4, 5

if _RP2:
    STAT_IDLE = 0
    STAT_CONNECTING = 1
    STAT_GOT_IP = 3
    STAT_CONNECT_FAIL = -1
    STAT_NO_AP_FOUND = -2
    STAT_WRONG_PASSWORD = -3
    _STATUS = {_IDLE: 0, _JOINING: 1, _CONNECTED: 3, _NO_AP: -2, _BAD_PASSWORD: -3, _LINK_LOST: 1}
    _hostname = 'PicoW'
else:
    STAT_IDLE = 1000
    STAT_CONNECTING = 1001
    STAT_GOT_IP = 1010
    STAT_BEACON_TIMEOUT = 200
    STAT_NO_AP_FOUND = 201
    STAT_WRONG_PASSWORD = 202
    STAT_ASSOC_FAIL = 203
    STAT_HANDSHAKE_TIMEOUT = 204
    STAT_NO_AP_FOUND_IN_RSSI_THRESHOLD = 211
    STAT_NO_AP_FOUND_IN_AUTHMODE_THRESHOLD = 212
    STAT_NO_AP_FOUND_W_COMPATIBLE_SECURITY = 210
    _STATUS = {_IDLE: 1000, _JOINING: 1001, _CONNECTED: 1010, _NO_AP: 201, _BAD_PASSWORD: 202, _LINK_LOST: 200}
    AUTH_OPEN = 0
    AUTH_WEP = 1
    AUTH_WPA_PSK = 2
    AUTH_WPA2_PSK = 3
    AUTH_WPA_WPA2_PSK = 4
    AUTH_WPA2_ENTERPRISE = 5
    AUTH_WPA3_PSK = 6
    AUTH_WPA2_WPA3_PSK = 7
    AUTH_WAPI_PSK = 8
    AUTH_OWE = 9
    AUTH_WPA3_ENT_192 = 10
    AUTH_MAX = 11
    MODE_11B = 1
    MODE_11G = 2
    MODE_11N = 4
    MODE_LR = 8
    _hostname = 'mpy-' + _network.chip

_country = 'XX'


def hostname(*args):
    global _hostname
    if len(args) > 1:
        raise TypeError('function takes at most 1 positional arguments')
    if not args:
        return _hostname
    name = args[0]
    if not isinstance(name, str):
        raise TypeError("can't convert %s to str" % type(name).__name__)
    if len(name) > 32:
        raise ValueError
    _hostname = name


def country(*args):
    global _country
    if not args:
        return _country
    code = args[0]
    if not isinstance(code, str):
        raise TypeError("can't convert %s to str" % type(code).__name__)
    if len(code) != 2:
        raise ValueError
    _country = code


def ipconfig(*args, **kwargs):
    if kwargs:
        if args:
            raise TypeError("can't specify pos and kw args")
        for key in kwargs:
            if key != 'prefer' and key != 'dns':
                raise ValueError('unexpected key')
        return None
    if len(args) != 1:
        raise TypeError('must query one param')
    if args[0] == 'dns':
        return _network.ifconfig(STA_IF)[3]
    if args[0] == 'prefer' and _RP2:
        return 4
    raise ValueError('unexpected key')


def _bytes(value):
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        return str(bytes(value), 'utf-8')
    raise TypeError("object with buffer protocol required")


class WLAN:
    if _RP2:
        IF_STA = 0
        IF_AP = 1
        SEC_OPEN = 0
        SEC_WPA_WPA2 = 0x00400004
        SEC_WPA3 = 0x01000004
        SEC_WPA2_WPA3 = 0x01400004
        PM_NONE = 0x00000010
        PM_PERFORMANCE = 0x00a11142
        PM_POWERSAVE = 0x00000011

    def __new__(cls, interface=STA_IF):
        if not isinstance(interface, int):
            raise TypeError("can't convert %s to int" % type(interface).__name__)
        if _RP2:
            interface = STA_IF if interface == STA_IF else AP_IF
        elif interface not in (STA_IF, AP_IF):
            raise ValueError('invalid WLAN interface identifier')
        # One object per interface, as the firmware's are static.
        found = _interfaces.get(interface)
        if found is None:
            found = object.__new__(cls)
            found._itf = interface
            found._settings = {}
            _interfaces[interface] = found
        return found

    def __init__(self, interface=STA_IF):
        pass

    def __repr__(self):
        if not _RP2:
            return '<WLAN>'
        state = _network.state()
        if self._itf == AP_IF:
            text = 'up' if _network.active(AP_IF) else 'down'
        elif state == _CONNECTED:
            text = 'up'
        elif state in (_JOINING, _LINK_LOST):
            text = 'join'
        elif state == _NO_AP:
            text = 'nonet'
        elif state == _BAD_PASSWORD:
            text = 'badauth'
        else:
            text = 'down'
        return '<CYW43 %s %s %s>' % ('STA' if self._itf == STA_IF else 'AP', text, self.ifconfig()[0])

    def active(self, *args):
        if len(args) > 1:
            raise TypeError('function takes at most 2 positional arguments')
        if not args:
            return _network.active(self._itf, None)
        _network.active(self._itf, bool(args[0]))
        return None if _RP2 else bool(args[0])

    def connect(self, ssid=None, key=None, *, bssid=None, **kwargs):
        if _RP2:
            for k in kwargs:
                if k not in ('auth', 'security', 'channel'):
                    raise TypeError("unexpected keyword argument '%s'" % k)
            if ssid is None:
                raise TypeError("'ssid' argument required")
            if not _network.active(STA_IF, None):
                raise OSError(1)  # cyw43_wifi_join: -CYW43_EPERM while the interface is down
        else:
            if kwargs:
                raise TypeError("unexpected keyword argument '%s'" % list(kwargs)[0])
            if self._itf != STA_IF or not _network.active(STA_IF, None):
                raise OSError('Wifi Not Started' if not _network.active(STA_IF, None) else 'Wifi Invalid Mode')
            if ssid is None:
                ssid = _network.sta_ssid()
                if key is None:
                    key = _network.sta_key()
        if bssid is not None and len(bssid) != 6:
            raise ValueError
        _network.connect(_bytes(ssid), '' if key is None else _bytes(key), None if bssid is None else bytes(bssid))

    def disconnect(self):
        _network.disconnect()

    def isconnected(self):
        if self._itf == AP_IF:
            return False  # no station has joined the board's access point
        return _network.state() == _CONNECTED

    def status(self, *args):
        if len(args) > 1:
            raise TypeError('function takes at most 2 positional arguments')
        if not args:
            if self._itf == AP_IF:
                return None if not _RP2 else (3 if _network.active(AP_IF, None) else 0)
            return _STATUS[_network.state()]
        param = args[0]
        if param == 'rssi':
            if not _RP2 and self._itf != STA_IF:
                raise OSError('STA required')
            rssi = _network.rssi()
            if rssi is None:
                if _RP2:
                    raise OSError(1)
                raise OSError('Wifi Not Connected')
            return rssi
        if param == 'stations':
            if not _RP2 and self._itf != AP_IF:
                raise OSError('AP required')
            return []
        raise ValueError('unknown status param')

    def scan(self, **kwargs):
        if not _network.active(STA_IF, None):
            if _RP2:
                raise OSError(1)
            raise OSError('STA must be active')
        out = []
        for ssid, bssid, channel, rssi, secure in _network.scan():
            if _RP2:
                # (ssid, bssid, channel, RSSI, security, hits): CYW43 auth codes.
                out.append((ssid, bssid, channel, rssi, 5 if secure else 0, 1))
            else:
                # (ssid, bssid, channel, RSSI, authmode, hidden): ESP-IDF auth modes.
                out.append((ssid, bssid, channel, rssi, 3 if secure else 0, False))
        return out

    def ifconfig(self, *args):
        if len(args) > 1:
            raise TypeError('function takes at most 2 positional arguments')
        if args:
            config = args[0]
            if isinstance(config, str):
                if config != 'dhcp' or self._itf != STA_IF:
                    raise ValueError('invalid arguments')
                return None
            if not isinstance(config, (tuple, list)) or len(config) != 4:
                raise ValueError('invalid arguments' if not _RP2 else 'need more than %d values to unpack' % len(config))
            _network.set_ifconfig(self._itf, tuple(config))
            return None
        return _network.ifconfig(self._itf)

    def ipconfig(self, *args, **kwargs):
        if kwargs:
            if args:
                raise TypeError("can't specify pos and kw args")
            return None
        if len(args) != 1:
            raise TypeError('must query one param')
        ip, mask, gw, _ = _network.ifconfig(self._itf)
        key = args[0]
        if key == 'addr4':
            return (ip, mask)
        if key == 'gw4':
            return gw
        if key == 'dhcp4':
            return self._itf == STA_IF
        if key == 'has_dhcp4':
            return self._itf == STA_IF and ip != '0.0.0.0'
        if key == 'addr6':
            return []
        if key == 'autoconf6' or key == 'has_autoconf6':
            return False
        raise ValueError('unexpected key')

    def config(self, *args, **kwargs):
        if kwargs:
            if args:
                raise TypeError("can't specify pos and kw args" if _RP2 else 'either pos or kw args are allowed')
            for key, value in kwargs.items():
                self._set(key, value)
            return None
        if len(args) != 1:
            raise TypeError('must query one param' if _RP2 else 'can query only one param')
        return self._get(args[0])

    def _get(self, key):
        if key == 'mac':
            return _network.mac(self._itf)
        if key in ('ssid', 'essid'):
            return _network.sta_ssid() if self._itf == STA_IF else _network.ap_ssid()
        if key == 'channel':
            return _network.channel(self._itf)
        if key == 'hostname' or (key == 'dhcp_hostname' and not _RP2):
            return _hostname
        if key == 'txpower':
            return 31 if _RP2 else 20.0
        if key == 'pm':
            return self.PM_PERFORMANCE if _RP2 else 1
        if key in self._settings:
            return self._settings[key]
        if key == 'security' or (key == 'authmode' and not _RP2):
            if not _RP2 and self._itf != AP_IF:
                raise OSError('AP required')
            return (0x00400004 if _RP2 else 3) if _network.ap_key() else 0
        if not _RP2 and key == 'reconnects':
            return -1
        if not _RP2 and key == 'max_clients':
            return 4
        raise ValueError('unknown config param')

    def _set(self, key, value):
        global _hostname
        if key in ('ssid', 'essid'):
            if not _RP2 and self._itf != AP_IF:
                raise OSError('AP required')
            _network.set_ap(_bytes(value), None, None)
        elif key in ('key', 'password'):
            if not _RP2 and self._itf != AP_IF:
                raise OSError('AP required')
            _network.set_ap(None, _bytes(value), None)
        elif key == 'channel':
            _network.set_ap(None, None, int(value))
        elif key == 'hostname' or (key == 'dhcp_hostname' and not _RP2):
            hostname(value)
        elif key in _RADIO_SETTINGS:
            # Kept and read back; they do not change the simulated link.
            self._settings[key] = value
        elif key == 'mac':
            if len(value) != 6:
                raise ValueError('invalid buffer length')
        else:
            raise ValueError('unknown config param')


_interfaces = {}
# Radio settings config() keeps without modelling them, per port.
if _RP2:
    _RADIO_SETTINGS = ('pm', 'txpower', 'security', 'antenna', 'trace', 'monitor')
else:
    _RADIO_SETTINGS = ('pm', 'txpower', 'security', 'authmode', 'reconnects', 'max_clients', 'hidden', 'protocol')
