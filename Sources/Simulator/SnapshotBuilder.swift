import BoardEmulator
import BoardNetwork
import BoardView
import BoardSupervisor
import FirmwareAPI

/// Reads the live board into a `BoardSnapshot`, on the firmware's thread.
///
/// The emulator is built without atomic reference counts (fastSwift), so
/// nothing in a snapshot may share storage with it: every string and array is
/// copied here, in this (atomic) module, before the window thread sees it.
enum SnapshotBuilder {
    static func fresh(_ s: String) -> String { String(decoding: Array(s.utf8), as: UTF8.self) }

    static func snapshot(of sup: Supervisor, paused: Bool) -> BoardSnapshot {
        let board = sup.board, assembly = sup.assembly, now = board.clock.now
        var s = BoardSnapshot()
        s.virtualNanoseconds = now
        if paused {
            s.state = .paused
        } else if sup.isExecuting {
            s.state = .running
        } else {
            switch sup.lastOutcome {
            case nil, .stopped?: s.state = .booting
            case .finished?: s.state = .finished
            case .exception?: s.state = sup.lastOutcomeWasUserInterrupt ? .interrupted : .crashed
            case .noProgram?: s.state = .waiting
            }
        }
        for p in board.definition.pins {
            let ref = p.ref
            guard let st = board.gpio.state(ref) else { continue }
            let duty = ref.gpioNumber.flatMap { board.pwm.dutyFraction(gpio: $0) }
            s.pins[ref] = PinView(level: st.level, isOutput: st.direction != .input, duty: duty)
        }
        if let o = assembly.onboardNeoPixel, let pin = o.pin, let first = o.pixels.first {
            s.onboardPixels[pin] = first
        }
        let env = assembly.environment
        env.update(to: now)
        s.environment.temperature = env.temperature
        s.environment.humidity = env.humidity
        s.environment.pressure = env.pressure
        s.environment.sensedTemperature = env.sensedTemperature

        let def = board.definition, flavour = board.flavour
        for (index, spec) in assembly.circuit.parts.enumerated() where index < assembly.parts.count {
            let part = assembly.parts[index].part
            var wires: [(name: String, pin: PinRef)] = []
            for (name, pinName) in (spec.pins ?? [:]).sorted(by: { $0.key < $1.key }) {
                if let ref = Circuit.resolvePin(pinName, definition: def, flavour: flavour) { wires.append((fresh(name), ref)) }
            }
            let kind: PartView.Kind
            switch part {
            case .led(let l):
                kind = .led(colour: l.rgb, brightness: l.brightness)
            case .neoPixel(let n):
                kind = .neoPixel(pixels: n.pixels.map { $0 })
            case .relay(let r):
                kind = .relay(energized: r.isEnergized, load: spec.load.map(fresh))
            case .fan(let f):
                kind = .fan(rpm: f.rpm(at: now), maxRPM: f.maxRPM, revolutions: f.revolutions(at: now))
            case .bme280(let b, _):
                kind = .bme280(address: b.address, temperature: env.sensedTemperature, humidity: env.humidity,
                               pressure: env.pressure, samples: b.samplesTaken)
            case .button(let b):
                kind = .button(pressed: b.isPressed)
            case .potentiometer(let k):
                kind = .potentiometer(position: k.position)
            case .slideSwitch(let w):
                kind = .slideSwitch(right: w.isRight)
            case .pullResistor(let r):
                kind = .pullResistor(value: r.valueText, toSupply: r.toSupply)
            case .dht22(let d):
                let r = d.pendingReading
                kind = .dht22(temperature: r.temperature, humidity: r.humidity, reads: d.readsAnswered,
                              ownTemperature: d.temperature != nil, ownHumidity: d.humidity != nil)
            }
            s.parts.append(PartView(id: fresh(spec.id), wires: wires, kind: kind))
        }
        s.wifi = wifi(of: sup)
        return s
    }

    /// The radio's station, the network's switch and its newest traffic.
    ///
    /// `stationState` looks at the air (a radio notices a lost access point when
    /// asked): a real chip notices missed beacons without the program asking,
    /// so the window showing it at once is the truer picture.
    static func wifi(of sup: Supervisor) -> WiFiView {
        var w = WiFiView()
        let radio = sup.networking.radio, network = sup.network
        let state = radio.stationState
        switch state {
        case .idle: w.station = radio.stationActive ? .idle : .off
        case .joining: w.station = .joining
        case .connected: w.station = .connected
        case .noAccessPoint: w.station = .noNetwork
        case .wrongPassword: w.station = .wrongPassword
        case .linkLost: w.station = .linkLost
        }
        w.ssid = (radio.joined?.ssid ?? radio.wantedSSID).map(fresh)
        if state == .connected {
            w.address = fresh(radio.stationConfiguration.0)
            w.rssi = radio.rssi
        }
        w.accessPointsUp = network.isUp
        if radio.accessPointActive { w.softAccessPoint = fresh(radio.accessPointSSID) }
        // Other boards' threads write the log too: copy what we keep.
        w.traffic = network.log.recent.suffix(WiFiView.trafficLines).map {
            WiFiView.TrafficLine(time: $0.time, text: fresh($0.text))
        }
        return w
    }
}
