import BoardEmulator
import BoardNetwork
import PythonRuntime

/// `_network`: the board's `WiFiRadio` by plain calls, under `network.py`
/// (Firmware/micropython), which gives each port its own face.
public func installNetworkModule(_ rt: Runtime, radio: WiFiRadio, board: Board) {
    rt.registerNativeModule("_network") { rt, module throws(PyError) in
        func fn(_ name: String, _ body: @escaping NativeFunction) { rt.moduleFunction(module, name, body) }
        func arg(_ args: CallArguments, _ i: Int) -> Value { i < args.positional.count ? args.positional[i] : .none }
        func text(_ v: Value) throws(PyError) -> String {
            guard let s = v.as(PyStr.self) else { throw rt.typeError("can't convert \(rt.typeName(v)) to str") }
            return s.value
        }
        func int(_ v: Value) throws(PyError) -> Int {
            guard v.isSmallInt else { throw rt.typeError("can't convert \(rt.typeName(v)) to int") }
            return v.asSmallInt
        }
        func bytes(_ mac: MACAddress) -> Value { Value(rt.newBytes(mac.bytes)) }

        module.dict.setStr(rt.intern("port"), rt.str(board.definition.port.rawValue))
        // The chip's name as the ESP32 port's default hostname has it ("esp32s3").
        module.dict.setStr(rt.intern("chip"), rt.str(board.definition.id.replacingOccurrences(of: "_", with: "")))

        fn("active") { rt, args throws(PyError) in
            let itf = try int(arg(args, 0))
            let v = arg(args, 1)
            if v.isNone { return Value(bool: itf == 0 ? radio.stationActive : radio.accessPointActive) }
            let on = v === Value.true
            if itf == 0 { radio.setStationActive(on) } else { radio.setAccessPointActive(on) }
            return .none
        }
        fn("connect") { rt, args throws(PyError) in
            rt.reportPendingInstructions()
            let b = arg(args, 2)
            radio.connect(ssid: try text(arg(args, 0)), password: try text(arg(args, 1)),
                          bssid: b.isNone ? nil : b.as(PyBytes.self).map { MACAddress(bytes: $0.bytes) })
            return .none
        }
        fn("disconnect") { _, _ throws(PyError) in
            radio.disconnect()
            return .none
        }
        fn("state") { rt, _ throws(PyError) in
            rt.reportPendingInstructions()
            return rt.int(radio.stationState.rawValue)
        }
        fn("ifconfig") { rt, args throws(PyError) in
            let c = try int(arg(args, 0)) == 0 ? radio.stationConfiguration : radio.accessPointConfiguration
            return rt.tuple([rt.str(c.0), rt.str(c.1), rt.str(c.2), rt.str(c.3)])
        }
        fn("set_ifconfig") { rt, args throws(PyError) in
            let itf = try int(arg(args, 0))
            guard let t = arg(args, 1).as(PyTuple.self), t.items.count == 4 else { throw rt.valueError("invalid arguments") }
            var parts: [String] = []
            for v in t.items { parts.append(try text(v)) }
            let c = (parts[0], parts[1], parts[2], parts[3])
            if itf == 0 { radio.staticStationConfiguration = c } else { radio.accessPointConfiguration = c }
            return .none
        }
        fn("scan") { rt, _ throws(PyError) in
            rt.reportPendingInstructions()
            let found = radio.scan()
            var items = ContiguousArray<Value>()
            for ap in found {
                items.append(rt.tuple([Value(rt.newBytes(Array(ap.ssid.utf8))), bytes(ap.bssid), rt.int(ap.channel),
                                       rt.int(ap.rssi), Value(bool: !ap.isOpen)]))
            }
            return Value(rt.newList(items))
        }
        fn("mac") { rt, args throws(PyError) in
            bytes(try int(arg(args, 0)) == 0 ? radio.stationMAC : radio.accessPointMAC)
        }
        fn("sta_ssid") { rt, _ throws(PyError) in rt.str(radio.wantedSSID ?? "") }
        fn("sta_key") { rt, _ throws(PyError) in rt.str(radio.wantedPassword) }
        fn("ap_ssid") { rt, _ throws(PyError) in rt.str(radio.accessPointSSID) }
        fn("ap_key") { rt, _ throws(PyError) in rt.str(radio.accessPointPassword) }
        fn("set_ap") { rt, args throws(PyError) in
            if !arg(args, 0).isNone { radio.accessPointSSID = try text(arg(args, 0)) }
            if !arg(args, 1).isNone { radio.accessPointPassword = try text(arg(args, 1)) }
            if !arg(args, 2).isNone { radio.accessPointChannel = try int(arg(args, 2)) }
            return .none
        }
        fn("channel") { rt, args throws(PyError) in
            if try int(arg(args, 0)) == 0, radio.isConnected, let ap = radio.joined { return rt.int(ap.channel) }
            return rt.int(radio.accessPointChannel)
        }
        fn("rssi") { rt, _ throws(PyError) in
            rt.reportPendingInstructions()
            return radio.rssi.map { rt.int($0) } ?? .none
        }
    }
}
