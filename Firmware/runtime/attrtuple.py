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
