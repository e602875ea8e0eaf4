/// Writes a Value Change Dump (IEEE 1364-2005 §18) that GTKWave and PulseView
/// open. The output depends only on what it is given (no `$date`), so the same
/// recording always gives the same bytes.
///
/// Layout: `$version Breadbox $end`, `$timescale 1 ns $end`, one
/// `$scope module <board id>` with a `wire 1` per pin that changed and, per I2C
/// controller that carried a transfer, `I2C<n>_SCL` and `I2C<n>_SDA` wires
/// reconstructed from the transfers (`I2CTransfer.lineEdges`); then
/// `$enddefinitions`, `#<start>` with `$dumpvars` of the initial values, and one
/// `#<time>` section per instant with changes, in increasing order. Several
/// changes of one wire at one instant keep only the last; unchanged values are
/// not written.
public struct VCDWriter {
    /// One signal of the dump.
    public struct Signal: Equatable, Sendable {
        public var name: String
        /// Width in bits (`wire 1` takes `0`, `1`, `x`, `z`; wider wires take `b…` values).
        public var width: Int
        /// Value at the dump's start: `"0"`, `"1"`, `"z"`, or binary digits for a vector.
        public var initial: String
        public init(name: String, width: Int = 1, initial: String) {
            self.name = name; self.width = width; self.initial = initial
        }
    }

    /// A change of `signal` (an index into the signals) to `value` at `time` ns.
    public struct Change: Equatable, Sendable {
        public var time: UInt64
        public var signal: Int
        public var value: String
        public init(time: UInt64, signal: Int, value: String) {
            self.time = time; self.signal = signal; self.value = value
        }
    }

    /// The `$scope module` name (the board id).
    public var module: String

    public init(module: String) { self.module = module }

    /// The identifier of the `index`-th signal: `!`…`~` (94 of them), then
    /// `!!`, `"!`, … (bijective base 94 over the printable ASCII range, low digit first).
    public static func identifier(_ index: Int) -> String {
        var n = index
        var s = ""
        repeat {
            s.unicodeScalars.append(Unicode.Scalar(UInt8(33 + n % 94)))
            n = n / 94 - 1
        } while n >= 0
        return s
    }

    /// Names in a VCD cannot hold white space.
    static func sanitize(_ name: String) -> String {
        String(name.map { $0.isWhitespace ? "_" : $0 })
    }

    /// The dump of a board recording.
    public func write(_ r: TraceRecorder) -> String {
        var signals: [Signal] = []
        var pinIndex: [String: Int] = [:]
        for name in r.changedPins {
            pinIndex[name] = signals.count
            signals.append(Signal(name: name, initial: (r.initialLevels[name] ?? .floating).rawValue))
        }
        var sclIndex: [Int: Int] = [:]
        for bus in r.busesUsed {
            let lines = r.initialBusLines[bus] ?? TraceRecorder.BusLines()
            sclIndex[bus] = signals.count
            signals.append(Signal(name: "I2C\(bus)_SCL", initial: lines.scl ? "1" : "0"))
            signals.append(Signal(name: "I2C\(bus)_SDA", initial: lines.sda ? "1" : "0"))
        }
        var changes: [Change] = []
        for e in r.events {
            switch e {
            case .pin(let t, let name, let level):
                if let i = pinIndex[name] { changes.append(Change(time: t, signal: i, value: level.rawValue)) }
            case .i2c(let x):
                guard let scl = sclIndex[x.controller] else { continue }
                for edge in x.lineEdges() {
                    changes.append(Change(time: edge.time, signal: edge.line == .scl ? scl : scl + 1, value: edge.level ? "1" : "0"))
                }
            }
        }
        return write(signals: signals, start: r.initialTime, changes: changes)
    }

    /// The dump of `signals` starting at `start` ns, with `changes` in any order
    /// (equal times keep their given order). Changes before `start` count at `start`.
    public func write(signals: [Signal], start: UInt64, changes: [Change]) -> String {
        var out = "$version Breadbox $end\n$timescale 1 ns $end\n"
        out += "$scope module \(Self.sanitize(module)) $end\n"
        let ids = signals.indices.map(Self.identifier)
        for (i, s) in signals.enumerated() {
            out += "$var wire \(s.width) \(ids[i]) \(Self.sanitize(s.name)) $end\n"
        }
        out += "$upscope $end\n$enddefinitions $end\n"
        func line(_ i: Int, _ v: String) -> String {
            signals[i].width == 1 ? "\(v)\(ids[i])\n" : "b\(v) \(ids[i])\n"
        }
        out += "#\(start)\n$dumpvars\n"
        var now = signals.map(\.initial)
        for i in signals.indices { out += line(i, now[i]) }
        out += "$end\n"

        // Stable sort by time, then one section per instant.
        let sorted = changes.enumerated()
            .map { (max($0.element.time, start), $0.offset, $0.element) }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        var k = 0
        while k < sorted.count {
            let t = sorted[k].0
            var last: [Int: String] = [:]
            while k < sorted.count && sorted[k].0 == t {
                let c = sorted[k].2
                if signals.indices.contains(c.signal) { last[c.signal] = c.value }
                k += 1
            }
            var section = ""
            for i in last.keys.sorted() where last[i]! != now[i] {
                now[i] = last[i]!
                section += line(i, now[i])
            }
            guard !section.isEmpty else { continue }
            if t != start { out += "#\(t)\n" }
            out += section
        }
        return out
    }
}
