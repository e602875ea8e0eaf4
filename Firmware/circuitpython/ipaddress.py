# ipaddress: CircuitPython's (shared-bindings/ipaddress): IPv4Address and
# ip_address only. An address prints as its dotted quad in str and repr alike.


class IPv4Address:
    def __init__(self, address):
        if isinstance(address, int):
            # The firmware copies the int's memory (little-endian) as the four bytes.
            packed = bytes([address & 255, address >> 8 & 255, address >> 16 & 255, address >> 24 & 255])
        elif isinstance(address, str):
            packed = _parse(address)
            if packed is None:
                raise ValueError('Not a valid IP string')
        else:
            packed = bytes(address)
            if len(packed) != 4:
                raise ValueError('Address must be 4 bytes long')
        self._packed = packed

    @property
    def packed(self):
        return self._packed

    @property
    def version(self):
        return 4

    def __str__(self):
        return '%d.%d.%d.%d' % tuple(self._packed)

    def __repr__(self):
        return self.__str__()

    def __eq__(self, other):
        return isinstance(other, IPv4Address) and other._packed == self._packed

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._packed)


def _parse(text):
    parts = text.split('.')
    if len(parts) != 4:
        return None
    out = []
    for p in parts:
        if not p or len(p) > 3 or not all('0' <= c <= '9' for c in p) or int(p) > 255:
            return None
        out.append(int(p))
    return bytes(out)


def ip_address(obj):
    if isinstance(obj, int):
        return IPv4Address(obj)
    if isinstance(obj, str):
        if _parse(obj) is None:
            raise ValueError('Not a valid IP string')
        return IPv4Address(obj)
    raise ValueError('Only int or string supported for ip')
