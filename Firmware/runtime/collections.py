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
