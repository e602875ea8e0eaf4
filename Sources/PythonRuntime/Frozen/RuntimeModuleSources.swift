// GENERATED FILE - DO NOT EDIT.
// Made by `python3 Scripts/freeze.py` from the Python files under Firmware/runtime;
// edit those and run the command again.

/// The Python halves of the standard modules, by name (registered with their native helpers).
let runtimeModuleSources: [String: String] = [
    "array": ##"""
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

"""##,
    "attrtuple": ##"""
# attrtuple: not a module of its own (nothing imports it); the runtime runs it
# once to build the classes of MicroPython's attrtuples, the tuples whose items
# are also attributes (os.uname(), sys.implementation), printed (name=value, ...).
# __len__ is defined because list/tuple's native __len__ calls len() back for
# subclasses, which would find __len__ again.


def attrtuple(name, fields):
    def __repr__(self):
        return '(' + ', '.join([f + '=' + repr(v) for f, v in zip(fields, self)]) + ')'

    def __len__(self):
        return len(fields)

    ns = {'__repr__': __repr__, '__len__': __len__, '_fields': tuple(fields)}
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: self[i])
    return type(name, (tuple,), ns)

"""##,
    "collections": ##"""
# collections: the Python half; CollectionsModule.swift adds the native helpers first.
def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    fields = tuple(str(f) for f in field_names)
    for name in (typename,) + fields:
        if hasattr(name, 'isidentifier') and not name.isidentifier():
            raise ValueError('Type names and field names must be valid identifiers: %r' % name)
    seen = set()
    for name in fields:
        if name.startswith('_'):
            raise ValueError('Field names cannot start with an underscore: %r' % name)
        if name in seen:
            raise ValueError('Encountered duplicate field name: %r' % name)
        seen.add(name)
    nfields = len(fields)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > nfields:
            raise TypeError('Got more default values than field names')
        field_defaults = dict(zip(fields[nfields - len(defaults):], defaults))

    def __new__(cls, *args, **kwargs):
        if len(args) > nfields:
            raise TypeError('%s() takes %d positional arguments but %d were given' % (typename, nfields + 1, len(args) + 1))
        values = list(args)
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                raise TypeError("%s() missing required argument: '%s'" % (typename, name))
        if kwargs:
            for name in kwargs:
                if name in fields:
                    raise TypeError("%s() got multiple values for argument '%s'" % (typename, name))
                raise TypeError("%s() got an unexpected keyword argument '%s'" % (typename, name))
        return _tuple_new(cls, values)

    def _make(cls, iterable):
        values = tuple(iterable)
        if len(values) != nfields:
            raise TypeError('Expected %d arguments, got %d' % (nfields, len(values)))
        return _tuple_new(cls, values)

    def _replace(self, **kwargs):
        values = [kwargs.pop(name, self[i]) for i, name in enumerate(fields)]
        if kwargs:
            raise ValueError('Got unexpected field names: %r' % list(kwargs))
        return _tuple_new(type(self), values)

    def __repr__(self):
        return type(self).__name__ + '(' + ', '.join('%s=%r' % (name, self[i]) for i, name in enumerate(fields)) + ')'

    def _asdict(self):
        return dict(zip(fields, self))

    def __getnewargs__(self):
        return tuple(self)

    def __hash__(self):
        return hash(tuple(self))

    namespace = {
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__hash__': __hash__,
    }
    for index, name in enumerate(fields):
        namespace[name] = property(lambda self, index=index: self[index])
    return type(typename, (tuple,), namespace)


class OrderedDict(dict):
    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
        else:
            items = list(self.items())
            self.clear()
            self[key] = value
            for k, v in items:
                self[k] = v

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(list(self))) if last else next(iter(self))
        return key, self.pop(key)

    def __repr__(self):
        # MicroPython's form (and CPython 3.12's): the dict's repr inside.
        return 'OrderedDict({' + ', '.join('%r: %r' % (k, v) for k, v in self.items()) + '})'

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self.items()) == list(other.items())
        return dict.__eq__(self, other)

    def __ne__(self, other):
        return not self == other

    def copy(self):
        return type(self)(self)


class defaultdict(dict):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        return 'defaultdict(%r, %s)' % (self.default_factory, dict.__repr__(self))

    def copy(self):
        return type(self)(self.default_factory, self)


class deque:
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None and maxlen < 0:
            raise ValueError('maxlen must be non-negative')
        self._items = []
        self._maxlen = maxlen
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def append(self, x):
        items = self._items
        items.append(x)
        if self._maxlen is not None and len(items) > self._maxlen:
            del items[0]

    def appendleft(self, x):
        items = self._items
        items.insert(0, x)
        if self._maxlen is not None and len(items) > self._maxlen:
            items.pop()

    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop(0)

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        self._items.clear()

    def copy(self):
        return deque(self._items, self._maxlen)

    def count(self, x):
        return self._items.count(x)

    def index(self, x, *args):
        return self._items.index(x, *args)

    def insert(self, i, x):
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        self._items.insert(i, x)

    def remove(self, value):
        self._items.remove(value)

    def reverse(self):
        self._items.reverse()

    def rotate(self, n=1):
        items = self._items
        if items:
            n %= len(items)
            if n:
                items[:] = items[-n:] + items[:-n]

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __contains__(self, x):
        return x in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            raise TypeError('sequence index must be integer, not \'slice\'')
        try:
            return self._items[i]
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __setitem__(self, i, x):
        if isinstance(i, slice):
            raise TypeError('sequence index must be integer, not \'slice\'')
        try:
            self._items[i] = x
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __delitem__(self, i):
        if isinstance(i, slice):
            raise TypeError('sequence index must be integer, not \'slice\'')
        try:
            del self._items[i]
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __eq__(self, other):
        if isinstance(other, deque):
            return self._items == other._items
        return NotImplemented

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __repr__(self):
        if self._maxlen is None:
            return 'deque(%r)' % (self._items,)
        return 'deque(%r, maxlen=%d)' % (self._items, self._maxlen)

    __hash__ = None

"""##,
    "functools": ##"""
# functools, in Python (registered by FunctoolsModule.swift).
class partial:
    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        kw = dict(self.keywords)
        kw.update(keywords)
        return self.func(*(self.args + args), **kw)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend("%s=%r" % (k, v) for k, v in self.keywords.items())
        return "functools.partial(" + ", ".join(parts) + ")"


_missing = object()

def reduce(function, iterable, initial=_missing):
    it = iter(iterable)
    if initial is _missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')
WRAPPER_UPDATES = ('__dict__',)

def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            try:
                setattr(wrapper, attr, value)
            except (AttributeError, TypeError):
                pass
    for attr in updated:
        try:
            getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
        except (AttributeError, TypeError):
            pass
    try:
        wrapper.__wrapped__ = wrapped
    except (AttributeError, TypeError):
        pass
    return wrapper

def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    def decorator(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorator


def cmp_to_key(mycmp):
    class K:
        __slots__ = ('obj',)
        def __init__(self, obj):
            self.obj = obj
        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0
        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0
        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0
        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0
        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0
        __hash__ = None
    return K

"""##,
    "itertools": ##"""
# itertools, in Python (registered by ItertoolsModule.swift).
def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step

def cycle(iterable):
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        for element in saved:
            yield element

def repeat(object, times=None):
    if times is None:
        while True:
            yield object
    else:
        for _ in range(times):
            yield object

def _chain(*iterables):
    for it in iterables:
        for element in it:
            yield element

def _from_iterable(iterables):
    for it in iterables:
        for element in it:
            yield element

class _ChainType:
    def __call__(self, *iterables):
        return _chain(*iterables)
    def from_iterable(self, iterables):
        return _from_iterable(iterables)
    def __repr__(self):
        return "<class 'itertools.chain'>"

chain = _ChainType()

def islice(iterable, *args):
    if len(args) == 1:
        start, stop, step = 0, args[0], 1
    elif len(args) == 2:
        start, stop, step = args[0], args[1], 1
    elif len(args) == 3:
        start, stop, step = args
    else:
        raise TypeError("islice expected 2 to 4 arguments")
    if start is None:
        start = 0
    if step is None:
        step = 1
    if start < 0 or (stop is not None and stop < 0) or step <= 0:
        raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    it = iter(iterable)
    i = 0
    nexti = start
    while stop is None or nexti < stop:
        try:
            element = next(it)
        except StopIteration:
            return
        if i == nexti:
            yield element
            nexti += step
        i += 1

_nothing = object()

def accumulate(iterable, func=None, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total

def zip_longest(*iterables, fillvalue=None):
    iterators = [iter(it) for it in iterables]
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)

def product(*iterables, repeat=1):
    pools = [tuple(pool) for pool in iterables] * repeat
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)

def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return

def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)

def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)

def starmap(function, iterable):
    for args in iterable:
        yield function(*args)

def takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break

def dropwhile(predicate, iterable):
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x

def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x

def compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d

def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b

def tee(iterable, n=2):
    it = iter(iterable)
    buffers = [[] for _ in range(n)]
    def gen(mine):
        while True:
            if not mine:
                try:
                    value = next(it)
                except StopIteration:
                    return
                for b in buffers:
                    b.append(value)
            yield mine.pop(0)
    return tuple(gen(b) for b in buffers)

class _Grouper:
    pass

def groupby(iterable, key=None):
    keyfunc = (lambda x: x) if key is None else key
    it = iter(iterable)
    state = [_nothing, _nothing, False]   # current value, current key, exhausted
    def advance():
        try:
            v = next(it)
        except StopIteration:
            state[2] = True
            return
        state[0] = v
        state[1] = keyfunc(v)
    def grouper(k):
        while not state[2] and state[1] == k:
            yield state[0]
            advance()
    advance()
    while not state[2]:
        k = state[1]
        yield k, grouper(k)
        while not state[2] and state[1] == k:
            advance()

"""##,
    "micropython": ##"""
# micropython: the Python half (RingIO); MicroPythonModule.swift adds the
# native functions first.

class RingIO:
    # A byte ring buffer read and written as a stream (py/objringio.c over
    # py/ringbuf.c): RingIO(n) holds up to n bytes (a buffer of n + 1, as the
    # ring keeps one byte free); RingIO(buffer) uses that writable buffer and
    # holds len(buffer) - 1. The ring's indices are 16-bit, hence the limits.
    def __init__(self, size_or_buffer):
        if isinstance(size_or_buffer, int):
            if size_or_buffer < 1 or size_or_buffer > 65534:
                raise ValueError('invalid size')
            self._buf = bytearray(size_or_buffer + 1)
        else:
            buf = memoryview(size_or_buffer)
            if len(buf) < 2 or len(buf) > 65535:
                raise ValueError('invalid size')
            self._buf = buf
        self._get = 0
        self._put = 0

    def __repr__(self):
        return '<RingIO>'

    def any(self):
        return (self._put - self._get) % len(self._buf)

    def _take(self, n):
        avail = self.any()
        if n is None or n < 0 or n > avail:
            n = avail
        buf, size, at = self._buf, len(self._buf), self._get
        first = min(n, size - at)
        out = bytes(buf[at:at + first]) + bytes(buf[0:n - first])
        self._get = (at + n) % size
        return out

    def read(self, n=-1):
        return self._take(n)

    def readinto(self, b, n=None):
        data = self._take(len(b) if n is None else min(n, len(b)))
        b[0:len(data)] = data
        return len(data)

    def readline(self, n=-1):
        out = b''
        while self.any() and (n < 0 or len(out) < n):
            c = self._take(1)
            out += c
            if c == b'\n':
                break
        return out

    def write(self, data):
        buf, size = self._buf, len(self._buf)
        n = min(len(data), size - 1 - self.any())
        for i in range(n):
            buf[self._put] = data[i]
            self._put = (self._put + 1) % size
        return n

    def close(self):
        pass

"""##,
    "re": ##"""
# re: the Python front end (parser, flags, Match); ReModule.swift adds the native matcher first.
I = IGNORECASE = 2
M = MULTILINE = 8
S = DOTALL = 16
DEBUG = 4096

error = ValueError
_cache = {}


class Match:
    def __init__(self, pattern, string, slots, pos, endpos):
        self.re = pattern
        self.string = string
        self._slots = slots
        self.pos = pos
        self.endpos = endpos

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group(0))

    def _index(self, g):
        if isinstance(g, int):
            if 0 <= g <= self.re.groups:
                return g
        elif g in self.re.groupindex:
            return self.re.groupindex[g]
        raise IndexError('no such group')

    def _get(self, i, default=None):
        a = self._slots[2 * i]
        b = self._slots[2 * i + 1]
        if a < 0 or b < 0:
            return default
        return self.string[a:b]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(i, default) for name, i in self.re.groupindex.items()}

    def start(self, g=0):
        return self._slots[2 * self._index(g)]

    def end(self, g=0):
        return self._slots[2 * self._index(g) + 1]

    def span(self, g=0):
        i = self._index(g)
        return (self._slots[2 * i], self._slots[2 * i + 1])

    @property
    def lastindex(self):
        best = None
        end = -1
        for i in range(1, self.re.groups + 1):
            if self._slots[2 * i + 1] >= 0 and self._slots[2 * i + 1] >= end:
                if best is None or self._slots[2 * i + 1] > end or self._slots[2 * i] <= self._slots[2 * best]:
                    best = i
                    end = self._slots[2 * i + 1]
        return best

    @property
    def lastgroup(self):
        i = self.lastindex
        for name, j in self.re.groupindex.items():
            if j == i:
                return name
        return None

    def expand(self, template):
        return self.re._expand(template)(self)


class Pattern:
    def __init__(self, pattern, flags):
        self.pattern = pattern
        self._handle = _compile(pattern, flags)
        self.groups, self.groupindex, self.flags = _info(self._handle)

    def __repr__(self):
        return 're.compile(%r)' % (self.pattern,) if not self.flags else 're.compile(%r, %d)' % (self.pattern, self.flags)

    def _exec(self, string, pos, endpos, mode, forbid=False):
        if endpos is None:
            endpos = len(string)
        slots = _exec(self._handle, string, pos, endpos, mode, forbid)
        if slots is None:
            return None
        return Match(self, string, slots, pos, endpos)

    def search(self, string, pos=0, endpos=None):
        return self._exec(string, pos, endpos, 0)

    def match(self, string, pos=0, endpos=None):
        return self._exec(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._exec(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        if endpos is None:
            endpos = len(string)
        forbid = False
        while pos <= endpos:
            m = self._exec(string, pos, endpos, 0, forbid)
            if m is None:
                return
            yield m
            s, e = m.span()
            forbid = s == e
            pos = e

    def findall(self, string, pos=0, endpos=None):
        out = []
        for m in self.finditer(string, pos, endpos):
            if self.groups == 0:
                out.append(m.group(0))
            elif self.groups == 1:
                out.append(m._get(1, string[:0]))
            else:
                out.append(m.groups(string[:0]))
        return out

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if maxsplit > 0 and n >= maxsplit:
                break
            s, e = m.span()
            out.append(string[last:s])
            out.extend(m.groups())
            last = e
            n += 1
        out.append(string[last:])
        return out

    def _expand(self, template):
        if callable(template):
            return template
        isbytes = isinstance(template, bytes)
        if isbytes:
            template = template.decode('latin-1')
        parts = []
        literal = []
        i = 0
        n = len(template)
        while i < n:
            c = template[i]
            if c == '\\' and i + 1 < n:
                d = template[i + 1]
                if d.isdigit():
                    j = i + 1
                    while j < n and j < i + 3 and template[j].isdigit():
                        j += 1
                    g = int(template[i + 1:j])
                    if g > self.groups:
                        raise error('invalid group reference %d' % g)
                    parts.append(''.join(literal))
                    literal = []
                    parts.append(g)
                    i = j
                    continue
                if d == 'g':
                    close = template.find('>', i + 3)
                    if i + 2 >= n or template[i + 2] != '<' or close < 0:
                        raise error('missing group name')
                    name = template[i + 3:close]
                    if name.isdigit():
                        g = int(name)
                        if g > self.groups:
                            raise error('invalid group reference %d' % g)
                    elif name in self.groupindex:
                        g = self.groupindex[name]
                    else:
                        raise IndexError('unknown group name %r' % name)
                    parts.append(''.join(literal))
                    literal = []
                    parts.append(g)
                    i = close + 1
                    continue
                esc = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a', 'b': '\b', '\\': '\\'}
                if d in esc:
                    literal.append(esc[d])
                    i += 2
                    continue
                if d.isalpha():
                    raise error('bad escape \\%s' % d)
                literal.append(c)
                literal.append(d)
                i += 2
                continue
            literal.append(c)
            i += 1
        parts.append(''.join(literal))
        if isbytes:
            parts = [p.encode('latin-1') if isinstance(p, str) else p for p in parts]
        empty = b'' if isbytes else ''

        def expand(m):
            out = []
            for p in parts:
                if isinstance(p, int):
                    out.append(m._get(p, empty))
                else:
                    out.append(p)
            return empty.join(out)
        return expand

    def subn(self, repl, string, count=0):
        expand = self._expand(repl)
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if count > 0 and n >= count:
                break
            s, e = m.span()
            out.append(string[last:s])
            out.append(expand(m))
            last = e
            n += 1
        out.append(string[last:])
        return string[:0].join(out), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]


def compile(pattern, flags=0):
    if isinstance(pattern, Pattern):
        return pattern
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        if len(_cache) >= 64:
            _cache.clear()
        p = Pattern(pattern, flags)
        _cache[key] = p
    return p

def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)

def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)

def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)

def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)

def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)

def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)

def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)

def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)

def purge():
    _cache.clear()

_special = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')

def escape(pattern):
    if isinstance(pattern, str):
        return ''.join('\\' + c if c in _special else c for c in pattern)
    out = bytearray()
    for b in pattern:
        if chr(b) in _special:
            out.append(92)
        out.append(b)
    return bytes(out)

"""##,
    "socket": ##"""
# socket (also usocket): the Python type over the native calls of _socket (SocketModule.swift).
# The constants and getaddrinfo's answer are each port's own: the unix port's
# (the host's values), the rp2 port's (extmod/modlwip.c) and the ESP32's
# (ports/esp32/modsocket.c, lwIP's values).
import sys
from _socket import (_resolve, _open, _close, _fileno, _connect, _bind, _listen, _accept,
                     _send, _sendto, _recv, _recvfrom, _setopt, _ready)

_PORT = sys.platform
AF_INET = 2
AF_INET6 = 10
SOCK_STREAM = 1
SOCK_DGRAM = 2
IPPROTO_IP = 0
IPPROTO_TCP = 6
TCP_NODELAY = 1
if _PORT == 'rp2':
    SOL_SOCKET = 1
    SO_REUSEADDR = 4
    SO_BROADCAST = 32
    IP_ADD_MEMBERSHIP = 3
    IP_DROP_MEMBERSHIP = 4
elif _PORT == 'esp32':
    SOCK_RAW = 3
    IPPROTO_UDP = 17
    SOL_SOCKET = 4095
    SO_REUSEADDR = 4
    SO_BROADCAST = 32
    SO_BINDTODEVICE = 4107
    IP_ADD_MEMBERSHIP = 3
    MSG_PEEK = 1
    MSG_DONTWAIT = 8
else:
    SOCK_RAW = 3
    IPPROTO_UDP = 17
    SOL_SOCKET = 1
    SO_REUSEADDR = 2
    SO_BROADCAST = 6
    SO_KEEPALIVE = 9

def _addr(addr):
    if isinstance(addr, (bytes, bytearray)):
        if len(addr) < 8:
            raise OSError(22)
        return AF_INET, '.'.join([str(b) for b in addr[4:8]]), addr[2] << 8 | addr[3]
    host, port = addr[0], addr[1]
    return (AF_INET6 if ':' in host else AF_INET), host, port


def getaddrinfo(host, port, af=0, type=0, proto=0, flags=0):
    port = int(port)
    out = []
    for fam, ip in _resolve('' if host is None else host, port, af):
        if _PORT == 'rp2':
            # lwIP's own lookup: one stream entry, whatever was asked.
            return [(fam, SOCK_STREAM, 0, '', (ip, port))]
        if _PORT == 'esp32':
            # lwip_getaddrinfo echoes the type and protocol asked, and the name as canonname.
            out.append((fam, type or SOCK_STREAM, proto, host or '0.0.0.0', (ip, port)))
            continue
        if type == SOCK_DGRAM:
            t, p = SOCK_DGRAM, IPPROTO_UDP
        else:
            t, p = SOCK_STREAM, IPPROTO_TCP
        out.append((fam, t, proto or p, '', (ip, port)))
    return out

class socket:
    def __init__(self, af=AF_INET, type=SOCK_STREAM, proto=0, _handle=None):
        if type not in (1, 2):
            raise OSError(22)
        self._af = af
        self._type = type
        self._h = _open(af, type) if _handle is None else _handle
        self._timeout = -1

    def __repr__(self):
        return '<socket>'

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def _handle(self):
        if self._h is None:
            raise OSError(9)
        return self._h

    def fileno(self):
        return _fileno(self._handle())

    def close(self):
        if self._h is not None:
            _close(self._h)
            self._h = None

    def settimeout(self, value):
        if value is None:
            self._timeout = -1
        elif value < 0:
            raise ValueError('timeout must be non-negative')
        else:
            self._timeout = int(value * 1000000000)

    def setblocking(self, flag):
        self._timeout = -1 if flag else 0

    def setsockopt(self, level, option, value):
        if isinstance(value, int):
            _setopt(self._handle(), level, option, value)

    def connect(self, address):
        fam, host, port = _addr(address)
        _connect(self._handle(), fam, host, port, self._timeout)

    def bind(self, address):
        fam, host, port = _addr(address)
        _bind(self._handle(), fam, host, port)

    def listen(self, backlog=2):
        _listen(self._handle(), backlog)

    def accept(self):
        h, fam, host, port = _accept(self._handle(), self._timeout)
        return socket(fam, self._type, 0, h), (host, port)

    def send(self, data):
        return _send(self._handle(), data, self._timeout)

    def sendall(self, data):
        h = self._handle()
        n = len(data)
        sent = _send(h, data, self._timeout)
        while sent < n:
            sent += _send(h, data[sent:], self._timeout)

    def write(self, data, length=-1):
        if length >= 0:
            data = data[:length]
        self.sendall(data)
        return len(data)

    def sendto(self, data, address):
        fam, host, port = _addr(address)
        return _sendto(self._handle(), data, fam, host, port, self._timeout)

    def recv(self, bufsize, flags=0):
        return _recv(self._handle(), bufsize, self._timeout)

    def recvfrom(self, bufsize):
        data, fam, host, port = _recvfrom(self._handle(), bufsize, self._timeout)
        return data, (host, port)

    def read(self, size=-1):
        h = self._handle()
        chunks = []
        got = 0
        while size < 0 or got < size:
            try:
                chunk = _recv(h, 4096 if size < 0 else size - got, self._timeout)
            except OSError as e:
                if self._timeout == 0 and e.errno == 11:
                    if not chunks:
                        return None
                    break
                raise
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        return b''.join(chunks)

    def readinto(self, buf, nbytes=-1):
        n = len(buf) if nbytes < 0 else min(nbytes, len(buf))
        data = self.read(n)
        if data is None:
            return None
        for i in range(len(data)):
            buf[i] = data[i]
        return len(data)

    def readline(self):
        h = self._handle()
        line = bytearray()
        while True:
            c = _recv(h, 1, self._timeout)
            if not c:
                break
            line += c
            if c == b'\n':
                break
        return bytes(line)

    def makefile(self, mode='rb', buffering=0):
        return self

    def ioctl(self, request, arg):
        if request != 3:
            raise OSError(22)
        return _ready(self._handle(), arg)

"""##,
    "tls": ##"""
# tls: MicroPython's TLS module (extmod/modtls_mbedtls.c) over the natives of
# _tls (TLSModule.swift): _start hands the handshake to the runtime's network
# (OpenSSL underneath), after which the socket carries plaintext.
from _tls import _start, _peer
PROTOCOL_TLS_CLIENT = 0
PROTOCOL_TLS_SERVER = 1
CERT_NONE = 0
CERT_OPTIONAL = 1
CERT_REQUIRED = 2
MBEDTLS_VERSION = 'Mbed TLS 3.5.1'


def _data(value):
    # Certificates and keys: bytes-like or str (PEM text), as asn1_get_data takes them.
    if isinstance(value, str):
        return value.encode()
    return bytes(value)


class SSLContext:
    def __init__(self, protocol):
        if not isinstance(protocol, int):
            raise TypeError("can't convert %s to int" % type(protocol).__name__)
        self._server = protocol == PROTOCOL_TLS_SERVER
        self.verify_mode = CERT_NONE if self._server else CERT_REQUIRED
        self._cadata = None
        self._cert = None
        self._key = None

    def load_cert_chain(self, certfile, keyfile):
        self._cert = _data(certfile)
        self._key = _data(keyfile)

    def load_verify_locations(self, cadata):
        cadata = _data(cadata)
        self._cadata = cadata if self._cadata is None else self._cadata + b'\n' + cadata

    def wrap_socket(self, sock, *, server_side=False, do_handshake_on_connect=True, server_hostname=None):
        if server_side or self._server:
            raise OSError(95)  # EOPNOTSUPP: boards here serve TLS only through the host
        if server_hostname is None and self.verify_mode == CERT_REQUIRED:
            raise ValueError('CERT_REQUIRED requires server_hostname')
        return SSLSocket(sock, self, server_hostname, do_handshake_on_connect)


class SSLSocket:
    def __init__(self, sock, context, server_hostname, handshake):
        self._sock = sock
        self._context = context
        self._hostname = server_hostname
        self._done = False
        if handshake:
            self._handshake()

    def __repr__(self):
        return '<SSLSocket>'

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def _handshake(self):
        c = self._context
        _start(self._sock._handle(), self._hostname, c.verify_mode, c._cadata, c._cert, c._key, self._sock._timeout)
        self._done = True

    def _ready(self):
        # A handshake left for later (do_handshake_on_connect=False) happens on first use;
        # on a non-blocking socket it may not be finished yet (None, as a read that would block).
        if self._done:
            return True
        try:
            self._handshake()
        except OSError as e:
            if e.errno == 11 and self._sock._timeout == 0:
                return False
            raise
        return True

    def read(self, size=-1):
        return self._sock.read(size) if self._ready() else None

    def readinto(self, buf, nbytes=-1):
        return self._sock.readinto(buf, nbytes) if self._ready() else None

    def readline(self):
        return self._sock.readline() if self._ready() else None

    def write(self, data):
        return self._sock.write(data) if self._ready() else None

    def setblocking(self, flag):
        self._sock.setblocking(flag)

    def settimeout(self, value):
        self._sock.settimeout(value)

    def fileno(self):
        return self._sock.fileno()

    def ioctl(self, request, arg):
        return self._sock.ioctl(request, arg)

    def close(self):
        self._sock.close()

    def getpeercert(self, binary_form=False):
        if not binary_form:
            raise NotImplementedError
        peer = _peer(self._sock._handle())
        return None if peer is None else peer[0]

    def cipher(self):
        peer = _peer(self._sock._handle())
        if peer is None:
            raise OSError(107)  # ENOTCONN: no session yet
        return peer[1]

"""##,
]
