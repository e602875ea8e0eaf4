/// `str`: an immutable sequence of Unicode code points, stored as a Swift String.
/// Indexing is O(1) for ASCII text; other text indexes through a lazily built
/// array of scalars.
public final class PyStr: PyObject {
    public let value: String
    /// Number of code points (Python's len()).
    public let count: Int
    public let isASCII: Bool
    private var hashCache: Int = 0
    private var hashComputed = false
    private var scalarCache: [Unicode.Scalar]?
    /// Set for identifiers and other interned names.
    var isInterned = false

    public init(type: PyType, _ value: String) {
        var text = value
        (count, isASCII) = text.withUTF8 { PyStr.measure($0) }
        self.value = text
        super.init(type: type)
    }

    /// For text whose length and ASCII-ness the caller already knows (concatenation,
    /// slices of ASCII text, number formatting).
    public init(type: PyType, _ value: String, count: Int, isASCII: Bool) {
        self.value = value
        self.count = count
        self.isASCII = isASCII
        super.init(type: type)
    }

    /// Code points and ASCII-ness of UTF-8 bytes, eight bytes at a time.
    static func measure(_ bytes: UnsafeBufferPointer<UInt8>) -> (count: Int, isASCII: Bool) {
        guard let base = bytes.baseAddress else { return (0, true) }
        let n = bytes.count
        var i = 0
        var highBits: UInt64 = 0
        while i + 8 <= n {
            highBits |= UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            i += 8
        }
        while i < n {
            highBits |= UInt64(base[i])
            i += 1
        }
        if highBits & 0x8080_8080_8080_8080 == 0 { return (n, true) }
        var count = 0
        for b in bytes where b & 0xC0 != 0x80 { count += 1 }
        return (count, false)
    }

    public override var accountedSize: Int { 16 + ((value.utf8.count + 16) & ~15) }

    /// Python's hash of the text: FNV-1a over the UTF-8 bytes (deterministic per run,
    /// as MicroPython's is).
    public var strHash: Int {
        if hashComputed { return hashCache }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in value.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        var r = Int(truncatingIfNeeded: h >> 1)
        if r == -1 { r = -2 }
        hashCache = r
        hashComputed = true
        return r
    }

    /// Code-point equality (not Swift's canonical equivalence).
    @inline(__always) public func equals(_ other: PyStr) -> Bool {
        if self === other { return true }
        if count != other.count { return false }
        if hashComputed && other.hashComputed && hashCache != other.hashCache { return false }
        return value.utf8.elementsEqual(other.value.utf8)
    }

    /// The code points, for indexing non-ASCII text.
    public var scalars: [Unicode.Scalar] {
        if let s = scalarCache { return s }
        let s = Array(value.unicodeScalars)
        scalarCache = s
        return s
    }

    /// The code point at `i` (0 ≤ i < count) as a one-character string.
    public func character(at i: Int) -> String {
        if isASCII {
            let u = value.utf8
            return String(UnicodeScalar(u[u.index(u.startIndex, offsetBy: i)]))
        }
        return String(scalars[i])
    }

    /// Code points `start..<end` (clamped by the caller).
    public func substring(_ start: Int, _ end: Int) -> String {
        if end <= start { return "" }
        if isASCII {
            let u = value.utf8
            let a = u.index(u.startIndex, offsetBy: start)
            let b = u.index(a, offsetBy: end - start)
            return String(value[a..<b])
        }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[start..<end])
        return String(s)
    }
}

/// Compares two strings by code point, as Python orders str.
func compareCodePoints(_ a: String, _ b: String) -> Int {
    // UTF-8 byte order equals code point order.
    var ia = a.utf8.makeIterator()
    var ib = b.utf8.makeIterator()
    while true {
        switch (ia.next(), ib.next()) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case let (x?, y?):
            if x != y { return x < y ? -1 : 1 }
        }
    }
}
