import CZlib

/// Just enough PNG reading to check what PNGEncoder wrote: chunk CRCs, the
/// header, and RGB rows with filter 0.
enum PNGDecoding {
    struct Image { var width: Int; var height: Int; var rgb: [UInt8] }

    static func decode(_ png: [UInt8]) -> Image? {
        guard png.count > 8 else { return nil }
        var i = 8, width = 0, height = 0
        var idat: [UInt8] = []
        func u32(_ at: Int) -> Int { Int(png[at]) << 24 | Int(png[at + 1]) << 16 | Int(png[at + 2]) << 8 | Int(png[at + 3]) }
        while i + 12 <= png.count {
            let length = u32(i)
            let type = String(decoding: png[(i + 4)..<(i + 8)], as: UTF8.self)
            guard i + 12 + length <= png.count else { return nil }
            let body = Array(png[(i + 4)..<(i + 8 + length)])
            let crc = body.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
            guard Int(crc) == u32(i + 8 + length) else { return nil }
            let data = Array(body.dropFirst(4))
            if type == "IHDR" {
                guard data.count == 13 else { return nil }
                width = Int(data[0]) << 24 | Int(data[1]) << 16 | Int(data[2]) << 8 | Int(data[3])
                height = Int(data[4]) << 24 | Int(data[5]) << 16 | Int(data[6]) << 8 | Int(data[7])
                guard data[8] == 8, data[9] == 2 else { return nil }
            } else if type == "IDAT" {
                idat += data
            }
            i += 12 + length
        }
        var size = uLong((width * 3 + 1) * height)
        var raw = [UInt8](repeating: 0, count: Int(size))
        let status = raw.withUnsafeMutableBufferPointer { r in
            idat.withUnsafeBufferPointer { s in uncompress(r.baseAddress, &size, s.baseAddress, uLong(s.count)) }
        }
        guard status == Z_OK, Int(size) == raw.count else { return nil }
        var rgb: [UInt8] = []
        for y in 0..<height {
            let row = y * (width * 3 + 1)
            guard raw[row] == 0 else { return nil }
            rgb += raw[(row + 1)..<(row + 1 + width * 3)]
        }
        return Image(width: width, height: height, rgb: rgb)
    }
}
