import Foundation
import BoardEmulator

/// One board's place on the `SimulatedNetwork`: its radio and its TCP/IP
/// stack, made with the port's identity (MAC addresses from the chip maker's
/// range, the default soft-AP name) and reset as the firmware resets them.
public final class BoardNetworking {
    public let radio: WiFiRadio
    public let stack: BoardSocketStack

    /// `index` tells boards of one simulation apart (their MACs); `letTimePass`
    /// advances the board's virtual time (the board's clock, with its timers).
    public init(network: SimulatedNetwork, board: Board, index: Int = 0, letTimePass: @escaping (UInt64) -> Void) {
        let rp2 = board.definition.port == .rp2
        // Raspberry Pi Trading's OUI on the Pico W's CYW43439; Espressif's on the ESP32-S3.
        let oui: [UInt8] = rp2 ? [0x28, 0xcd, 0xc1] : [0xf4, 0x12, 0xfa]
        var h: UInt32 = 2166136261
        for b in board.definition.id.utf8 { h = (h ^ UInt32(b)) &* 16777619 }
        h = h &+ UInt32(truncatingIfNeeded: index) &* 0x9e3779b1
        let station = MACAddress(bytes: oui + [UInt8(h >> 16 & 0xff), UInt8(h >> 8 & 0xff), UInt8(h & 0xff)])
        var apBytes = station.bytes
        if !rp2 { apBytes[5] &+= 1 }  // ESP-IDF: the soft AP's MAC is the station's plus one
        let ap = MACAddress(bytes: apBytes)
        let hex = Array("0123456789ABCDEF")
        let apSSID = rp2
            ? "PICO" + String([hex[Int(h >> 12 & 0xf)], hex[Int(h >> 8 & 0xf)], hex[Int(h >> 4 & 0xf)], hex[Int(h & 0xf)]])
            : "ESP_" + apBytes[3...].map { String(format: "%02X", $0) }.joined()
        radio = WiFiRadio(network: network, clock: board.clock, retriesAfterFailure: !rp2,
                          stationMAC: station, accessPointMAC: ap,
                          accessPointSSID: apSSID, accessPointPassword: rp2 ? "picoW123" : "")
        // mbedTLS's ECDHE handshake: seconds of Cortex-M0+ arithmetic on the
        // RP2040, a fraction of that with the ESP32-S3's bignum accelerator.
        stack = BoardSocketStack(radio: radio, clock: board.clock, unknownHostErrno: rp2 ? -2 : -202,
                                 tlsHandshakeCost: rp2 ? 1_500_000_000 : 400_000_000,
                                 tlsHeapBytes: rp2 ? 16_384 + 4_096 + 8_192 : 0,
                                 limits: rp2 ? BoardNetworking.picoW : BoardNetworking.esp32, letTimePass: letTimePass)
    }

    /// The rp2 port's lwIP (ports/rp2/lwip_inc/lwipopts.h): lwIP's default 5
    /// TCP PCBs, MEMP_NUM_UDP_PCB 4 + 1 that mDNS takes, TCP_WND 8 × 800-byte
    /// MSS; `socket()` beyond them raises ENOMEM (modlwip: tcp_new fails).
    static let picoW = BoardSocketStack.Limits(tcp: 5, udp: 4, total: nil, exhaustedErrno: 12,
                                               receiveWindow: 6_400, datagramQueue: 6)
    /// ESP-IDF's lwIP: CONFIG_LWIP_MAX_SOCKETS 10 in all, TCP window 5760
    /// (4 × 1440); lwip_socket fails with ENFILE (ports/esp32/modsocket.c).
    static let esp32 = BoardSocketStack.Limits(tcp: nil, udp: nil, total: 10, exhaustedErrno: 23,
                                               receiveWindow: 5_760, datagramQueue: 6)

    /// A soft reboot: the heap and its sockets go (the firmware's own
    /// services keep theirs), the radio stays joined.
    public func softReset() { stack.closeAll(sparingServices: true) }

    /// A chip reset: the radio is powered down too.
    public func hardReset() {
        stack.closeAll()
        radio.powerOff()
    }
}
