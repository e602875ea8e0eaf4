# struct: packing and unpacking sensor frames (little- and big-endian, ints of
# every width, floats), as firmware talks to a radio or a binary log.
import struct


def main():
    frames = []
    for i in range(1500):
        frames.append(struct.pack("<HhIf", i, -i, i * 1000003 & 0xFFFFFFFF, i / 8))
    blob = b"".join(frames)
    acc = 0
    fsum = 0.0
    size = struct.calcsize("<HhIf")
    for off in range(0, len(blob), size):
        a, b, c, f = struct.unpack_from("<HhIf", blob, off)
        acc += a + b + (c & 0xFFFF)
        fsum += f
    words = 0
    for i in range(1500):
        packed = struct.pack(">iHB", i * 7 - 5000, i % 65536, i % 256)
        x, y, z = struct.unpack(">iHB", packed)
        words += x + y + z
    return (len(blob), acc, round(fsum, 2), words)


REPEAT = 60
result = None
for _ in range(REPEAT):
    result = main()
print("struct_packing", result)
