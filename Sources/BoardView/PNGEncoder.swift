import CZlib
import Foundation

/// Writes a canvas as an 8-bit RGB PNG (zlib's deflate and CRC-32).
public enum PNGEncoder {
    public static func encode(_ canvas: Canvas) -> [UInt8] {
        let w = canvas.width, h = canvas.height
        // Each row: filter type 0, then RGB triples.
        var raw = [UInt8](repeating: 0, count: (w * 3 + 1) * h)
        var o = 0
        for y in 0..<h {
            raw[o] = 0; o += 1
            for x in 0..<w {
                let p = canvas.pixels[y * w + x]
                raw[o] = UInt8(p >> 16 & 0xFF); raw[o + 1] = UInt8(p >> 8 & 0xFF); raw[o + 2] = UInt8(p & 0xFF)
                o += 3
            }
        }
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var ihdr: [UInt8] = []
        ihdr.append(bigEndian: UInt32(w)); ihdr.append(bigEndian: UInt32(h))
        ihdr += [8, 2, 0, 0, 0]  // 8 bits, truecolour, deflate, adaptive filters, no interlace
        chunk("IHDR", ihdr, into: &out)
        chunk("IDAT", deflate(raw), into: &out)
        chunk("IEND", [], into: &out)
        return out
    }

    public static func write(_ canvas: Canvas, to url: URL) throws {
        try Data(encode(canvas)).write(to: url)
    }

    static func deflate(_ bytes: [UInt8]) -> [UInt8] {
        var size = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { o in
            bytes.withUnsafeBufferPointer { i in compress2(o.baseAddress, &size, i.baseAddress, uLong(i.count), 6) }
        }
        precondition(status == Z_OK, "zlib compress2 failed: \(status)")
        return Array(out[0..<Int(size)])
    }

    private static func chunk(_ type: String, _ data: [UInt8], into out: inout [UInt8]) {
        out.append(bigEndian: UInt32(data.count))
        let body = Array(type.utf8) + data
        out += body
        let crc = body.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        out.append(bigEndian: UInt32(crc))
    }
}

extension Array where Element == UInt8 {
    mutating func append(bigEndian v: UInt32) {
        append(UInt8(v >> 24)); append(UInt8(v >> 16 & 0xFF)); append(UInt8(v >> 8 & 0xFF)); append(UInt8(v & 0xFF))
    }
}
