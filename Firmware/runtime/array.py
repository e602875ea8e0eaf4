# array: the Python half; ArrayModule.swift adds the native helpers first.
typecodes = 'bBhHiIlLqQfd'

class array:
    def __init__(self, typecode, initializer=None):
        self._itemsize = _itemsize(typecode)
        self.typecode = typecode
        self._data = []
        if initializer is None:
            return
        if isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, str):
            raise TypeError("cannot use a str to initialize an array with typecode '%s'" % typecode)
        else:
            self.extend(initializer)

    @property
    def itemsize(self):
        return self._itemsize

    def _new(self, items):
        a = array(self.typecode)
        a._data = items
        return a

    def append(self, x):
        self._data.append(_conv(self.typecode, x))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable.typecode != self.typecode:
                raise TypeError('can only extend with array of same kind')
            self._data.extend(iterable._data)
            return
        tc = self.typecode
        self._data.extend([_conv(tc, x) for x in iterable])

    def fromlist(self, items):
        self.extend(items)

    def frombytes(self, data):
        self._data.extend(_unpack(self.typecode, data))

    def tobytes(self):
        return _pack(self.typecode, self._data)

    def __bytes__(self):
        return _pack(self.typecode, self._data)

    def tolist(self):
        return list(self._data)

    def insert(self, i, x):
        self._data.insert(i, _conv(self.typecode, x))

    def pop(self, i=-1):
        return self._data.pop(i)

    def remove(self, x):
        self._data.remove(x)

    def index(self, x, *args):
        return self._data.index(x, *args)

    def count(self, x):
        return self._data.count(x)

    def reverse(self):
        self._data.reverse()

    def buffer_info(self):
        return (id(self), len(self._data))

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __reversed__(self):
        return reversed(self._data)

    def __contains__(self, x):
        return x in self._data

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._new(self._data[i])
        try:
            return self._data[i]
        except IndexError:
            raise IndexError('array index out of range') from None

    def __setitem__(self, i, x):
        if isinstance(i, slice):
            if not isinstance(x, array) or x.typecode != self.typecode:
                raise TypeError('can only assign array (not "%s") to array slice' % type(x).__name__)
            self._data[i] = x._data
            return
        try:
            self._data[i] = _conv(self.typecode, x)
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __delitem__(self, i):
        del self._data[i]

    def __add__(self, other):
        if not isinstance(other, array) or other.typecode != self.typecode:
            raise TypeError('can only append array (not "%s") to array' % type(other).__name__)
        return self._new(self._data + other._data)

    def __iadd__(self, other):
        if not isinstance(other, array) or other.typecode != self.typecode:
            raise TypeError('can only extend array with array (not "%s")' % type(other).__name__)
        self._data.extend(other._data)
        return self

    def __mul__(self, n):
        return self._new(self._data * n)

    __rmul__ = __mul__

    def __eq__(self, other):
        if isinstance(other, array):
            return self._data == other._data
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, array):
            return self._data != other._data
        return NotImplemented

    def __lt__(self, other):
        return self._data < other._data

    def __le__(self, other):
        return self._data <= other._data

    def __gt__(self, other):
        return self._data > other._data

    def __ge__(self, other):
        return self._data >= other._data

    __hash__ = None

    def __repr__(self):
        if not self._data:
            return "array('%s')" % self.typecode
        return "array('%s', %r)" % (self.typecode, self._data)

ArrayType = array
