import Foundation

/// A Merkle–Damgård hash fed in 64-byte blocks (SHA-256, SHA-1, MD5).
protocol BlockHash {
    static var name: String { get }
    static var digestSize: Int { get }
    static var bigEndian: Bool { get }
    init()
    mutating func compress(_ block: UnsafeBufferPointer<UInt8>)
    var words: [UInt32] { get }
}

/// A hash in progress: the state, the partial block and the message length.
struct HashState<H: BlockHash> {
    var hash = H()
    var buffer: [UInt8] = []
    var length: UInt64 = 0

    mutating func update(_ data: [UInt8]) {
        length &+= UInt64(data.count)
        buffer += data
        let whole = buffer.count / 64 * 64
        if whole == 0 { return }
        buffer.withUnsafeBufferPointer { p in
            var i = 0
            while i < whole {
                hash.compress(UnsafeBufferPointer(rebasing: p[i..<(i + 64)]))
                i += 64
            }
        }
        buffer.removeFirst(whole)
    }

    /// The digest; `self` is left as it was (a copy is finalised).
    func digest() -> [UInt8] {
        var copy = self
        let bits = length &* 8
        var pad: [UInt8] = [0x80]
        pad += [UInt8](repeating: 0, count: (119 - buffer.count) % 64)
        for i in 0..<8 {
            let shift = H.bigEndian ? UInt64(56 - 8 * i) : UInt64(8 * i)
            pad.append(UInt8(truncatingIfNeeded: bits >> shift))
        }
        copy.update(pad)
        var out: [UInt8] = []
        for w in copy.hash.words {
            for i in 0..<4 {
                let shift = H.bigEndian ? UInt32(24 - 8 * i) : UInt32(8 * i)
                out.append(UInt8(truncatingIfNeeded: w >> shift))
            }
        }
        return Array(out.prefix(H.digestSize))
    }
}

/// SHA-1 of `bytes` for the embedder (the WebSocket handshake's accept key
/// on a board's web services), from the same code as `hashlib.sha1`.
public func sha1Digest(_ bytes: [UInt8]) -> [UInt8] {
    var state = HashState<SHA1>()
    state.update(bytes)
    return state.digest()
}

@inline(__always) private func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { (x << n) | (x >> (32 - n)) }
@inline(__always) private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

/// SHA-256 (FIPS 180-4).
struct SHA256: BlockHash {
    static let name = "sha256"
    static let digestSize = 32
    static let bigEndian = true
    static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]
    var words: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]

    mutating func compress(_ block: UnsafeBufferPointer<UInt8>) {
        var w = [UInt32](repeating: 0, count: 64)
        for i in 0..<16 {
            w[i] = UInt32(block[4 * i]) << 24 | UInt32(block[4 * i + 1]) << 16 | UInt32(block[4 * i + 2]) << 8 | UInt32(block[4 * i + 3])
        }
        for i in 16..<64 {
            let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var a = words[0], b = words[1], c = words[2], d = words[3]
        var e = words[4], f = words[5], g = words[6], h = words[7]
        for i in 0..<64 {
            let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
            let ch = (e & f) ^ (~e & g)
            let t1 = h &+ s1 &+ ch &+ SHA256.k[i] &+ w[i]
            let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
            let maj = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ maj
            h = g; g = f; f = e; e = d &+ t1
            d = c; c = b; b = a; a = t1 &+ t2
        }
        words[0] &+= a; words[1] &+= b; words[2] &+= c; words[3] &+= d
        words[4] &+= e; words[5] &+= f; words[6] &+= g; words[7] &+= h
    }
}

/// SHA-1 (FIPS 180-4).
struct SHA1: BlockHash {
    static let name = "sha1"
    static let digestSize = 20
    static let bigEndian = true
    var words: [UInt32] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]

    mutating func compress(_ block: UnsafeBufferPointer<UInt8>) {
        var w = [UInt32](repeating: 0, count: 80)
        for i in 0..<16 {
            w[i] = UInt32(block[4 * i]) << 24 | UInt32(block[4 * i + 1]) << 16 | UInt32(block[4 * i + 2]) << 8 | UInt32(block[4 * i + 3])
        }
        for i in 16..<80 { w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1) }
        var a = words[0], b = words[1], c = words[2], d = words[3], e = words[4]
        for i in 0..<80 {
            let f: UInt32, k: UInt32
            switch i {
            case 0..<20: f = (b & c) | (~b & d); k = 0x5A827999
            case 20..<40: f = b ^ c ^ d; k = 0x6ED9EBA1
            case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC
            default: f = b ^ c ^ d; k = 0xCA62C1D6
            }
            let t = rotl(a, 5) &+ f &+ e &+ k &+ w[i]
            e = d; d = c; c = rotl(b, 30); b = a; a = t
        }
        words[0] &+= a; words[1] &+= b; words[2] &+= c; words[3] &+= d; words[4] &+= e
    }
}

/// MD5 (RFC 1321).
struct MD5: BlockHash {
    static let name = "md5"
    static let digestSize = 16
    static let bigEndian = false
    static let s: [UInt32] = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                              5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
                              4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                              6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21]
    static let k: [UInt32] = (0..<64).map { i in UInt32(truncatingIfNeeded: Int64(abs(Foundation.sin(Double(i + 1))) * 4294967296.0)) }
    var words: [UInt32] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]

    mutating func compress(_ block: UnsafeBufferPointer<UInt8>) {
        var m = [UInt32](repeating: 0, count: 16)
        for i in 0..<16 {
            m[i] = UInt32(block[4 * i]) | UInt32(block[4 * i + 1]) << 8 | UInt32(block[4 * i + 2]) << 16 | UInt32(block[4 * i + 3]) << 24
        }
        var a = words[0], b = words[1], c = words[2], d = words[3]
        for i in 0..<64 {
            var f: UInt32, g: Int
            switch i {
            case 0..<16: f = (b & c) | (~b & d); g = i
            case 16..<32: f = (d & b) | (~d & c); g = (5 * i + 1) % 16
            case 32..<48: f = b ^ c ^ d; g = (3 * i + 5) % 16
            default: f = c ^ (b | ~d); g = (7 * i) % 16
            }
            f = f &+ a &+ MD5.k[i] &+ m[g]
            a = d; d = c; c = b
            b = b &+ rotl(f, MD5.s[i])
        }
        words[0] &+= a; words[1] &+= b; words[2] &+= c; words[3] &+= d
    }
}

/// A `hashlib` hash object.
final class PyHash: PyObject {
    var update: ([UInt8]) -> Void = { _ in }
    var digest: () -> [UInt8] = { [] }
    var copy: () -> PyHash = { fatalError() }
}

extension Runtime {
    func installHashlibModule() {
        registerNativeModule("hashlib") { rt, module throws(PyError) in
            rt.installHashType(module, SHA256.self, blockSize: 64)
            rt.installHashType(module, SHA1.self, blockSize: 64)
            rt.installHashType(module, MD5.self, blockSize: 64)
        }
    }

    /// A new built-in type for a module, with native methods (not subclassable).
    func makeNativeType(_ name: String, module: String) -> PyType {
        let t = PyType(metatype: types.type, name: name)
        t.isBuiltin = true
        t.layout = .notInstantiable
        t.isSubclassable = false
        t.bases = [types.object]
        _ = t.computeMRO()
        let d = PyDict(type: types.dict)
        t.dict = d
        d.setStr(names.__module__, Value(intern(module)))
        heap.makePermanent(d)
        heap.makePermanent(t)
        return t
    }

    func installHashType<H: BlockHash>(_ m: PyModule, _ hash: H.Type, blockSize: Int) {
        let type = makeNativeType(H.name, module: "hashlib")
        func make(_ state: HashState<H>) -> PyHash {
            let o = track(PyHash(type: type))
            var s = state
            o.update = { s.update($0) }
            o.digest = { s.digest() }
            o.copy = { make(s) }
            return o
        }
        constructor(type) { rt, args throws(PyError) in
            try args.expect(rt, H.name, 0, 1, keywords: true)
            var data = args.count == 1 ? args[0] : args.keyword("data")
            if data.isNull { data = args.keyword("string") }
            let o = make(HashState<H>())
            if !data.isNull { o.update(try rt.bytesLike(data)) }
            return Value(o)
        }
        type.dict.setStr(intern("digest_size"), int(H.digestSize))
        type.dict.setStr(intern("block_size"), int(blockSize))
        type.dict.setStr(intern("name"), Value(intern(H.name)))
        method(type, "update") { rt, args throws(PyError) in
            try args.expect(rt, "update", 2, 2)
            let o = try rt.selfArg(args, PyHash.self, "update")
            o.update(try rt.bytesLike(args[1]))
            return .none
        }
        method(type, "digest") { rt, args throws(PyError) in
            try args.expect(rt, "digest", 1, 1)
            return Value(rt.newBytes(try rt.selfArg(args, PyHash.self, "digest").digest()))
        }
        method(type, "hexdigest") { rt, args throws(PyError) in
            try args.expect(rt, "hexdigest", 1, 1)
            let d = try rt.selfArg(args, PyHash.self, "hexdigest").digest()
            var s = ""
            for b in d {
                s.unicodeScalars.append(Unicode.Scalar(Runtime.hexDigits[Int(b >> 4)]))
                s.unicodeScalars.append(Unicode.Scalar(Runtime.hexDigits[Int(b & 15)]))
            }
            return rt.str(s)
        }
        method(type, "copy") { rt, args throws(PyError) in
            try args.expect(rt, "copy", 1, 1)
            return Value(try rt.selfArg(args, PyHash.self, "copy").copy())
        }
        m.dict.setStr(intern(H.name), Value(type))
    }
}
