# array: the Python half; ArrayModule.swift adds the native helpers first.
# The items live packed in a bytearray (`_buf`), as on the board, so a
# memoryview of an array, bytes + array and viper pointers share its memory.
typecodes = 'bBhHiIlLqQfd'

class array:
    def __init__(self, typecode, initializer=None):
        self._itemsize = _itemsize(typecode)
        self.typecode = typecode
        self._buf = bytearray()
        if initializer is None:
            return
        if isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, str):
            raise TypeError("cannot use a str to initialize an array with typecode '%s'" % typecode)
        elif isinstance(initializer, array):
            # Another array's items convert one by one (py/objarray.c iterates it).
            self._buf.extend(_pack(typecode, initializer.tolist()))
        else:
            self._buf.extend(_pack(typecode, initializer))

    @property
    def itemsize(self):
        return self._itemsize

    def _new(self, data):
        a = array(self.typecode)
        a._buf.extend(data)
        return a

    def _store(self, items):
        self._buf[:] = _pack(self.typecode, items)

    def append(self, x):
        self._buf.extend(_pack(self.typecode, (x,)))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable.typecode != self.typecode:
                raise TypeError('can only extend with array of same kind')
            self._buf.extend(iterable._buf)
            return
        self._buf.extend(_pack(self.typecode, iterable))

    def fromlist(self, items):
        self.extend(items)

    def frombytes(self, data):
        if len(data) % self._itemsize:
            raise ValueError('bytes length not a multiple of item size')
        self._buf.extend(data)

    def tobytes(self):
        return bytes(self._buf)

    def __bytes__(self):
        return bytes(self._buf)

    def tolist(self):
        return _unpack(self.typecode, self._buf)

    def insert(self, i, x):
        items = self.tolist()
        items.insert(i, x)
        self._store(items)

    def pop(self, i=-1):
        items = self.tolist()
        x = items.pop(i)
        self._store(items)
        return x

    def remove(self, x):
        items = self.tolist()
        items.remove(x)
        self._store(items)

    def index(self, x, *args):
        return self.tolist().index(x, *args)

    def count(self, x):
        return self.tolist().count(x)

    def reverse(self):
        items = self.tolist()
        items.reverse()
        self._store(items)

    def buffer_info(self):
        return (id(self), len(self))

    def __len__(self):
        return len(self._buf) // self._itemsize

    def __iter__(self):
        return iter(self.tolist())

    def __reversed__(self):
        return reversed(self.tolist())

    def __contains__(self, x):
        return x in self.tolist()

    def __getitem__(self, i):
        if isinstance(i, slice):
            a = array(self.typecode)
            a._store(self.tolist()[i])
            return a
        return _get(self.typecode, self._buf, i)

    def __setitem__(self, i, x):
        if isinstance(i, slice):
            if not isinstance(x, array) or x.typecode != self.typecode:
                raise TypeError('can only assign array (not "%s") to array slice' % type(x).__name__)
            items = self.tolist()
            items[i] = x.tolist()
            self._store(items)
            return
        _set(self.typecode, self._buf, i, x)

    def __delitem__(self, i):
        items = self.tolist()
        del items[i]
        self._store(items)

    def __add__(self, other):
        if not isinstance(other, array) or other.typecode != self.typecode:
            raise TypeError('can only append array (not "%s") to array' % type(other).__name__)
        return self._new(self._buf + other._buf)

    def __iadd__(self, other):
        if not isinstance(other, array) or other.typecode != self.typecode:
            raise TypeError('can only extend array with array (not "%s")' % type(other).__name__)
        self._buf.extend(other._buf)
        return self

    def __mul__(self, n):
        return self._new(self._buf * n)

    __rmul__ = __mul__

    def __eq__(self, other):
        if isinstance(other, array):
            return self.tolist() == other.tolist()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, array):
            return self.tolist() != other.tolist()
        return NotImplemented

    def __lt__(self, other):
        return self.tolist() < other.tolist()

    def __le__(self, other):
        return self.tolist() <= other.tolist()

    def __gt__(self, other):
        return self.tolist() > other.tolist()

    def __ge__(self, other):
        return self.tolist() >= other.tolist()

    __hash__ = None

    def __repr__(self):
        if not self._buf:
            return "array('%s')" % self.typecode
        return "array('%s', %r)" % (self.typecode, self.tolist())

ArrayType = array
