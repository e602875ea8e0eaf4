import Foundation

/// `str`: an immutable sequence of Unicode code points, stored as a Swift String.
/// Indexing is O(1) for ASCII text; other text indexes through a lazily built
/// array of scalars.
public final class PyStr: PyObject {
    /// The text. A str made by concatenation may not have it yet (see
    /// `AppendBuffer`): it is cut from the buffer when first asked for.
    public var value: String {
        @inline(__always) get {
            if let buffer = appendBuffer, !textReady { return materialize(buffer) }
            return text
        }
    }
    // Swift lays fields out in declaration order: the words first and the
    // flags together after them keep a str at 104 bytes (it was 128 with the
    // flags between the words), the most common object of text programs.
    private var text: String
    /// Number of code points (Python's len()).
    public let count: Int
    /// The text's length in UTF-8 bytes.
    let utf8Count: Int
    private var hashCache: Int = 0
    private var scalarCache: [Unicode.Scalar]?
    /// The buffer this str's text starts, when it was made by concatenation.
    private let appendBuffer: AppendBuffer?
    private var textReady: Bool
    public let isASCII: Bool
    private var hashComputed = false
    /// Set for identifiers and other interned names.
    var isInterned = false

    /// Text that a chain of concatenations (`s += t` in a loop) grows in place:
    /// each str of the chain is the first `utf8Count` bytes of it, and the
    /// longest of them may append to it (as a Go slice appends to its array),
    /// so that building a string of n pieces copies each piece once instead of
    /// the whole text n times. CPython reaches the same by resizing a str whose
    /// only reference is the variable; values here carry no reference counts.
    /// The text is kept as bytes: a Swift String's append of a short piece went
    /// through its generic write path (some 350 instructions for one character).
    final class AppendBuffer {
        var bytes: ContiguousArray<UInt8> = []

        func append(_ text: String) {
            var text = text
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }
    }

    /// Concatenations shorter than this (in UTF-8 bytes) copy as before: a
    /// buffer costs an allocation, and small texts are cheap to copy.
    static let appendBufferThreshold = 128

    public init(type: PyType, _ value: String) {
        var text = value
        (count, isASCII) = text.withUTF8 { PyStr.measure($0) }
        self.text = text
        textReady = true
        utf8Count = text.utf8.count
        appendBuffer = nil
        super.init(type: type)
    }

    /// For text whose length and ASCII-ness the caller already knows (concatenation,
    /// slices of ASCII text, number formatting).
    public init(type: PyType, _ value: String, count: Int, isASCII: Bool) {
        text = value
        textReady = true
        self.count = count
        self.isASCII = isASCII
        utf8Count = value.utf8.count
        appendBuffer = nil
        super.init(type: type)
    }

    /// `a + b` (both `str`), growing `a`'s buffer in place when `a` is its
    /// longest str, starting a buffer when the result is long enough.
    static func concatenation(type: PyType, _ a: PyStr, _ b: PyStr) -> PyStr {
        let length = a.utf8Count + b.utf8Count
        let buffer: AppendBuffer
        if let existing = a.appendBuffer, existing.bytes.count == a.utf8Count {
            buffer = existing
        } else if length >= appendBufferThreshold {
            buffer = AppendBuffer()
            buffer.bytes.reserveCapacity(length * 2)
            buffer.append(a.value)
        } else {
            return PyStr(type: type, a.value + b.value, count: a.count + b.count, isASCII: a.isASCII && b.isASCII)
        }
        buffer.append(b.value)
        return PyStr(type: type, buffer: buffer, utf8Count: length, count: a.count + b.count,
                     isASCII: a.isASCII && b.isASCII)
    }

    private init(type: PyType, buffer: AppendBuffer, utf8Count: Int, count: Int, isASCII: Bool) {
        text = ""
        textReady = false
        appendBuffer = buffer
        self.utf8Count = utf8Count
        self.count = count
        self.isASCII = isASCII
        super.init(type: type)
    }

    /// This str's text, copied from its buffer's first `utf8Count` bytes.
    @inline(never) private func materialize(_ buffer: AppendBuffer) -> String {
        text = buffer.bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[0..<utf8Count]), as: UTF8.self)
        }
        textReady = true
        return text
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

    public override var accountedSize: Int { 16 + ((utf8Count + 16) & ~15) }

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
        if utf8Count != other.utf8Count { return false }
        return PyStr.sameBytes(value, other.value)
    }

    /// Byte equality of two texts of the same UTF-8 length, compared in place
    /// (UTF8View.elementsEqual went byte by byte through the generic iterator).
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
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
            var text = value
            return String(UnicodeScalar(text.withUTF8 { $0[i] }))
        }
        return String(scalars[i])
    }

    /// Code points `start..<end` (clamped by the caller).
    public func substring(_ start: Int, _ end: Int) -> String {
        if end <= start { return "" }
        if isASCII {
            var text = value
            return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
        }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[start..<end])
        return String(s)
    }
}

/// Compares two strings by code point, as Python orders str: UTF-8 byte order
/// is code point order, so the bytes are compared in place.
func compareCodePoints(_ a: String, _ b: String) -> Int {
    var a = a, b = b
    return a.withUTF8 { x in
        b.withUTF8 { y in
            let n = min(x.count, y.count)
            let c = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
            if c != 0 { return c < 0 ? -1 : 1 }
            return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
        }
    }
}
