/// The `re` module: the matching engine (RegexEngine.swift) is Swift; the
/// Pattern and Match classes, sub/split/findall are Python over three native
/// helpers (`_compile`, `_info`, `_exec`).
final class PyRegexHandle: PyObject {
    let program: RegexProgram
    let isBytes: Bool
    /// The last subject searched, as code points (findall/sub call `_exec`
    /// repeatedly on one string).
    var lastSubject: PyObject?
    var lastCodes: [UInt32] = []
    init(type: PyType, program: RegexProgram, isBytes: Bool) {
        self.program = program
        self.isBytes = isBytes
        super.init(type: type)
    }
    override func traceReferences(_ visit: (Value) -> Void) {
        if let o = lastSubject { visit(Value(o)) }
    }
}

extension Runtime {
    func installReModule() {
        let handleType = makeNativeType("regex_program", module: "re")
        registerPythonModule("re", source: reSource) { rt, m throws(PyError) in
            rt.moduleFunction(m, "_compile") { rt, args throws(PyError) in
                try args.expect(rt, "_compile", 2, 2)
                let flags = try rt.intArg(args[1])
                let codes: [UInt32], isBytes: Bool
                if args[0].isObject, let s = args[0].object as? PyStr {
                    codes = s.value.unicodeScalars.map { $0.value }
                    isBytes = false
                } else if args[0].isObject, let b = args[0].object as? PyBytes {
                    codes = b.bytes.map { UInt32($0) }
                    isBytes = true
                } else {
                    throw rt.typeError("first argument must be string or compiled pattern")
                }
                do {
                    let prog = try RegexCompile.compile(codes, flags: flags, isBytes: isBytes)
                    return Value(rt.track(PyRegexHandle(type: handleType, program: prog, isBytes: isBytes)))
                } catch {
                    throw rt.valueError("error in regex")
                }
            }
            rt.moduleFunction(m, "_info") { rt, args throws(PyError) in
                try args.expect(rt, "_info", 1, 1)
                guard args[0].isObject, let h = args[0].object as? PyRegexHandle else { throw rt.typeError("bad handle") }
                let d = rt.newDict()
                for (name, index) in h.program.groupNames { try d.set(rt.str(name), rt.int(index), rt) }
                return rt.tuple([rt.int(h.program.groupCount), Value(d), rt.int(h.program.flags)])
            }
            rt.moduleFunction(m, "_exec") { rt, args throws(PyError) in
                // _exec(handle, subject, pos, endpos, mode, forbid_empty): mode 0 search, 1 match, 2 fullmatch
                try args.expect(rt, "_exec", 6, 6)
                guard args[0].isObject, let h = args[0].object as? PyRegexHandle else { throw rt.typeError("bad handle") }
                let subject = args[1]
                guard subject.isObject else { throw rt.typeError("expected string or bytes-like object") }
                let so = subject.object
                if h.lastSubject !== so {
                    if let s = so as? PyStr {
                        if h.isBytes { throw rt.typeError("cannot use a bytes pattern on a string-like object") }
                        h.lastCodes = s.value.unicodeScalars.map { $0.value }
                    } else if let b = so as? PyBytes {
                        if !h.isBytes { throw rt.typeError("cannot use a string pattern on a bytes-like object") }
                        h.lastCodes = b.bytes.map { UInt32($0) }
                    } else {
                        throw rt.typeError("expected string or bytes-like object")
                    }
                    h.lastSubject = so
                }
                let n = h.lastCodes.count
                var pos = try rt.intArg(args[2]), endpos = try rt.intArg(args[3])
                pos = max(0, min(pos, n))
                endpos = max(0, min(endpos, n))
                let mode = try rt.intArg(args[4])
                let forbid = try rt.isTruthy(args[5])
                if pos > endpos { return .none }
                let matcher = RegexMatcher(prog: h.program, subject: h.lastCodes, end: endpos, isBytes: h.isBytes) { () throws(PyError) in
                    if rt.interruptLine.take() {
                        throw PyError(rt.newException(rt.types.KeyboardInterrupt, args: []))
                    }
                }
                guard let slots = try matcher.exec(from: pos, anchored: mode != 0, fullMatch: mode == 2,
                                                   forbidEmptyAtStart: forbid) else { return .none }
                return rt.tuple(slots.map { Value(small: $0) })
            }
        }
    }
}

private let reSource = #"""
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
"""#
