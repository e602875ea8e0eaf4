# A sensor stream filtered on the device: a pseudo-random source (an LCG with
# 32-bit masks), a moving average and a median of 5, fixed-point scaling and a
# CRC-16 of each reading, as "on-device pre-processing" does it.
def crc16(data, crc=0xFFFF):
    for b in data:
        crc ^= b
        for _ in range(8):
            if crc & 1:
                crc = (crc >> 1) ^ 0xA001
            else:
                crc >>= 1
    return crc


def main():
    state = 0x1234ABCD
    window = []
    total = 0
    median_sum = 0
    crc = 0xFFFF
    for i in range(3000):
        state = (state * 1664525 + 1013904223) & 0xFFFFFFFF
        raw = 20000 + ((state >> 16) % 2000)          # centi-degrees
        window.append(raw)
        if len(window) > 8:
            window.pop(0)
        average = sum(window) // len(window)
        last5 = sorted(window[-5:])
        median_sum += last5[len(last5) // 2]
        scaled = (average * 9 * 65536 // 5) >> 16     # to centi-Fahrenheit offset, fixed point
        total += scaled
        crc = crc16(bytes((raw & 0xFF, raw >> 8)), crc)
    return (total, median_sum, crc)


REPEAT = 25
result = None
for _ in range(REPEAT):
    result = main()
print("sensor_filter", result)
