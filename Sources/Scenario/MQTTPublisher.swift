import BoardNetwork
import Foundation
import HostPlatform
import PythonRuntime

/// A scenario's `mqtt-publish`: one short MQTT 3.1.1 session with the broker
/// the board talks to, from the host, as `mosquitto_pub` would do it.
///
/// It subscribes to the topic before publishing and waits for its own copy to
/// come back, then for the answer to a PINGREQ: the broker sends a message to
/// all matching subscribers in one pass and reads the ping only after that
/// pass, so by then the board's connection has been sent its copy, and the
/// board reads it at its next poll.
struct MQTTPublisher {
    var host: String
    var port: Int
    /// Wall time each exchange may take.
    var patience: UInt64 = 5_000_000_000

    struct Failure: Error { var reason: String }

    func publish(topic: String, payload: [UInt8], retain: Bool) throws(Failure) {
        let net = HostNetwork()
        guard let address = try? net.resolve(host: host, port: port, family: 0).first else {
            throw Failure(reason: "cannot resolve \(host)")
        }
        let socket: Int
        do {
            socket = try net.open(family: address.family, kind: .stream)
        } catch { throw Failure(reason: "no socket: \(Self.text(error))") }
        defer { net.close(socket) }
        var session = Session(net: net, socket: socket, patience: patience, broker: "\(host):\(port)")
        try session.connect(to: address)

        let clientID = "breadbox-scenario-\(UInt32.random(in: 0...UInt32.max))"
        try session.send(Self.packet(0x10, Self.string("MQTT") + [4, 0x02, 0, 10] + Self.string(clientID)))
        let connack = try session.receivePacket()
        guard connack.type == 2, connack.body.count >= 2 else { throw Failure(reason: "the broker at \(host):\(port) did not answer CONNECT") }
        guard connack.body[1] == 0 else { throw Failure(reason: "the broker at \(host):\(port) refused the connection (code \(connack.body[1]))") }

        try session.send(Self.packet(0x82, [0, 1] + Self.string(topic) + [0]))
        while try session.receivePacket().type != 9 {}

        try session.send(Self.packet(0x30 | (retain ? 1 : 0), Self.string(topic) + payload))
        // Its own copy back: every subscriber has been sent theirs.
        while try session.receivePacket().type != 3 {}
        try session.send([0xC0, 0])
        while try session.receivePacket().type != 13 {}
        try? session.send([0xE0, 0])
    }

    // MARK: Packets

    static func string(_ s: String) -> [UInt8] {
        let b = Array(s.utf8)
        return [UInt8(b.count >> 8), UInt8(b.count & 0xFF)] + b
    }

    /// A fixed header (type and flags, remaining length as MQTT's variable-length integer) and the body.
    static func packet(_ first: UInt8, _ body: [UInt8]) -> [UInt8] {
        var out = [first]
        var n = body.count
        repeat {
            var digit = UInt8(n % 128)
            n /= 128
            if n > 0 { digit |= 0x80 }
            out.append(digit)
        } while n > 0
        return out + body
    }

    static func text(_ e: NetworkError) -> String {
        return e.message ?? (e.errno == 111 ? "connection refused" : "errno \(e.errno)")
    }

    /// One connection's byte stream, with the waiting bounded by `patience`.
    struct Session {
        let net: HostNetwork
        let socket: Int
        let patience: UInt64
        let broker: String
        var buffer: [UInt8] = []

        mutating func connect(to address: NetworkAddress) throws(Failure) {
            do {
                try net.connect(socket, to: address)
            } catch where error == .wouldBlock {
                guard net.wait(socket, writable: true, nanoseconds: patience) else { throw Failure(reason: "no answer from \(broker)") }
                do { try net.finishConnect(socket) } catch { throw Failure(reason: "cannot connect to \(broker): \(MQTTPublisher.text(error))") }
            } catch {
                throw Failure(reason: "cannot connect to \(broker): \(MQTTPublisher.text(error))")
            }
        }

        func send(_ bytes: [UInt8]) throws(Failure) {
            var rest = bytes[...]
            while !rest.isEmpty {
                guard net.wait(socket, writable: true, nanoseconds: patience) else { throw Failure(reason: "\(broker) stopped reading") }
                do {
                    let n = try net.send(socket, Array(rest))
                    rest = rest.dropFirst(n)
                } catch where error == .wouldBlock {
                } catch { throw Failure(reason: "\(broker) closed the connection: \(MQTTPublisher.text(error))") }
            }
        }

        /// The next whole packet: its type (the header's top four bits) and body.
        mutating func receivePacket() throws(Failure) -> (type: UInt8, body: [UInt8]) {
            while true {
                if let p = takePacket() { return p }
                guard net.wait(socket, writable: false, nanoseconds: patience) else {
                    throw Failure(reason: "\(broker) did not answer within \(patience / 1_000_000_000) s")
                }
                let got: [UInt8]
                do { got = try net.receive(socket, maxCount: 4096) }
                catch where error == .wouldBlock { continue }
                catch { throw Failure(reason: "\(broker) closed the connection: \(MQTTPublisher.text(error))") }
                if got.isEmpty { throw Failure(reason: "\(broker) closed the connection") }
                buffer += got
            }
        }

        private mutating func takePacket() -> (type: UInt8, body: [UInt8])? {
            guard let (header, total) = MQTTFraming.extent(buffer), buffer.count >= total else { return nil }
            let p = (buffer[0] >> 4, Array(buffer[header..<total]))
            buffer.removeFirst(total)
            return p
        }
    }
}
