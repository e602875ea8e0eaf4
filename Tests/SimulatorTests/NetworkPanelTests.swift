import BoardEmulator
import BoardView
import BreadboxTestSupport
import BoardSupervisor
import FirmwareAPI
import Foundation
import Simulator
import XCTest

/// The network panel: the Wi-Fi line for each state of the station, the
/// access points' switch (drawn, clicked, F9), the traffic lines clipped to
/// the panel, and the switch reaching a live board's radio.
final class NetworkPanelTests: SimulatorTestCase {
    func scene(width: Int = 1280, height: Int = 800) throws -> Scene {
        let def = try BoardDefinition.load(id: "pico_w")
        return Scene(definition: def, art: try BoardArt.load(boardID: "pico_w"), font: try BitmapFont.standard(),
                     flavour: .micropython, projectName: "t", width: width, height: height)
    }

    func render(_ s: BoardSnapshot, _ scene: Scene, width: Int = 1280, height: Int = 800) -> Canvas {
        let c = Canvas(width: width, height: height)
        scene.render(s, on: c)
        return c
    }

    func connected() -> BoardSnapshot {
        var s = BoardSnapshot()
        s.wifi.station = .connected
        s.wifi.ssid = "HomeNet"
        s.wifi.address = "192.168.1.2"
        s.wifi.rssi = -45
        return s
    }

    /// Where `text` is written, left-aligned at `x`, inside `region` (its top
    /// row), found by its ink: the pixels that differ from the panel's
    /// background are exactly the font's pixels for `text`. Nil when nowhere.
    func row(showing text: String, at x: Double, in region: Rect, of canvas: Canvas, font: BitmapFont) -> Int? {
        let background = canvas.pixel(Int(region.maxX) - 3, Int(region.maxY) - 3)
        let w = font.width(of: text), h = font.cellHeight
        let reference = Canvas(width: w, height: h, background: .black)
        font.draw(text, at: 0, 0, .white, on: reference)
        let ink = (0..<h).flatMap { y in (0..<w).map { reference.pixel($0, y) != .black } }
        for y in Int(region.y)..<(Int(region.maxY) - h) {
            var same = true
            for dy in 0..<h where same {
                for dx in 0..<w where ink[dy * w + dx] != (canvas.pixel(Int(x) + dx, y + dy) != background) {
                    same = false
                    break
                }
            }
            if same { return y }
        }
        return nil
    }

    func testWiFiLineSaysWhereTheStationStands() {
        var w = WiFiView()
        XCTAssertEqual(w.statusLine, "Wi-Fi: off")
        w.station = .idle
        XCTAssertEqual(w.statusLine, "Wi-Fi: not connected")
        w.ssid = "HomeNet"
        w.station = .joining
        XCTAssertEqual(w.statusLine, "Wi-Fi: joining HomeNet…")
        w.station = .wrongPassword
        XCTAssertEqual(w.statusLine, "Wi-Fi: wrong password for HomeNet")
        w.station = .noNetwork
        XCTAssertEqual(w.statusLine, "Wi-Fi: no network HomeNet")
        w.station = .linkLost
        XCTAssertEqual(w.statusLine, "Wi-Fi: lost HomeNet, rejoining…")
        w.station = .connected
        w.address = "10.13.37.2"
        w.rssi = -45
        XCTAssertEqual(w.statusLine, "Wi-Fi: HomeNet  10.13.37.2  -45 dBm")
        XCTAssertEqual(Scene.trafficText(.init(time: 2_345_000_000, text: "joined")), "  2.345  joined")
    }

    func testPanelShowsEachStateInItsColour() throws {
        let sc = try scene()
        let x = sc.layout.network.x + 12
        let cases: [(WiFiView.Station, Colour)] = [
            (.connected, Colour(120, 200, 110)), (.joining, Colour(97, 175, 239)),
            (.wrongPassword, Colour(235, 95, 90)), (.noNetwork, Colour(235, 95, 90)), (.off, Colour(140, 147, 158)),
        ]
        for (station, colour) in cases {
            var s = connected()
            s.wifi.station = station
            let c = render(s, sc)
            let y = try XCTUnwrap(row(showing: s.wifi.statusLine, at: x, in: sc.layout.network, of: c, font: sc.font),
                                  "the panel shows \"\(s.wifi.statusLine)\"")
            let inked = (y..<(y + sc.font.cellHeight)).flatMap { yy in
                (Int(x)..<Int(x) + sc.font.width(of: s.wifi.statusLine)).map { c.pixel($0, yy) }
            }
            XCTAssertTrue(inked.contains(colour), "\(station) is written in \(colour)")
        }
    }

    func testSwitchShowsTheAccessPointsAndAClickFlipsThem() throws {
        let sc = try scene()
        var s = connected()
        var c = render(s, sc)
        let sw = sc.accessPointSwitch()
        XCTAssertTrue(sc.layout.network.contains(Point(sw.maxX, sw.maxY)), "the switch is inside the panel")
        XCTAssertNotNil(row(showing: "Access points: on", at: sw.x + 46, in: sc.layout.network, of: c, font: sc.font))
        // The pill: green with its knob right when on, dark with the knob left when off.
        let left = (Int(sw.x + 5), Int(sw.y + 11)), right = (Int(sw.x + 31), Int(sw.y + 11))
        XCTAssertEqual(c.pixel(left.0, left.1), Colour(120, 200, 110))
        XCTAssertEqual(c.pixel(right.0, right.1), Colour(220, 223, 228))
        XCTAssertEqual(sc.control(at: sw.center), .accessPoints)
        XCTAssertEqual(sc.handle(pointer: .down(sw.center)), [.setAccessPoints(up: false)])
        XCTAssertEqual(sc.handle(pointer: .up(sw.center)), [])
        XCTAssertEqual(sc.handle(key: .function(9)), [.setAccessPoints(up: false)], "F9 flips it too")

        s.wifi.accessPointsUp = false
        s.wifi.station = .linkLost
        c = render(s, sc)
        XCTAssertNotNil(row(showing: "Access points: off", at: sw.x + 46, in: sc.layout.network, of: c, font: sc.font))
        XCTAssertEqual(c.pixel(left.0, left.1), Colour(220, 223, 228))
        XCTAssertEqual(c.pixel(right.0, right.1), Colour(20, 22, 26))
        XCTAssertEqual(sc.handle(pointer: .down(sw.center)), [.setAccessPoints(up: true)])
    }

    func testLongTrafficLinesWrapUnderTheirText() {
        let join = "28:cd:c1:98:b5:42 joined Wokwi-GUEST, address 10.13.37.2"
        let lines: [WiFiView.TrafficLine] = [.init(time: 1_000_000_000, text: "first"), .init(time: 2_000_000_000, text: join)]
        XCTAssertEqual(Scene.trafficRows(lines, columns: 40, rows: 5),
                       ["  1.000  first", "  2.000  28:cd:c1:98:b5:42 joined", "         Wokwi-GUEST, address 10.13.37.2"])
        XCTAssertEqual(Scene.trafficRows(lines, columns: 40, rows: 2),
                       ["  2.000  28:cd:c1:98:b5:42 joined", "         Wokwi-GUEST, address 10.13.37.2"],
                       "the newest rows are kept")
        XCTAssertEqual(Scene.trafficRows([.init(time: 0, text: String(repeating: "x", count: 30))], columns: 20, rows: 5),
                       ["  0.000  " + String(repeating: "x", count: 11), String(repeating: " ", count: 9) + String(repeating: "x", count: 11),
                        String(repeating: " ", count: 9) + String(repeating: "x", count: 8)],
                       "a word longer than the row is cut")
        XCTAssertEqual(Scene.trafficRows(lines, columns: 80, rows: 0), [])
    }

    func testTrafficShowsTheNewestLinesThatFit() throws {
        var s = connected()
        s.wifi.traffic = (1...8).map { .init(time: UInt64($0) * 1_000_000_000, text: "event number \($0)") }
        for (w, h, fit) in [(1280, 800, 8), (640, 480, 2)] {
            let sc = try scene(width: w, height: h)
            let c = render(s, sc, width: w, height: h)
            XCTAssertEqual(sc.trafficRowsFit(), fit, "\(w)x\(h)")
            let x = sc.layout.network.x + 12
            func shows(_ n: Int) -> Bool {
                row(showing: "  \(n).000  event number \(n)", at: x, in: sc.layout.network, of: c, font: sc.font) != nil
            }
            XCTAssertTrue(shows(8), "the newest line is shown at \(w)x\(h)")
            XCTAssertTrue(shows(9 - fit), "\(fit) lines at \(w)x\(h)")
            if fit < 8 { XCTAssertFalse(shows(8 - fit), "older lines make room at \(w)x\(h)") }
            let line = w < 1000 ? "HomeNet  192.168.1.2  -45 dBm" : "Wi-Fi: HomeNet  192.168.1.2  -45 dBm"
            XCTAssertNotNil(row(showing: line, at: x, in: sc.layout.network, of: c, font: sc.font),
                            "the whole Wi-Fi line fits at \(w)x\(h)")
        }
        // A join's address, past the panel's width, shows on the row below.
        s.wifi.traffic.append(.init(time: 9_000_000_000, text: "28:cd:c1:98:b5:42 joined Wokwi-GUEST, address 10.13.37.2"))
        let sc = try scene()
        let c = render(s, sc)
        XCTAssertNotNil(row(showing: "10.13.37.2", at: sc.layout.network.x + 12 + 9 * 8,
                            in: sc.layout.network, of: c, font: sc.font))
    }

    func testLayoutGivesTheNetworkPanelTheConsolesRightEnd() throws {
        for (w, h) in [(640, 480), (1280, 800), (1920, 1080)] {
            let l = try scene(width: w, height: h).layout
            XCTAssertEqual(l.network.x, l.console.maxX, "\(w)x\(h)")
            XCTAssertEqual(l.network.maxX, Double(w), "\(w)x\(h)")
            XCTAssertEqual(l.network.y, l.console.y, "\(w)x\(h)")
            XCTAssertGreaterThanOrEqual(l.network.width, 300, "\(w)x\(h)")
            XCTAssertGreaterThanOrEqual(l.console.width, 300, "\(w)x\(h)")
        }
    }

    /// The Pico W joins Wokwi's guest network; the window's switch takes the
    /// access points off the air, and the firmware sees the link go (status 1:
    /// the CYW43 rejoining) until the switch brings them back.
    func testSwitchTakesTheBoardOffTheNetworkAndBack() throws {
        let project = try makeProject(parts: "", files: ["main.py": """
            import network, time
            wlan = network.WLAN(network.STA_IF)
            wlan.active(True)
            wlan.connect('Wokwi-GUEST', '')
            while not wlan.isconnected():
                time.sleep_ms(50)
            print('connected', wlan.ifconfig()[0])
            while wlan.isconnected():
                time.sleep_ms(50)
            print('lost', wlan.status(), wlan.isconnected())
            while not wlan.isconnected():
                time.sleep_ms(50)
            print('back', wlan.status(), wlan.ifconfig()[0])
            """])
        let serial = LockedText()
        let sim = try LiveSimulator(project: project, speed: .speedFactor(4), mirror: { serial.append($0) })
        sim.start()
        addTeardownBlock { XCTAssertTrue(sim.stop(), "the firmware thread ends when asked") }
        XCTAssertTrue(eventually { serial.value.contains("connected 10.13.37.2") }, serial.value)
        XCTAssertTrue(eventually { sim.take().snapshot.wifi.station == .connected })
        let wifi = sim.take().snapshot.wifi
        XCTAssertEqual(wifi.ssid, "Wokwi-GUEST")
        XCTAssertEqual(wifi.address, "10.13.37.2")
        XCTAssertEqual(wifi.rssi, -45, "Wokwi-GUEST's signal")
        XCTAssertTrue(wifi.accessPointsUp)
        XCTAssertTrue(wifi.traffic.contains { $0.text.hasSuffix("joined Wokwi-GUEST, address 10.13.37.2") }, "\(wifi.traffic)")

        // The person clicks the switch in the window.
        let sc = try Scene.standard(definition: sim.definition, flavour: sim.flavour, projectName: sim.projectName)
        sc.render(sim.take().snapshot, on: Canvas(width: 1280, height: 800))
        let actions = sc.handle(pointer: .down(sc.accessPointSwitch().center))
        XCTAssertEqual(actions, [.setAccessPoints(up: false)])
        actions.forEach(sim.perform)
        XCTAssertTrue(eventually { serial.value.contains("lost 1 False") }, serial.value)
        let off = sim.take().snapshot.wifi
        XCTAssertFalse(off.accessPointsUp)
        XCTAssertEqual(off.station, .linkLost)
        XCTAssertTrue(off.traffic.contains { $0.text == "window: access points off" }, "\(off.traffic)")
        XCTAssertTrue(off.traffic.contains { $0.text.hasSuffix("lost Wokwi-GUEST") }, "\(off.traffic)")

        sim.perform(.setAccessPoints(up: true))
        XCTAssertTrue(eventually { serial.value.contains("back 3 10.13.37.2") }, serial.value)
        XCTAssertTrue(eventually { sim.take().snapshot.wifi.station == .connected })
        XCTAssertTrue(sim.take().snapshot.wifi.accessPointsUp)
    }

    /// A headless screenshot of a board with the wrong password says so.
    func testScreenshotShowsAWrongPassword() throws {
        let project = try makeProject(parts: "", network: #"{"accessPoints": [{"ssid": "HomeNet", "password": "hunter22"}]}"#,
                                      files: ["main.py": """
            import network, time
            wlan = network.WLAN(network.STA_IF)
            wlan.active(True)
            wlan.connect('HomeNet', 'wrong-one')
            time.sleep(3)
            print('status', wlan.status())
            """])
        let sup = try Supervisor(project: project)
        let camera = try ScreenshotCamera(supervisor: sup, projectName: "t", file: URL(fileURLWithPath: "/dev/null"), at: nil)
        camera.attach()
        _ = sup.runHeadless(timeoutNanoseconds: 5_000_000_000)
        XCTAssertTrue(camera.scene.console.text.contains("status -3"), camera.scene.console.text)
        let c = camera.render()
        let sc = camera.scene
        XCTAssertNotNil(row(showing: "Wi-Fi: wrong password for HomeNet", at: sc.layout.network.x + 12,
                            in: sc.layout.network, of: c, font: sc.font))
    }
}
