import CZlib

/// Reads an 8-bit RGB or RGBA PNG (no interlace) into RGB triples: the
/// screenshots a scenario compares with, which PNGEncoder (or an image
/// editor) wrote. Chunk CRCs are checked; the five row filters of the PNG
/// specification (section 9.2) are undone. Alpha is dropped (our pictures are opaque).
public enum PNGDecoder {
    public struct Image: Equatable {
        public var width: Int
        public var height: Int
        /// Row after row of R, G, B bytes.
        public var rgb: [UInt8]
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func decode(_ png: [UInt8]) throws(Failure) -> Image {
        guard png.count > 8, png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw Failure(description: "not a PNG file")
        }
        func u32(_ at: Int) -> Int { Int(png[at]) << 24 | Int(png[at + 1]) << 16 | Int(png[at + 2]) << 8 | Int(png[at + 3]) }
        var i = 8, width = 0, height = 0, channels = 0
        var idat: [UInt8] = []
        while i + 12 <= png.count {
            let length = u32(i)
            guard length >= 0, i + 12 + length <= png.count else { throw Failure(description: "a chunk runs past the end") }
            let body = Array(png[(i + 4)..<(i + 8 + length)])
            let crc = body.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
            guard Int(crc) == u32(i + 8 + length) else { throw Failure(description: "a chunk's CRC does not match") }
            let type = String(decoding: body.prefix(4), as: UTF8.self)
            let data = Array(body.dropFirst(4))
            if type == "IHDR" {
                guard data.count == 13 else { throw Failure(description: "bad IHDR") }
                width = Int(data[0]) << 24 | Int(data[1]) << 16 | Int(data[2]) << 8 | Int(data[3])
                height = Int(data[4]) << 24 | Int(data[5]) << 16 | Int(data[6]) << 8 | Int(data[7])
                guard data[8] == 8, data[9] == 2 || data[9] == 6, data[12] == 0 else {
                    throw Failure(description: "only 8-bit RGB or RGBA PNGs without interlace are read")
                }
                channels = data[9] == 2 ? 3 : 4
            } else if type == "IDAT" {
                idat += data
            } else if type == "IEND" {
                break
            }
            i += 12 + length
        }
        guard width > 0, height > 0, width * height <= 1 << 26 else { throw Failure(description: "no image in the file") }
        let stride = width * channels
        var size = uLong((stride + 1) * height)
        var raw = [UInt8](repeating: 0, count: Int(size))
        let status = raw.withUnsafeMutableBufferPointer { r in
            idat.withUnsafeBufferPointer { s in uncompress(r.baseAddress, &size, s.baseAddress, uLong(s.count)) }
        }
        guard status == Z_OK, Int(size) == raw.count else { throw Failure(description: "the image data does not inflate to its size") }
        var previous = [UInt8](repeating: 0, count: stride)
        var rgb: [UInt8] = []
        rgb.reserveCapacity(width * height * 3)
        for y in 0..<height {
            let start = y * (stride + 1)
            let filter = raw[start]
            var row = Array(raw[(start + 1)...(start + stride)])
            for x in 0..<stride {
                let a = x >= channels ? Int(row[x - channels]) : 0
                let b = Int(previous[x])
                let c = x >= channels ? Int(previous[x - channels]) : 0
                let add: Int
                switch filter {
                case 0: add = 0
                case 1: add = a
                case 2: add = b
                case 3: add = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    add = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: throw Failure(description: "unknown row filter \(filter)")
                }
                row[x] = UInt8(truncatingIfNeeded: Int(row[x]) + add)
            }
            for x in 0..<width { rgb += row[(x * channels)..<(x * channels + 3)] }
            previous = row
        }
        return Image(width: width, height: height, rgb: rgb)
    }
}
