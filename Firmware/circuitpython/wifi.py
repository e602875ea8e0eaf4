# wifi: CircuitPython 9.1.4's module (shared-bindings/wifi) as the raspberrypi
# port (CYW43, common-hal/wifi) and the espressif port offer it, over _network
# (the board's WiFiRadio) and _cpwifi (the blocking join and ping).
# Members a port lacks are absent; the Pico W's ap_info raises as its port does.
import _network
import _cpwifi
from ipaddress import IPv4Address

_RP2 = _network.port == 'rp2'
_STA, _AP = 0, 1
_CONNECTED = 2  # WiFiRadio.StationState.connected


class AuthMode:
    def __init__(self, name, bit):
        self._name = name
        self._bit = bit

    def __repr__(self):
        return 'wifi.AuthMode.' + self._name


AuthMode.OPEN = AuthMode('OPEN', 1)
AuthMode.WEP = AuthMode('WEP', 2)
AuthMode.WPA = AuthMode('WPA', 4)
AuthMode.WPA2 = AuthMode('WPA2', 8)
AuthMode.WPA3 = AuthMode('WPA3', 16)
AuthMode.PSK = AuthMode('PSK', 32)
AuthMode.ENTERPRISE = AuthMode('ENTERPRISE', 64)


class Network:
    def __init__(self, ssid, bssid, channel, rssi, secure):
        self._ssid = ssid
        self._bssid = bssid
        self._channel = channel
        self._rssi = rssi
        self._secure = secure

    @property
    def ssid(self):
        return self._ssid

    @property
    def bssid(self):
        return self._bssid

    @property
    def rssi(self):
        return self._rssi

    @property
    def channel(self):
        return self._channel

    @property
    def country(self):
        return ''

    @property
    def authmode(self):
        # The simulated access points are open or WPA2-PSK.
        if not self._secure:
            return [AuthMode.OPEN]
        return [AuthMode.WPA2, AuthMode.PSK] if not _RP2 else [AuthMode.PSK, AuthMode.WPA2]


class _Scan:
    def __init__(self, found):
        self._found = found
        self._done = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._done or not self._found:
            raise StopIteration
        return self._found.pop(0)


def _address(text):
    return None if text == '0.0.0.0' else IPv4Address(text)


class Radio:
    def __init__(self):
        self._hostname = 'PicoW' if _RP2 else 'espressif'
        self._scan = None

    @property
    def enabled(self):
        return _network.active(_STA, None)

    @enabled.setter
    def enabled(self, value):
        if not value:
            self._scan = None
            _network.disconnect()
        _network.active(_STA, bool(value))

    @property
    def hostname(self):
        return self._hostname

    @hostname.setter
    def hostname(self, value):
        if not isinstance(value, (str, bytes, bytearray)):
            raise TypeError("object with buffer protocol required")
        if isinstance(value, (bytes, bytearray)):
            value = str(bytes(value), 'utf-8')
        if not 1 <= len(value) <= 253:
            raise ValueError('hostname length must be 1-253')
        for c in value:
            if not (c.isalpha() or c.isdigit() or c == '-'):
                raise ValueError('invalid hostname')
        self._hostname = value

    @property
    def mac_address(self):
        return _network.mac(_STA)

    @property
    def mac_address_ap(self):
        return _network.mac(_AP if not _RP2 else _STA)

    @property
    def tx_power(self):
        return 31.0 if _RP2 else 20.0

    @property
    def connected(self):
        return _network.state() == _CONNECTED

    def connect(self, ssid, password=b'', *, channel=0, bssid=None, timeout=None):
        if isinstance(ssid, str):
            ssid = ssid.encode()
        ssid = bytes(ssid)
        if not 1 <= len(ssid) <= 32:
            raise ValueError('ssid length must be 1-32')
        if password is None:
            password = b''
        if isinstance(password, str):
            password = password.encode()
        password = bytes(password)
        if password and not 8 <= len(password) <= 64:
            raise ValueError('password length must be 8-64')
        if bssid is not None:
            bssid = bytes(bssid)
            if len(bssid) != 6:
                raise ValueError('Invalid BSSID')
        if not self.enabled:
            raise RuntimeError('Wifi is not enabled' if _RP2 else 'wifi is not enabled')
        seconds = 0.0 if timeout is None else float(timeout)
        error = _cpwifi.connect(str(ssid, 'utf-8'), str(password, 'utf-8'), bssid, seconds)
        if error == 202:
            raise ConnectionError('Authentication failure')
        if error == 201:
            raise ConnectionError('No network with that ssid')
        if error:
            raise ConnectionError('Unknown failure %d' % error)

    def stop_station(self):
        _network.disconnect()

    def start_station(self):
        _network.active(_STA, True)

    @property
    def ipv4_address(self):
        return _address(_network.ifconfig(_STA)[0])

    @property
    def ipv4_subnet(self):
        return _address(_network.ifconfig(_STA)[1])

    @property
    def ipv4_gateway(self):
        return _address(_network.ifconfig(_STA)[2])

    @property
    def ipv4_dns(self):
        return _address(_network.ifconfig(_STA)[3])

    @property
    def ap_info(self):
        if _RP2:
            raise NotImplementedError
        if _network.state() != _CONNECTED:
            return None
        ssid = _network.sta_ssid()
        for ap in _network.scan():
            if ap[0] == ssid.encode():
                return Network(ssid, ap[1], ap[2], ap[3], ap[4])
        return None

    def start_scanning_networks(self, *, start_channel=1, stop_channel=11):
        if self._scan is not None:
            raise RuntimeError('Already scanning for wifi networks')
        if not self.enabled:
            raise RuntimeError('Wifi is not enabled' if _RP2 else 'wifi is not enabled')
        found = [Network(str(s, 'utf-8'), b, c, r, sec) for s, b, c, r, sec in _network.scan()
                 if start_channel <= c <= stop_channel]
        self._scan = _Scan(found)
        return self._scan

    def stop_scanning_networks(self):
        self._scan = None

    def ping(self, ip, *, timeout=0.5):
        if not isinstance(ip, IPv4Address):
            raise ValueError('Only IPv4 addresses supported')
        return _cpwifi.ping(str(ip), float(timeout))

    @property
    def ap_active(self):
        return _network.active(_AP, None)

    def start_ap(self, ssid, password=b'', *, channel=1, authmode=(), max_connections=4):
        if isinstance(ssid, str):
            ssid = ssid.encode()
        if isinstance(password, str):
            password = password.encode()
        if not 1 <= len(ssid) <= 32:
            raise ValueError('ssid length must be 1-32')
        if not 1 <= channel <= 13:
            raise ValueError('channel must be 1-13')
        if authmode == (AuthMode.OPEN,) and password:
            raise ValueError('AuthMode.OPEN is not used with password')
        if password and not 8 <= len(password) <= 64:
            raise ValueError('password length must be 8-64')
        if not self.enabled:
            raise RuntimeError('Wifi is not enabled' if _RP2 else 'wifi is not enabled')
        _network.set_ap(str(bytes(ssid), 'utf-8'), str(bytes(password), 'utf-8'), channel)
        _network.active(_AP, True)

    def stop_ap(self):
        if not self.enabled:
            raise RuntimeError('wifi is not enabled')
        _network.active(_AP, False)

    @property
    def ipv4_address_ap(self):
        return _address(_network.ifconfig(_AP)[0]) if _network.active(_AP, None) else None

    @property
    def ipv4_gateway_ap(self):
        return _address(_network.ifconfig(_AP)[2]) if _network.active(_AP, None) else None

    @property
    def ipv4_subnet_ap(self):
        return _address(_network.ifconfig(_AP)[1]) if _network.active(_AP, None) else None

    @property
    def stations_ap(self):
        # No station ever joins the board's own access point here.
        return [] if _network.active(_AP, None) else None


# The firmware starts the radio in station mode when wifi is first used.
_network.active(_STA, True)
radio = Radio()
